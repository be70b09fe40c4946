package org.storygraph.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.storygraph.GraphFixtures;
import org.storygraph.StoryGraphTest;

/**
 * Saved queries cannot write, cannot run forever, cannot return unbounded rows, and take parameters only as typed,
 * bound values. Uses the test catalogue in src/test/resources/saved-queries-test.
 */
@StoryGraphTest
@TestPropertySource(properties = "storygraph.queries.dir=src/test/resources/saved-queries-test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuerySafetyTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    GraphFixtures graph;
    @Autowired
    QueryCatalog catalog;
    @Autowired
    QueryRunner runner;

    private long nodes;

    @BeforeAll
    void seeds() {
        graph.seeds();
        catalog.reload();
        nodes = graph.count("MATCH (n) RETURN count(n)");
    }

    private void nothingWasWritten() {
        assertThat(graph.count("MATCH (n) RETURN count(n)")).isEqualTo(nodes);
        assertThat(graph.count("MATCH (n:Intruder) RETURN count(n)")).isZero();
        assertThat(graph.count("MATCH (a:Article) WHERE a.title = 'pwned' OR a.touched RETURN count(a)")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"writes-create", "writes-merge", "writes-delete", "writes-set", "load-csv",
            "in-transactions", "syntax-error", "undeclared", "bad-header"})
    void brokenOrWritingQueriesAreReportedAndRefused(String name) {
        SavedQuery q = catalog.find(name).orElseThrow();
        assertThat(q.valid()).isFalse();
        assertThat(mvc.get().uri("/api/queries")).bodyJson()
                .hasPathSatisfying("$.items[?(@.name == '" + name + "')].valid", v -> v.assertThat().asList()
                        .containsExactly(false));
        assertThat(mvc.post().uri("/api/queries/{name}/run", name)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        nothingWasWritten();
    }

    @Test
    void explainsWhyEachIsBroken() {
        assertThat(catalog.find("writes-create").orElseThrow().error()).contains("saved queries must be read-only");
        assertThat(catalog.find("load-csv").orElseThrow().error()).contains("LOAD CSV is not allowed");
        assertThat(catalog.find("undeclared").orElseThrow().error()).contains("[id]");
        assertThat(catalog.find("syntax-error").orElseThrow().error()).startsWith("EXPLAIN failed");
        assertThat(mvc.get().uri("/actuator/health")).bodyJson()
                .hasPathSatisfying("$.components.savedQueries.status", v -> v.assertThat().isEqualTo("UP"))
                .hasPathSatisfying("$.components.savedQueries.details.broken['writes-set.cypher']",
                        v -> v.assertThat().asString().contains("read-only"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE (:Intruder {name: 'x'}) RETURN 1",
            "MERGE (i:Intruder {name: 'x'}) RETURN i",
            "MATCH (a:Article) DETACH DELETE a RETURN count(*)",
            "MATCH (a:Article) SET a.title = 'pwned' RETURN count(a)",
            "MATCH (a:Article) CALL (a) { SET a.touched = true } IN TRANSACTIONS RETURN count(a)"})
    void theReadTransactionRefusesWritesEvenWithoutTheCatalogueCheck(String cypher) {
        SavedQuery raw = new SavedQuery("raw", "bypasses validation", "raw.cypher", List.of(), Duration.ofSeconds(5),
                100, cypher, null);
        try {
            runner.execute(raw, Map.of()).close();
            throw new AssertionError("the write ran");
        } catch (QueryException e) {
            assertThat(e.kind().askersFault()).as(e.getMessage()).isTrue();
        }
        nothingWasWritten();
    }

    @Test
    void stopsASlowQueryAtItsTimeout() {
        long started = System.nanoTime();
        assertThat(mvc.post().uri("/api/queries/slow/run")).hasStatus(HttpStatus.GATEWAY_TIMEOUT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                .extractingPath("$.detail").asString().contains("limit of 1.0 s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void capsRowsAndSaysSo() {
        assertThat(mvc.post().uri("/api/queries/many-rows/run")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.columns", v -> v.assertThat().asList().containsExactly("i", "detail"))
                .hasPathSatisfying("$.rowCount", v -> v.assertThat().isEqualTo(5))
                .hasPathSatisfying("$.rows.length()", v -> v.assertThat().isEqualTo(5))
                .hasPathSatisfying("$.rows[4][1].square", v -> v.assertThat().isEqualTo(25))
                .hasPathSatisfying("$.truncated", v -> v.assertThat().isEqualTo(true));
    }

    @Test
    void typesParametersAndNamesTheOneAtFault() {
        assertThat(mvc.post().uri("/api/queries/typed/run")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.rows[0]", v -> v.assertThat().asList().containsExactly("hello", 3, 0.5, true,
                        "2020-06-11", "2020-06-11T09:53Z", "P0M1DT7200S", List.of("a", "b"), "2020-06-12T11:53Z"));
        assertThat(mvc.post().uri("/api/queries/typed/run").contentType(MediaType.APPLICATION_JSON)
                .content("{\"i\": \"3\"}")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.parameter").isEqualTo("i");
        assertThat(mvc.post().uri("/api/queries/typed/run").contentType(MediaType.APPLICATION_JSON)
                .content("{\"t\": \"yesterday\"}")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.parameter").isEqualTo("t");
        assertThat(mvc.post().uri("/api/queries/typed/run").contentType(MediaType.APPLICATION_JSON)
                .content("{\"words\": [1]}")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.parameter").isEqualTo("words");
        assertThat(mvc.post().uri("/api/queries/typed/run").contentType(MediaType.APPLICATION_JSON)
                .content("{\"nope\": 1}")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.parameter").isEqualTo("nope");
        assertThat(mvc.post().uri("/api/queries/articles-by-provider/run")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.detail").asString().contains("required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wbur.org' OR 1=1 //", "wbur.org\"}) RETURN 1 //", "x}) MATCH (n) DETACH DELETE n //",
            "' UNION MATCH (n) RETURN n.title AS title, n.url AS url //", "$provider", "\\u0027; DROP"})
    void hostileParameterValuesAreOnlyEverValues(String hostile) {
        var json = "{\"provider\": " + tools.jackson.databind.json.JsonMapper.builder().build()
                .writeValueAsString(hostile) + "}";
        assertThat(mvc.post().uri("/api/queries/articles-by-provider/run").contentType(MediaType.APPLICATION_JSON)
                .content(json)).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.rowCount", v -> v.assertThat().isEqualTo(0));
        nothingWasWritten();
        assertThat(mvc.post().uri("/api/queries/articles-by-provider/run").contentType(MediaType.APPLICATION_JSON)
                .content("{\"provider\": \"wbur.org\"}")).bodyJson()
                .hasPathSatisfying("$.rowCount", v -> v.assertThat().isEqualTo(2));
    }

    @Test
    void unknownNamesAre404sEvenWhenTheyLookLikePaths() {
        // a name with slashes is not a saved-query run at all: refused like any other write path
        assertThat(mvc.post().uri("/api/queries/{name}/run", "../../../etc/passwd")).hasStatus4xxClientError();
        assertThat(mvc.post().uri("/api/queries/{name}/run", "..%2F..%2Fetc%2Fpasswd")).hasStatus4xxClientError();
        assertThat(mvc.post().uri("/api/queries/nope/run")).hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void serialisesGraphValuesReadably() {
        assertThat(mvc.post().uri("/api/queries/graph-values/run")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.rows[0][0].labels", v -> v.assertThat().asList().containsExactly("Article"))
                .hasPathSatisfying("$.rows[0][0].properties.title", v -> v.assertThat().isNotNull())
                .doesNotHavePath("$.rows[0][0].properties.embedding")
                .hasPathSatisfying("$.rows[0][1].type", v -> v.assertThat().isEqualTo("PUBLISHED_BY"))
                .hasPathSatisfying("$.rows[0][2].nodes.length()", v -> v.assertThat().isEqualTo(2))
                .hasPathSatisfying("$.rows[0][3]", v -> v.assertThat().asString().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
    }

    @Test
    void answersCsvWhenAsked() throws Exception {
        var result = mvc.post().uri("/api/queries/many-rows/run").accept("text/csv").exchange();
        assertThat(result).hasStatusOk();
        String csv = result.getResponse().getContentAsString();
        assertThat(csv.split("\r\n")).containsExactly("i,detail", "1,\"{\"\"square\"\":1}\"",
                "2,\"{\"\"square\"\":4}\"", "3,\"{\"\"square\"\":9}\"", "4,\"{\"\"square\"\":16}\"",
                "5,\"{\"\"square\"\":25}\"");
    }

    @Test
    void reloadNeedsTheApiKey() {
        assertThat(mvc.post().uri("/api/queries/reload")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post().uri("/api/queries/reload").header("X-API-Key", StoryGraphTest.API_KEY))
                .hasStatusOk().bodyJson().extractingPath("$.length()").isEqualTo(catalog.all().size());
    }
}
