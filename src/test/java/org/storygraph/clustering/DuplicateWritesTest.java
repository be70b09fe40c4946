package org.storygraph.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.storygraph.GraphFixtures;
import org.storygraph.StoryGraphTest;
import org.storygraph.ingest.IngestService;
import org.storygraph.ingest.IngestService.Upload;

/**
 * Copies that arrive in later loads join the group of near-identical articles they copy: every copy points straight
 * at the group's earliest member, also when an earlier copy arrives last; unrelated articles stay out.
 */
@StoryGraphTest
class DuplicateWritesTest {

    private static final String TITLE = "Harbour authority approves the Northgate container terminal expansion";
    private static final String EXCERPT = "The port board voted to fund two new berths and a rail link at Northgate, "
            + "the largest expansion since the terminal opened.";

    @Autowired
    GraphFixtures graph;
    @Autowired
    IngestService ingest;
    @Autowired
    Neo4jClient client;

    @Test
    void laterCopiesJoinTheGroupAndAnEarlierOneBecomesWhatAllPointAt() {
        graph.clear();
        load("a", "2024-05-02T10:00:00Z", TITLE, EXCERPT);
        load("b", "2024-05-02T12:00:00Z", TITLE, EXCERPT);
        assertThat(pointers()).isEqualTo(Map.of("b", "a"));

        load("c", "2024-05-02T14:00:00Z", TITLE, EXCERPT);
        assertThat(pointers()).isEqualTo(Map.of("b", "a", "c", "a"));

        // an earlier copy turns up last: the whole group points at it now, none along a chain
        load("d", "2024-05-02T08:00:00Z", TITLE, EXCERPT);
        assertThat(pointers()).isEqualTo(Map.of("a", "d", "b", "d", "c", "d"));

        // a different event of the same port on the same day is no copy of any of them
        load("e", "2024-05-02T15:00:00Z", "Dock workers at Northgate strike over night-shift pay",
                "Unions say the walkout will halt loading at three berths until the weekend.");
        assertThat(pointers()).isEqualTo(Map.of("a", "d", "b", "d", "c", "d"));
    }

    private void load(String key, String time, String title, String excerpt) {
        String file = """
                ---
                title: "%s"
                excerpt: "%s"
                publishedDateTime: %s
                webUrl: "https://%s.example/news/northgate"
                provider:
                  name: Outlet %s
                  domain: %s.example
                ---
                """.formatted(title, excerpt, time, key, key.toUpperCase(), key);
        var report = ingest.loadUploads(List.of(new Upload(key + ".md", file.getBytes(StandardCharsets.UTF_8))));
        assertThat(report.failures()).isEmpty();
    }

    /** Copy → what it points at, by outlet key. */
    private Map<String, String> pointers() {
        Map<String, String> edges = new TreeMap<>();
        client.query("""
                MATCH (c:Article)-[:DUPLICATE_OF]->(o:Article)
                RETURN c.url AS copy, o.url AS original
                """).fetch().all().forEach(r -> edges.put(key(r.get("copy")), key(r.get("original"))));
        return edges;
    }

    private static String key(Object url) {
        return url.toString().substring("https://".length(), url.toString().indexOf(".example"));
    }
}
