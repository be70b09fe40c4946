package org.storygraph.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.storygraph.GraphFixtures;
import org.storygraph.StoryGraphTest;
import org.storygraph.ingest.IngestService;

/**
 * Every saved query of cypher/queries on the seeds (plus three copies of one made-up item, one of them dated 1970,
 * and a file that fails to load), with results worked out by hand from the seed files.
 */
@StoryGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SavedQueriesTest {

    static final String MIC =
            "https://mic.com/p/amazon-is-banning-cops-from-using-its-facial-recognition-tech-for-one-year-22976063";
    static final String ACLU = "https://businessinsider.com/aclu-calles-amazon-blanket-ban-rekognition-sales-2020-6";

    @Autowired
    GraphFixtures graph;
    @Autowired
    IngestService ingest;
    @Autowired
    QueryCatalog catalog;
    @Autowired
    QueryRunner runner;
    @Autowired
    Neo4jClient client;

    private String bigTech;
    private String aclu;

    @BeforeAll
    void seeds(@TempDir Path dir) throws Exception {
        graph.seeds();
        String item = """
                ---
                title: "Acme recalls 40,000 Widget Pro heaters after fire reports"
                excerpt: "Acme Corp. is recalling 40,000 Widget Pro space heaters sold since March after fires."
                publishedDateTime: %s
                webUrl: "https://%s/news/acme-widget-recall"
                provider:
                  domain: %s
                ---
                """;
        Files.writeString(dir.resolve("a.txt"), item.formatted("2021-03-01T10:00:00Z", "a.example", "a.example"));
        Files.writeString(dir.resolve("b.txt"), item.formatted("2021-03-01T12:30:00Z", "b.example", "b.example"));
        Files.writeString(dir.resolve("c.txt"), item.formatted("1970-01-01T00:00:00Z", "c.example", "c.example"));
        Files.writeString(dir.resolve("bad.txt"), "no front matter here\n");
        ingest.load(List.of(dir));
        bigTech = storyOf(MIC);
        aclu = storyOf(ACLU);
        catalog.reload();
    }

    private String storyOf(String url) {
        return client.query("MATCH (:Article {url: $u})-[:IN_STORY]->(s) RETURN s.id").bind(url).to("u")
                .fetchAs(String.class).one().orElseThrow();
    }

    private List<Map<String, Object>> run(String name, Map<String, String> params) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (QueryRunner.Execution run = runner.startWithText(name, params)) {
            for (List<Object> row = run.next(); row != null; row = run.next()) {
                Map<String, Object> m = new HashMap<>();
                for (int i = 0; i < run.columns().size(); i++) {
                    m.put(run.columns().get(i), row.get(i));
                }
                rows.add(m);
            }
        }
        return rows;
    }

    @Test
    void theLibraryHasAtLeastTwelveValidDescribedQueries() {
        List<SavedQuery> all = catalog.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(12);
        assertThat(all).allSatisfy(q -> {
            assertThat(q.valid()).as(q.name() + ": " + q.error()).isTrue();
            assertThat(q.description()).as(q.name()).hasSizeGreaterThan(40);
        });
    }

    @Test
    void largestStories() {
        var rows = run("largest-stories", Map.of("limit", "3"));
        assertThat(rows).hasSize(3);
        // the Big-Tech-pause story is the largest: 10 articles from 10 providers (06-13 .. 06-17)
        assertThat(rows.getFirst()).containsEntry("story", bigTech).containsEntry("articles", 10L)
                .containsEntry("providers", 10L);
    }

    @Test
    void storiesByProviderCountInAWindow() {
        // only the ACLU story (3 providers) runs on 2020-06-11
        var rows = run("stories-by-provider-count", Map.of("from", "2020-06-11", "to", "2020-06-12"));
        assertThat(rows).extracting(r -> r.get("story")).containsExactly(aclu);
        assertThat(rows.getFirst()).containsEntry("providers", 3L);
    }

    @Test
    void firstReporters() {
        // stories with two or more providers and their first reporters, from the seed times:
        //   ACLU story: businessinsider.com 06-11 09:53; Big Tech: fastcompany.com 06-13 12:43;
        //   police protests (06-16): afr.com 06-16 06:20; regulation news (06-22..24): livemint.com 06-22 16:21;
        //   the Acme copies: a.example 2021-03-01 10:00 (c.example's 1970 time is left out)
        var rows = run("first-reporters", Map.of());
        assertThat(rows).extracting(r -> r.get("provider")).containsExactlyInAnyOrder("businessinsider.com",
                "fastcompany.com", "afr.com", "livemint.com", "a.example");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("firsts")).isEqualTo(1L));
    }

    @Test
    void fastestSpreadingStories() {
        // minutes until the third provider: Big Tech 12:43 -> 15:00 (theguardian.com) = 137;
        // police protests 06:20 -> 15:30 (wbur.org) = 550; ACLU 09:53 -> 21:07 = 674;
        // regulation news 06-22 16:21 -> 06-23 14:05 (bbc.com) = 1,304
        var rows = run("fastest-spreading-stories", Map.of("providers", "3"));
        assertThat(rows).extracting(r -> r.get("minutes")).containsExactly(137L, 550L, 674L, 1304L);
        assertThat(rows.getFirst()).containsEntry("story", bigTech);
    }

    @Test
    void providersLeadingAProvider() {
        // ahead of mic.com (06-15 18:03) in the Big Tech story: fastcompany 06-13 12:43 (3,200 min),
        // cnn 14:41 (3,082), theguardian 15:00 (3,063), fedscoop 06-15 16:59 (64)
        var rows = run("providers-leading", Map.of("provider", "mic.com"));
        assertThat(rows).extracting(r -> r.get("provider"), r -> r.get("medianLeadMinutes")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("fastcompany.com", 3200.0),
                org.assertj.core.groups.Tuple.tuple("cnn.com", 3082.0),
                org.assertj.core.groups.Tuple.tuple("theguardian.com", 3063.0),
                org.assertj.core.groups.Tuple.tuple("fedscoop.com", 64.0));
    }

    @Test
    void providerOverlap() {
        var rows = run("provider-overlap", Map.of("limit", "1000"));
        assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry("providerA", "businessinsider.com")
                .containsEntry("providerB", "marketplace.org").containsEntry("jaccard", 1.0));
        // wbur.org covered two stories, bbc.com one of them: 1 / (1 + 2 - 1)
        assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry("providerA", "bbc.com")
                .containsEntry("providerB", "wbur.org").containsEntry("jaccard", 0.5));
    }

    @Test
    void storyArticlesAndSpreadCurve() {
        // 09:53 businessinsider, 14:51 marketplace (+298), 21:07 washingtonpost (+674)
        var articles = run("story-articles", Map.of("story", aclu));
        assertThat(articles).extracting(r -> r.get("provider"), r -> r.get("minutesAfterFirst")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("businessinsider.com", 0L),
                org.assertj.core.groups.Tuple.tuple("marketplace.org", 298L),
                org.assertj.core.groups.Tuple.tuple("washingtonpost.com", 674L));
        var curve = run("story-spread-curve", Map.of("story", aclu));
        assertThat(curve).extracting(r -> r.get("providersSoFar"), r -> r.get("minutesAfterFirst")).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, 0L), org.assertj.core.groups.Tuple.tuple(2L, 298L),
                org.assertj.core.groups.Tuple.tuple(3L, 674L));
    }

    @Test
    void relatedLinksThatCrossStories() {
        long crossing = graph.count("""
                MATCH (a)-[:RELATED_TO]->(b), (a)-[:IN_STORY]->(x), (b)-[:IN_STORY]->(y) WHERE x <> y
                RETURN count(*)""");
        // e.g. the npr.org item links to the FlowCentric and phrenology articles, which are stories of their own
        assertThat(crossing).isPositive();
        var rows = run("cross-story-related-links", Map.of("limit", "1000"));
        assertThat(rows).hasSize((int) crossing);
        assertThat(rows).anySatisfy(r -> assertThat((String) r.get("toTitle")).startsWith("FlowCentric"));
    }

    @Test
    void orphansTopicTrendDuplicatesAndQualityIssues() {
        assertThat(run("orphan-articles", Map.of())).isEmpty();
        // topic AI is on the five seed items: marketplace 06-11, cnn 06-13, fedscoop + mic 06-15, npr 06-23
        var trend = run("topic-trend-per-day", Map.of("topic", "AI"));
        assertThat(trend).extracting(r -> r.get("day"), r -> r.get("articles")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2020-06-11", 1L), org.assertj.core.groups.Tuple.tuple("2020-06-13", 1L),
                org.assertj.core.groups.Tuple.tuple("2020-06-15", 2L), org.assertj.core.groups.Tuple.tuple("2020-06-23", 1L));
        // the three Acme items are copies of a.example's (the earliest plausible time)
        var duplicates = run("duplicates", Map.of());
        assertThat(duplicates).extracting(r -> r.get("copyProvider")).containsExactlyInAnyOrder("b.example",
                "c.example");
        assertThat(duplicates).allSatisfy(r -> assertThat(r).containsEntry("originalProvider", "a.example"));
        var issues = run("data-quality-issues", Map.of());
        assertThat(issues).extracting(r -> r.get("kind"), r -> r.get("issue")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("article", "before-1990"),
                org.assertj.core.groups.Tuple.tuple("file", "load failed"));
    }

    @Test
    void storiesOfAProvider() {
        // wbur.org: police protests story (15:30 after afr 06:20 and wxyz 08:32: rank 3, lag 550) and the
        // regulation story (06-23 23:39 after livemint, npr, bbc, telegraph: rank 5, lag from 06-22 16:21 = 1,878)
        var rows = run("stories-of-provider", Map.of("provider", "wbur.org"));
        assertThat(rows).extracting(r -> r.get("rank"), r -> r.get("lagMinutes")).containsExactly(
                org.assertj.core.groups.Tuple.tuple(5L, 1878L), org.assertj.core.groups.Tuple.tuple(3L, 550L));
    }
}
