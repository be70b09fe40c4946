package org.storygraph.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.storygraph.GraphFixtures;
import org.storygraph.StoryGraphTest;
import org.storygraph.ingest.IngestService;

/** Implausible times are flagged, reported, and left out of first-reporter and lag figures. */
@StoryGraphTest
class DataSanityTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    GraphFixtures graph;
    @Autowired
    IngestService ingest;
    @Autowired
    Neo4jClient client;

    private static void item(Path dir, String name, String domain, String time) throws Exception {
        Files.writeString(dir.resolve(name + ".txt"), """
                ---
                title: "Acme recalls 40,000 Widget Pro heaters after fire reports"
                excerpt: "Acme Corp. is recalling 40,000 Widget Pro space heaters sold since March after reports of fires."
                %s
                webUrl: "https://%s/news/acme-widget-recall"
                provider:
                  name: "%s"
                  domain: %s
                ---
                """.formatted(time == null ? "" : "publishedDateTime: " + time, domain, domain, domain));
    }

    @Test
    void implausibleTimesAreFlaggedReportedAndExcludedFromFirstReporterAndLags(@TempDir Path dir) throws Exception {
        graph.clear();
        item(dir, "a", "a.example", "2021-03-01T10:00:00Z");
        item(dir, "b", "b.example", "2021-03-01T12:30:00Z");
        item(dir, "c", "c.example", "1970-01-01T00:00:00Z");
        item(dir, "d", "d.example", "2999-01-01T00:00:00Z");
        item(dir, "e", "e.example", null);
        ingest.load(List.of(dir));

        assertThat(mvc.get().uri("/api/quality")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.articles", v -> v.assertThat().isEqualTo(5))
                .hasPathSatisfying("$.implausibleTimes.before-1990", v -> v.assertThat().isEqualTo(1))
                .hasPathSatisfying("$.implausibleTimes.future", v -> v.assertThat().isEqualTo(1))
                .hasPathSatisfying("$.implausibleTimes.missing", v -> v.assertThat().isEqualTo(1))
                .hasPathSatisfying("$.flagged[*].flag", v -> v.assertThat().asList()
                        .containsExactly("before-1990", "future", "missing"));

        // the five copies are one story; c, d, e have no usable time
        String story = client.query("MATCH (:Article {url: 'https://a.example/news/acme-widget-recall'})"
                + "-[:IN_STORY]->(s) RETURN s.id").fetchAs(String.class).one().orElseThrow();
        assertThat(graph.count("MATCH (s:Story) RETURN count(s)")).isEqualTo(1);
        // b is 2 h 30 min after a = 150 min; c, d, e count as coverage but get no rank or lag
        assertThat(mvc.get().uri("/api/stories/{id}/coverage", story)).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.firstReportAt", v -> v.assertThat().isEqualTo("2021-03-01T10:00:00Z"))
                .hasPathSatisfying("$.firstReporters", v -> v.assertThat().asList().containsExactly("a.example"))
                .hasPathSatisfying("$.articles", v -> v.assertThat().isEqualTo(5))
                .hasPathSatisfying("$.implausibleArticles", v -> v.assertThat().isEqualTo(3))
                .hasPathSatisfying("$.providers[*].lagMinutes", v -> v.assertThat().asList()
                        .containsExactly(0, 150, null, null, null))
                .hasPathSatisfying("$.providers[2].rank", v -> v.assertThat().isNull());
        assertThat(mvc.get().uri("/api/stories/{id}", story)).bodyJson()
                .hasPathSatisfying("$.story.firstPublishedAt", v -> v.assertThat().isEqualTo("2021-03-01T10:00:00Z"))
                .hasPathSatisfying("$.story.lastPublishedAt", v -> v.assertThat().isEqualTo("2021-03-01T12:30:00Z"));
        // duplicates: the copies are near-identical, each points at the earliest copy (a)
        assertThat(graph.count("MATCH (:Article)-[:DUPLICATE_OF]->(o:Article {url: "
                + "'https://a.example/news/acme-widget-recall'}) RETURN count(*)")).isEqualTo(4);
    }
}
