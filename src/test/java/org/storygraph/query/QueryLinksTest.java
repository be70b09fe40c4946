package org.storygraph.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.storygraph.GraphFixtures;
import org.storygraph.common.Csv;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/queries/{name}/run?param=value&format=csv|json}: links for pandas, R and curl. Parameters come typed
 * from the query string with the checks of the POST body; the CSV, read back with Commons CSV, holds exactly the
 * JSON result's columns and rows. Same test catalogue (and so the same cached context) as {@link QuerySafetyTest}.
 */
@org.storygraph.StoryGraphTest
@TestPropertySource(properties = "storygraph.queries.dir=src/test/resources/saved-queries-test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryLinksTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    GraphFixtures graph;
    @Autowired
    QueryCatalog catalog;

    private final JsonMapper json = JsonMapper.builder().build();
    private long nodes;

    @BeforeAll
    void seeds() {
        graph.seeds();
        catalog.reload();
        nodes = graph.count("MATCH (n) RETURN count(n)");
    }

    private MvcTestResult get(String uri, String... accept) {
        // a URI as it is: a template would encode the %-escapes of the query string a second time
        var request = mvc.get().uri(java.net.URI.create(uri));
        if (accept.length > 0) {
            request = request.header(HttpHeaders.ACCEPT, accept[0]);
        }
        return request.exchange();
    }

    private static String body(MvcTestResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    /** Header first, then the rows, as Commons CSV reads them in the house format. */
    private static List<List<String>> csv(String text) throws IOException {
        try (CSVParser parser = Csv.reader(new StringReader(text))) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(parser.getHeaderNames());
            for (CSVRecord r : parser) {
                assertThat(r.isConsistent()).as("row %s", r.toList()).isTrue();
                rows.add(r.toList());
            }
            return rows;
        }
    }

    /** The JSON result as the CSV writes it: scalars as text, nested values as JSON, null as an empty field. */
    private List<List<String>> asCsv(JsonNode result) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(result.get("columns").valueStream().map(JsonNode::asString).toList());
        for (JsonNode row : result.get("rows")) {
            rows.add(row.valueStream().map(v -> v.isNull() ? "" : v.isValueNode() ? v.asString() : v.toString())
                    .toList());
        }
        return rows;
    }

    @Test
    void theCsvOfALinkHoldsTheRowsOfTheJsonForTheSameParameters() throws IOException {
        String params = "provider=wbur.org&limit=5";
        MvcTestResult csvResult = get("/api/queries/articles-by-provider/run?" + params + "&format=csv");
        assertThat(csvResult).hasStatusOk();
        assertThat(csvResult.getResponse().getContentType()).startsWith("text/csv");
        assertThat(csvResult.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"articles-by-provider.csv\"");
        MvcTestResult jsonResult = get("/api/queries/articles-by-provider/run?" + params);
        assertThat(jsonResult).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        JsonNode result = json.readTree(body(jsonResult));
        assertThat(result.get("rowCount").asInt()).isEqualTo(2);
        List<List<String>> rows = csv(body(csvResult));
        assertThat(rows.getFirst()).containsExactly("title", "url");
        assertThat(rows).hasSize(3).isEqualTo(asCsv(result));
        // the POST with the same parameters gives the same document (apart from the time it took)
        JsonNode posted = json.readTree(body(mvc.post().uri("/api/queries/articles-by-provider/run")
                .contentType(MediaType.APPLICATION_JSON).content("{\"provider\": \"wbur.org\", \"limit\": 5}")
                .exchange()));
        assertThat(posted.get("rows")).isEqualTo(result.get("rows"));
        // Accept: text/csv without format= gives CSV too; format= wins over Accept
        assertThat(csv(body(get("/api/queries/articles-by-provider/run?" + params, "text/csv")))).isEqualTo(rows);
        assertThat(get("/api/queries/articles-by-provider/run?" + params + "&format=json", "text/csv"))
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
    }

    @Test
    void everyTypeComesFromTheQueryStringAsInTheBody() throws IOException {
        String params = "s=x,%20y%26z&i=-7&f=-0.25&b=false&d=2021-01-02&t=2021-01-02T03:04:05%2B02:00&span=PT1H"
                + "&words=a&words=b,c";
        JsonNode result = json.readTree(body(get("/api/queries/typed/run?" + params)));
        assertThat(result.get("rows").get(0).valueStream().map(v -> v.isValueNode() ? v.asString() : v.toString())
                .toList()).containsExactly("x, y&z", "-7", "-0.25", "false", "2021-01-02", "2021-01-02T03:04:05+02:00",
                "P0M0DT3600S", "[\"a\",\"b,c\"]", "2021-01-02T04:04:05+02:00");
        assertThat(csv(body(get("/api/queries/typed/run?" + params + "&format=csv")))).isEqualTo(asCsv(result));
        // one comma-separated value is a list too; defaults fill what is not given
        JsonNode row = json.readTree(body(get("/api/queries/typed/run?words=a,b,c"))).get("rows").get(0);
        assertThat(row.get(0).asString()).isEqualTo("hello");
        assertThat(row.get(7).toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
    }

    @Test
    void badParametersAre400ProblemsNamingTheParameter() {
        assertThat(get("/api/queries/typed/run?i=three&format=csv")).hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                .hasPathSatisfying("$.parameter", v -> v.assertThat().isEqualTo("i"))
                .hasPathSatisfying("$.detail", v -> v.assertThat().asString().contains("must be a int"));
        assertThat(get("/api/queries/typed/run?t=yesterday")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.parameter").isEqualTo("t");
        assertThat(get("/api/queries/typed/run?i=1&i=2")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.parameter").isEqualTo("i");
        assertThat(get("/api/queries/typed/run?nope=1")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.parameter").isEqualTo("nope");
        assertThat(get("/api/queries/typed/run?format=xml")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.parameter").isEqualTo("format");
        assertThat(get("/api/queries/articles-by-provider/run?format=csv")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.detail").asString().contains("required");
        assertThat(get("/api/queries/nope/run")).hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aLinkIsStillReadOnlyCappedAndTimed() {
        for (String name : List.of("writes-create", "writes-merge", "writes-delete", "writes-set", "load-csv")) {
            assertThat(get("/api/queries/" + name + "/run?format=csv")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        // hostile values are only ever values
        assertThat(get("/api/queries/articles-by-provider/run?provider=x%7D)%20MATCH%20(n)%20DETACH%20DELETE%20n"
                + "%20//")).hasStatusOk().bodyJson().extractingPath("$.rowCount").isEqualTo(0);
        assertThat(graph.count("MATCH (n) RETURN count(n)")).isEqualTo(nodes);
        assertThat(graph.count("MATCH (n:Intruder) RETURN count(n)")).isZero();
        assertThat(get("/api/queries/many-rows/run")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.rowCount", v -> v.assertThat().isEqualTo(5))
                .hasPathSatisfying("$.truncated", v -> v.assertThat().isEqualTo(true));
        assertThat(get("/api/queries/slow/run?format=csv")).hasStatus(HttpStatus.GATEWAY_TIMEOUT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        // a GET needs no API key; a GET cannot reload the catalogue
        assertThat(get("/api/queries/reload")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void excelTrueAddsAByteOrderMarkAndNeutralisesFormulas() throws IOException {
        String params = "s=%3DHYPERLINK(%22http://evil.example%22)&i=-3&f=-0.5&words=%40SUM(1),%2B1";
        MvcTestResult plain = get("/api/queries/typed/run?" + params + "&format=csv");
        MvcTestResult excel = get("/api/queries/typed/run?" + params + "&format=csv&excel=true");
        byte[] bytes = excel.getResponse().getContentAsByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(plain.getResponse().getContentAsByteArray()[0]).isEqualTo((byte) 's');
        String text = body(excel);
        assertThat(text).startsWith("\uFEFF");
        List<List<String>> rows = csv(text.substring(1));
        assertThat(rows.getFirst()).containsExactly("s", "i", "f", "b", "d", "t", "span", "words", "later");
        assertThat(rows.get(1).subList(0, 3)).containsExactly("'=HYPERLINK(\"http://evil.example\")", "-3", "-0.5");
        // without excel=true nothing changes
        assertThat(csv(body(plain)).get(1).subList(0, 3))
                .containsExactly("=HYPERLINK(\"http://evil.example\")", "-3", "-0.5");
        // the POST with Accept: text/csv takes excel=true too
        MvcTestResult posted = mvc.post().uri(java.net.URI.create("/api/queries/typed/run?excel=true")).accept("text/csv")
                .contentType(MediaType.APPLICATION_JSON).content("{\"s\": \"@cmd\", \"i\": -3}").exchange();
        String postedText = body(posted);
        assertThat(postedText).startsWith("\uFEFF");
        assertThat(csv(postedText.substring(1)).get(1).subList(0, 2)).containsExactly("'@cmd", "-3");
    }

    @Test
    void theOpenApiDocumentShowsTheLinkAndItsShapes() {
        assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.paths['/api/queries/{name}/run'].get.parameters[*].name",
                        v -> v.assertThat().asList().contains("name", "format", "excel", "parameters")
                                .doesNotContain("accept", "Accept"))
                .hasPathSatisfying("$.paths['/api/queries/{name}/run'].get.responses['200'].content",
                        v -> v.assertThat().asMap().containsKeys("application/json", "text/csv"))
                .hasPathSatisfying("$.paths['/api/queries/{name}/run'].get.responses['400'].content",
                        v -> v.assertThat().asMap().containsKeys("application/problem+json"))
                .hasPathSatisfying("$.paths['/api/queries/{name}/run'].post.parameters[*].name",
                        v -> v.assertThat().asList().contains("excel"))
                .hasPathSatisfying("$.components.schemas.RunResult.properties",
                        v -> v.assertThat().asMap().containsKeys("query", "columns", "rows", "rowCount",
                                "truncated", "elapsedMs", "error"));
    }
}
