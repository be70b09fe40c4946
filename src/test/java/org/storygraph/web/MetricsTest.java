package org.storygraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.storygraph.GraphFixtures;
import org.storygraph.StoryGraphTest;
import org.storygraph.ingest.IngestService;
import org.storygraph.ingest.LoadReport;

/**
 * Operations on the real embedded database: {@code /actuator/prometheus} in the Prometheus text format (parsed, not
 * grepped) with the load, clustering, graph-size and saved-query meters and Boot's HTTP timings, and the health
 * groups for liveness and readiness. Shares the saved-query test catalogue's context with QuerySafetyTest.
 */
@StoryGraphTest
@TestPropertySource(properties = "storygraph.queries.dir=src/test/resources/saved-queries-test")
class MetricsTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    GraphFixtures graph;
    @Autowired
    IngestService ingest;
    @Autowired
    ApplicationEventPublisher events;

    private PrometheusText scrape() throws Exception {
        MockHttpServletResponse response = mvc.get().uri("/actuator/prometheus").exchange().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/plain");
        return PrometheusText.parse(response.getContentAsString());
    }

    private static double delta(PrometheusText before, PrometheusText after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    @Test
    void aLoadCountsItsArticlesAndDurationAndTheGaugesFollowTheGraph() throws Exception {
        graph.clear();
        PrometheusText before = scrape();
        assertThat(before.types()).containsEntry("storygraph_articles_loaded_total", "counter")
                .containsEntry("storygraph_files_failed_total", "counter")
                .containsEntry("storygraph_graph_stories", "gauge")
                .containsEntry("storygraph_graph_articles", "gauge");
        assertThat(before.value("storygraph_graph_articles")).isZero();
        assertThat(before.find("storygraph_articles_loaded_total")).singleElement()
                .satisfies(s -> assertThat(s.labels()).containsEntry("application", "storygraph"));

        LoadReport report = ingest.load(List.of(GraphFixtures.SEEDS));
        assertThat(report.articlesCreated()).isPositive();
        PrometheusText after = scrape();

        assertThat(after.value("storygraph_articles_loaded_total")
                - before.value("storygraph_articles_loaded_total"))
                .isEqualTo(report.articlesCreated() + report.articlesUpdated());
        assertThat(after.value("storygraph_load_duration_seconds_count")
                - before.value("storygraph_load_duration_seconds_count")).isEqualTo(1);
        assertThat(after.value("storygraph_load_duration_seconds_sum")
                - before.value("storygraph_load_duration_seconds_sum")).isPositive();
        assertThat(after.value("storygraph_clustering_duration_seconds_count", "mode", "batch")
                - before.value("storygraph_clustering_duration_seconds_count", "mode", "batch")).isPositive();
        assertThat(after.find("storygraph_clustering_duration_seconds_count", "mode", "recluster")).hasSize(1);

        long stories = graph.count("MATCH (s:Story) RETURN count(s)");
        long articles = graph.count("MATCH (a:Article) RETURN count(a)");
        assertThat(stories).isPositive();
        assertThat(after.value("storygraph_graph_stories")).isEqualTo(stories);
        assertThat(after.value("storygraph_graph_articles")).isEqualTo(articles);
    }

    @Test
    void aFileThatFailsIsCounted(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.txt"), "---\ntitle: [unclosed\n---\n");
        double before = scrape().value("storygraph_files_failed_total");
        LoadReport report = ingest.load(List.of(dir));
        assertThat(report.filesFailed()).isEqualTo(1);
        assertThat(scrape().value("storygraph_files_failed_total") - before).isEqualTo(1);
    }

    @Test
    void savedQueryRunsTimeoutsAndTruncationsAreCountedByQueryName() throws Exception {
        PrometheusText before = scrape();
        assertThat(mvc.post().uri("/api/queries/many-rows/run")).hasStatusOk().bodyJson()
                .extractingPath("$.truncated").isEqualTo(true);
        assertThat(mvc.post().uri("/api/queries/slow/run")).hasStatus(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(mvc.post().uri("/api/queries/no-such-query/run")).hasStatus(HttpStatus.NOT_FOUND);
        PrometheusText after = scrape();

        assertThat(delta(before, after, "storygraph_query_runs_total", "query", "many-rows")).isEqualTo(1);
        assertThat(delta(before, after, "storygraph_query_truncations_total", "query", "many-rows")).isEqualTo(1);
        assertThat(delta(before, after, "storygraph_query_timeouts_total", "query", "many-rows")).isZero();
        assertThat(delta(before, after, "storygraph_query_runs_total", "query", "slow")).isEqualTo(1);
        assertThat(delta(before, after, "storygraph_query_timeouts_total", "query", "slow")).isEqualTo(1);
        assertThat(after.find("storygraph_query_runs_total", "query", "no-such-query"))
                .as("an unknown name makes no series").isEmpty();
    }

    @Test
    void httpTimingsPerEndpointComeFromBoot() throws Exception {
        assertThat(mvc.get().uri("/api/stories?size=1")).hasStatusOk();
        PrometheusText scrape = scrape();
        assertThat(scrape.types()).containsEntry("http_server_requests_seconds", "summary");
        assertThat(scrape.value("http_server_requests_seconds_count", "uri", "/api/stories", "method", "GET",
                "status", "200")).isGreaterThanOrEqualTo(1);
        // the path template, not the concrete path: a finite set of series
        assertThat(scrape.find("http_server_requests_seconds_count")).allSatisfy(s ->
                assertThat(s.labels().get("uri")).doesNotContain("no-such"));
        assertThat(mvc.get().uri("/actuator/metrics/storygraph.articles.loaded")).hasStatusOk().bodyJson()
                .extractingPath("$.name").isEqualTo("storygraph.articles.loaded");
    }

    @Test
    void livenessIsUpAndReadinessWaitsForTheSchemaAndTheSeedLoad() {
        assertThat(mvc.get().uri("/actuator/health/liveness")).hasStatusOk().bodyJson()
                .extractingPath("$.status").isEqualTo("UP");
        assertThat(mvc.get().uri("/actuator/health/readiness")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.status", v -> v.assertThat().isEqualTo("UP"))
                .hasPathSatisfying("$.components.schema.status", v -> v.assertThat().isEqualTo("UP"))
                .hasPathSatisfying("$.components.seedLoad.status", v -> v.assertThat().isEqualTo("UP"))
                .hasPathSatisfying("$.components.readinessState.status", v -> v.assertThat().isEqualTo("UP"));

        // the application's own readiness state is part of the group: refusing traffic answers 503
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        try {
            assertThat(mvc.get().uri("/actuator/health/readiness")).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                    .bodyJson().extractingPath("$.status").isEqualTo("OUT_OF_SERVICE");
            assertThat(mvc.get().uri("/actuator/health/liveness")).hasStatusOk();
        } finally {
            AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(mvc.get().uri("/actuator/health/readiness")).hasStatusOk();
    }
}
