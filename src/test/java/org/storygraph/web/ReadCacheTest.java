package org.storygraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.storygraph.GraphFixtures;
import org.storygraph.StoryGraphTest;
import org.storygraph.TestDatabase;
import org.storygraph.ingest.IngestService;

/**
 * The read cache: repeated GETs are served from memory with the same body and ETag, conditional requests get 304,
 * a load through the service empties it at once, entries expire after the TTL, errors are never cached.
 */
@SpringBootTest(properties = {
        "storygraph.ingest.seeds.load-when-empty=false",
        "storygraph.web.api-key=" + StoryGraphTest.API_KEY,
        "storygraph.web.cache.enabled=true",
        "storygraph.web.cache.ttl=3s"})
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@AutoConfigureMockMvc
class ReadCacheTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    GraphFixtures graph;
    @Autowired
    IngestService ingest;
    @Autowired
    Neo4jClient client;

    private String story;

    @BeforeEach
    void seeds() {
        graph.seeds();
        // the largest story with a member that is a file's own item (the test copies one)
        story = client.query("""
                MATCH (s:Story) WHERE EXISTS { (s)<-[:IN_STORY]-(a:Article) WHERE a.full }
                RETURN s.id ORDER BY s.size DESC, s.id LIMIT 1
                """)
                .fetchAs(String.class).one().orElseThrow();
    }

    private MockHttpServletResponse get(String uri, String... headers) {
        var request = mvc.get().uri(uri);
        for (int i = 0; i < headers.length; i += 2) {
            request = request.header(headers[i], headers[i + 1]);
        }
        return request.exchange().getResponse();
    }

    @Test
    void aHitKeepsThePagedListsLinkHeader() {
        MockHttpServletResponse first = get("/api/stories?size=5&page=1&sort=recency,desc");
        assertThat(first.getHeader("X-Cache")).isEqualTo("miss");
        assertThat(first.getHeader("Link")).contains("rel=\"next\"", "rel=\"prev\"", "rel=\"first\"",
                "rel=\"last\"");
        MockHttpServletResponse second = get("/api/stories?size=5&page=1&sort=recency,desc");
        assertThat(second.getHeader("X-Cache")).isEqualTo("hit");
        assertThat(second.getHeader("Link")).isEqualTo(first.getHeader("Link"));
    }

    @Test
    void servesRepeatedReadsFromMemoryWithTheSameBodyAndEtag() throws Exception {
        for (String uri : List.of("/api/stories/" + story, "/api/stories/" + story + "/coverage",
                "/api/stories/" + story + "/timeline?bucket=day", "/api/stories?size=5")) {
            MockHttpServletResponse first = get(uri);
            assertThat(first.getStatus()).as(uri).isEqualTo(200);
            assertThat(first.getHeader("X-Cache")).as(uri).isEqualTo("miss");
            String etag = first.getHeader("ETag");
            assertThat(etag).as(uri).matches("\"[0-9a-f]{32}\"");
            assertThat(first.getHeader("Cache-Control")).isEqualTo("no-cache");

            MockHttpServletResponse second = get(uri);
            assertThat(second.getHeader("X-Cache")).as(uri).isEqualTo("hit");
            assertThat(second.getStatus()).isEqualTo(200);
            assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString());
            assertThat(second.getHeader("ETag")).isEqualTo(etag);
            assertThat(second.getContentType()).startsWith("application/json");
            // security headers are on served-from-memory responses too
            assertThat(second.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

            MockHttpServletResponse revalidated = get(uri, "If-None-Match", etag);
            assertThat(revalidated.getStatus()).as(uri).isEqualTo(304);
            assertThat(revalidated.getContentAsByteArray()).isEmpty();
        }
    }

    @Test
    void aLoadThroughTheServiceEmptiesTheCacheAtOnce(@TempDir Path dir) throws Exception {
        String uri = "/api/stories/" + story + "/coverage";
        String before = get(uri).getContentAsString();
        assertThat(get(uri).getHeader("X-Cache")).isEqualTo("hit");

        // one more article by a new outlet, copied from a member of the story: it joins the story
        String member = client.query("""
                MATCH (a:Article)-[:IN_STORY]->(:Story {id: $id}) WHERE a.full
                RETURN toString(a.publishedAt + duration('PT1H')) + '\\n' + a.title + '\\n' + coalesce(a.excerpt, '')
                ORDER BY a.publishedAt LIMIT 1
                """).bind(story).to("id").fetchAs(String.class).one().orElseThrow();
        String[] parts = member.split("\n", 3);
        Files.writeString(dir.resolve("extra.txt"), """
                ---
                title: "%s"
                excerpt: "%s"
                publishedDateTime: %s
                webUrl: "https://cache-test.example/extra"
                provider:
                  name: "Cache Test Daily"
                  domain: cache-test.example
                ---
                """.formatted(parts[1].replace("\"", "'"), parts[2].replace("\"", "'").replace("\n", " "), parts[0]));
        assertThat(ingest.load(List.of(dir)).hasFailures()).isFalse();

        MockHttpServletResponse after = get(uri);
        assertThat(after.getHeader("X-Cache")).isEqualTo("miss");
        assertThat(after.getContentAsString()).isNotEqualTo(before).contains("cache-test.example");
    }

    @Test
    void hitsAndMissesAreMetrics() throws Exception {
        String uri = "/api/stories/" + story + "/timeline?bucket=hour";
        PrometheusText before = PrometheusText.parse(get("/actuator/prometheus").getContentAsString());
        assertThat(get(uri).getHeader("X-Cache")).isEqualTo("miss");
        assertThat(get(uri).getHeader("X-Cache")).isEqualTo("hit");
        assertThat(get(uri).getHeader("X-Cache")).isEqualTo("hit");
        PrometheusText after = PrometheusText.parse(get("/actuator/prometheus").getContentAsString());
        String[] hit = {"cache", ReadCache.NAME, "result", "hit"};
        String[] miss = {"cache", ReadCache.NAME, "result", "miss"};
        assertThat(after.value("cache_gets_total", hit) - before.value("cache_gets_total", hit)).isEqualTo(2);
        assertThat(after.value("cache_gets_total", miss) - before.value("cache_gets_total", miss)).isEqualTo(1);
        assertThat(after.value("cache_size", "cache", ReadCache.NAME)).isPositive();
        assertThat(after.value("storygraph_read_cache_bytes")).isPositive();
    }

    @Test
    void entriesExpireAfterTheirTimeToLive() throws Exception {
        String uri = "/api/stories/" + story;
        get(uri);
        assertThat(get(uri).getHeader("X-Cache")).isEqualTo("hit");
        Thread.sleep(3_200);
        assertThat(get(uri).getHeader("X-Cache")).isEqualTo("miss");
    }

    @Test
    void errorsWritesAndCrossOriginRequestsAreNotCached() {
        assertThat(get("/api/stories/no-such-story").getStatus()).isEqualTo(404);
        MockHttpServletResponse again = get("/api/stories/no-such-story");
        assertThat(again.getStatus()).isEqualTo(404);
        assertThat(again.getHeader("X-Cache")).isEqualTo("miss");

        String uri = "/api/stories/" + story;
        get(uri);
        assertThat(get(uri, "Origin", "https://elsewhere.example").getHeader("X-Cache")).isNull();
        assertThat(get("/api/articles?size=1").getHeader("X-Cache")).as("not a cached path").isNull();
    }
}
