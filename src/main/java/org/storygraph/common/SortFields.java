package org.storygraph.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.storygraph.common.SortOrder.Direction;

/**
 * The sortable fields of one list endpoint: an allow-list from public field names to fixed Cypher expressions, each
 * with its default direction. Parses the {@code sort} request parameter the way Spring Data does:
 * {@code sort=field}, {@code sort=field,asc}, {@code sort=field,desc}, several fields with one direction
 * ({@code sort=a,b,desc}), repeatable ({@code sort=a,desc&sort=b}). A field without a direction takes its default
 * one; an unknown field or an empty value is an {@link InvalidParameterException} on {@code sort} listing the
 * allowed fields. Only expressions of the allow-list ever reach the Cypher text.
 */
public final class SortFields {

    /**
     * One sortable field.
     *
     * @param name             the name clients use
     * @param expression       the Cypher expression it orders by (fixed text, never user input)
     * @param defaultDirection the direction when the request names none
     * @param nullsLast        put rows without a value last in both directions
     */
    public record Field(String name, String expression, Direction defaultDirection, boolean nullsLast) {

        public static Field asc(String name, String expression) {
            return new Field(name, expression, Direction.ASC, false);
        }

        public static Field desc(String name, String expression) {
            return new Field(name, expression, Direction.DESC, false);
        }

        /** This field with rows that have no value ordered last. */
        public Field withNullsLast() {
            return new Field(name, expression, defaultDirection, true);
        }
    }

    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final List<String> defaults;

    private SortFields(List<String> defaults, Field... fields) {
        for (Field f : fields) {
            this.fields.put(f.name().toLowerCase(Locale.ROOT), f);
        }
        this.defaults = List.copyOf(defaults);
        parse(this.defaults); // a bad default fails at start-up
    }

    /**
     * The allow-list of an endpoint.
     *
     * @param defaultSort the order when the request has no {@code sort}, written as a request would
     *                    ({@code "size"} or {@code "shared,jaccard"} or {@code "name,asc"})
     */
    public static SortFields of(String defaultSort, Field... fields) {
        return new SortFields(List.of(defaultSort), fields);
    }

    /** The allowed field names, in declaration order. */
    public List<String> names() {
        return fields.values().stream().map(Field::name).toList();
    }

    /** The allowed fields with their default directions, for messages: {@code size (desc), recency (desc)}. */
    public String describe() {
        return fields.values().stream()
                .map(f -> f.name() + " (" + f.defaultDirection().name().toLowerCase(Locale.ROOT) + ")")
                .collect(Collectors.joining(", "));
    }

    /**
     * The order a request's {@code sort} values ask for; the default order when there are none.
     *
     * <p>Spring MVC splits a single {@code sort=a,desc} bound to a {@code List<String>} into {@code [a, desc]}
     * and leaves several values whole ({@code [a,desc, b]}). So when no value holds a comma the values are read as
     * one comma-separated value (a trailing direction applies to all fields), otherwise each value on its own.
     *
     * @throws InvalidParameterException on an unknown field or a value without a field
     */
    public SortOrder parse(List<String> sort) {
        List<String> values = sort == null ? List.of()
                : sort.stream().filter(v -> v != null && !v.isBlank()).toList();
        if (values.isEmpty()) {
            values = defaults;
        } else if (values.stream().noneMatch(v -> v.contains(","))) {
            values = List.of(String.join(",", values));
        }
        List<SortOrder.Term> terms = new ArrayList<>();
        for (String value : values) {
            List<String> tokens = Arrays.stream(value.split(",")).map(String::strip).filter(t -> !t.isEmpty())
                    .toList();
            Direction direction = null;
            if (!tokens.isEmpty()) {
                direction = direction(tokens.getLast());
            }
            List<String> names = direction == null ? tokens : tokens.subList(0, tokens.size() - 1);
            if (names.isEmpty()) {
                throw invalid("Parameter 'sort' needs a field before the direction: '" + value + "'");
            }
            for (String name : names) {
                Field f = fields.get(name.toLowerCase(Locale.ROOT));
                if (f == null) {
                    throw invalid("Unknown sort field '" + name + "'; allowed: " + describe()
                            + ", each optionally followed by ,asc or ,desc");
                }
                if (terms.stream().noneMatch(t -> t.field().equals(f.name()))) {
                    terms.add(new SortOrder.Term(f.name(), f.expression(),
                            direction == null ? f.defaultDirection() : direction, f.nullsLast()));
                }
            }
        }
        return new SortOrder(terms);
    }

    private static Direction direction(String token) {
        return switch (token.toLowerCase(Locale.ROOT)) {
            case "asc" -> Direction.ASC;
            case "desc" -> Direction.DESC;
            default -> null;
        };
    }

    private static InvalidParameterException invalid(String message) {
        return new InvalidParameterException("sort", message);
    }
}
