package org.storygraph.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class QueryFileParserTest {

    private static SavedQuery parse(String text) {
        return QueryFileParser.parse("file.cypher", text, Duration.ofSeconds(10), Duration.ofSeconds(60), 10_000);
    }

    @Test
    void readsTheHeader() {
        SavedQuery q = parse("""
                // name: top-providers
                // description: Providers that most often
                //   published first.
                // param: from datetime = 2020-01-01T00:00:00Z -- only stories after this
                // param: limit int = 20
                // param: provider string -- a domain
                // timeout: 5s
                // limit: 100
                MATCH (p:Provider) WHERE p.domain = $provider
                RETURN p LIMIT $limit;
                """);
        assertThat(q.valid()).as(q.error()).isTrue();
        assertThat(q.name()).isEqualTo("top-providers");
        assertThat(q.description()).isEqualTo("Providers that most often published first.");
        assertThat(q.params()).containsExactly(
                new QueryParam("from", "datetime", "2020-01-01T00:00:00Z", "only stories after this"),
                new QueryParam("limit", "int", "20", null),
                new QueryParam("provider", "string", null, "a domain"));
        assertThat(q.params().get(2).required()).isTrue();
        assertThat(q.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(q.limit()).isEqualTo(100);
        assertThat(q.cypher()).isEqualTo("MATCH (p:Provider) WHERE p.domain = $provider\nRETURN p LIMIT $limit");
    }

    @Test
    void capsTimeoutAndRowsAtTheConfiguredMaximum() {
        SavedQuery q = parse("// description: d\n// timeout: 10m\n// limit: 999999\nRETURN 1");
        assertThat(q.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(q.limit()).isEqualTo(10_000);
        assertThat(q.name()).isEqualTo("file");
    }

    @Test
    void reportsEveryProblemOfABrokenHeader() {
        SavedQuery q = parse("""
                // name: Bad Name
                // param: x timestamp
                // param: y int = many
                // param: z int
                // param: z int
                // timeout: soon
                """);
        assertThat(q.valid()).isFalse();
        assertThat(q.error()).contains("unknown type 'timestamp'", "default of parameter 'y'",
                "'z' is declared twice", "timeout 'soon'", "name 'Bad Name'", "no Cypher", "no description");
    }

    @Test
    void findsParametersOutsideStringsAndComments() {
        assertThat(QueryCatalog.parametersUsed("""
                MATCH (a {id: $id}) // $commented
                WHERE a.t = '$notAParam' AND a.x IN $list
                RETURN "$quoted", $id
                """)).isEqualTo(List.of("id", "list"));
    }
}
