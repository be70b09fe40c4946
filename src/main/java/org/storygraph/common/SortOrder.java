package org.storygraph.common;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A parsed {@code sort} request: the fields to order by, in order, each with its direction and the Cypher expression
 * its endpoint's {@link SortFields} allow-list maps it to. Made only by {@link SortFields#parse}, so
 * {@link #cypher()} never holds text a user typed.
 */
public record SortOrder(List<Term> terms) {

    /** Ascending or descending. */
    public enum Direction { ASC, DESC }

    /**
     * One field of the order.
     *
     * @param field      the public field name ({@code size})
     * @param expression the Cypher expression from the allow-list ({@code s.size})
     * @param direction  the requested direction, or the field's default one
     * @param nullsLast  whether rows without a value go last whatever the direction
     */
    public record Term(String field, String expression, Direction direction, boolean nullsLast) {

        String cypher() {
            return (nullsLast ? expression + " IS NULL, " : "") + expression + " " + direction;
        }
    }

    public SortOrder {
        terms = List.copyOf(terms);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("a sort order needs a field");
        }
    }

    /** The terms as a Cypher {@code ORDER BY} list (without the keywords), e.g. {@code s.size DESC, s.id ASC}. */
    public String cypher() {
        return terms.stream().map(Term::cypher).collect(Collectors.joining(", "));
    }

    /** The first field's name. */
    public String field() {
        return terms.getFirst().field();
    }

    /** The order as a client would write it: {@code size,desc&sort=recency,asc} fragments joined by ';'. */
    @Override
    public String toString() {
        return terms.stream().map(t -> t.field() + "," + t.direction().name().toLowerCase())
                .collect(Collectors.joining(";"));
    }
}
