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

    /*
     * The seeds' stories with more than one article (every other seed article is a story of its own), with the
     * articles' times (UTC) and lags in minutes after the story's first article:
     *   police protests: wbur.org 06-16 15:30 (0), wpxi.com 06-16 23:27 (477), thehill.com 06-17 11:00 (1,170)
     *   IBM:             marketplace.org 06-11 14:51 (0), washingtonpost.com 06-11 21:07 (376)
     *   bans:            fastcompany.com 06-13 12:43 (0), cnn.com 06-13 14:41 (118)
     *   Bezos:           bizjournals.com 06-16 16:30 (0), geekwire.com 06-17 18:01 (1,531)
     *   South Wales:     bbc.com 06-23 14:05 (0), telegraph.co.uk 06-23 14:21 (16)
     *   Boston:          wbur.org 06-23 23:39 (0), buzzfeednews.com 06-24 18:03 (1,104)
     * plus the made-up Acme story below: a.example 2021-03-01 10:00 (0), b.example 12:30 (150), c.example 1970
     * (implausible: it counts as coverage, but has no time, rank or lag).
     */
    static final String WBUR_PROTESTS = "https://wbur.org/hereandnow/2020/06/16/police-face-recognition-tech";
    static final String MARKETPLACE =
            "https://marketplace.org/2020/06/11/facial-recognition-technology-police-departments";
    static final String FASTCOMPANY =
            "https://fastcompany.com/90516450/ibm-microsoft-and-amazons-face-recognition-bans-dont-go-far-enough";
    static final String BIZJOURNALS =
            "https://bizjournals.com/washington/news/2020/06/16/mr-bezos-goes-to-washington-maybe.html";
    static final String BBC = "https://bbc.com/news/uk-wales-53147221";
    static final String WBUR_BOSTON = "https://wbur.org/news/2020/06/23/boston-facial-recognition-ban";
    static final String ACME = "https://a.example/news/acme-widget-recall";

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

    private String protests;
    private String ibm;
    private String bans;
    private String bezos;
    private String southWales;
    private String boston;
    private String acme;

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
        protests = storyOf(WBUR_PROTESTS);
        ibm = storyOf(MARKETPLACE);
        bans = storyOf(FASTCOMPANY);
        bezos = storyOf(BIZJOURNALS);
        southWales = storyOf(BBC);
        boston = storyOf(WBUR_BOSTON);
        acme = storyOf(ACME);
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
        // the largest stories have 3 articles from 3 providers each: the police-protests story and the Acme story
        // (its 1970 copy still counts as an article and as coverage); the tie goes by story id. Next come the five
        // 2-article, 2-provider stories, of which the one with the smallest id is third.
        List<String> tied = java.util.stream.Stream.of(protests, acme).sorted().toList();
        String third = java.util.stream.Stream.of(ibm, bans, bezos, southWales, boston).sorted().findFirst()
                .orElseThrow();
        assertThat(rows).extracting(r -> r.get("story"), r -> r.get("articles"), r -> r.get("providers"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(tied.get(0), 3L, 3L),
                        org.assertj.core.groups.Tuple.tuple(tied.get(1), 3L, 3L),
                        org.assertj.core.groups.Tuple.tuple(third, 2L, 2L));
        assertThat(rows).filteredOn(r -> r.get("story").equals(protests)).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("firstPublishedAt", "2020-06-16T15:30Z")
                        .containsEntry("lastPublishedAt", "2020-06-17T11:00Z"));
    }

    @Test
    void storiesByProviderCountInAWindow() {
        // stories with two or more providers that ran at least partly on 2020-06-16: the police-protests story
        // (3 providers, 06-16 15:30 .. 06-17 11:00) ahead of the Bezos story (2 providers, 06-16 16:30 ..
        // 06-17 18:01); the 06-13 bans story ended before the window, the 06-23 stories start after it
        var rows = run("stories-by-provider-count", Map.of("from", "2020-06-16", "to", "2020-06-17"));
        assertThat(rows).extracting(r -> r.get("story"), r -> r.get("providers"), r -> r.get("articles"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(protests, 3L, 3L),
                        org.assertj.core.groups.Tuple.tuple(bezos, 2L, 2L));
        // on 2020-06-11 only the IBM story (2 providers) runs: the ACLU article of that day is a story of its own
        assertThat(run("stories-by-provider-count", Map.of("from", "2020-06-11", "to", "2020-06-12")))
                .extracting(r -> r.get("story"), r -> r.get("providers"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ibm, 2L));
    }

    @Test
    void firstReporters() {
        // stories with two or more providers and their first reporters, from the seed times:
        //   police protests and Boston: wbur.org (06-16 15:30 and 06-23 23:39) - first on both of its stories;
        //   IBM: marketplace.org 06-11 14:51; bans: fastcompany.com 06-13 12:43; Bezos: bizjournals.com 06-16 16:30;
        //   South Wales: bbc.com 06-23 14:05; the Acme copies: a.example 2021-03-01 10:00 (c.example's 1970 time
        //   is left out). Most firsts first, then by first share (all 1.0), then by domain.
        var rows = run("first-reporters", Map.of());
        assertThat(rows).extracting(r -> r.get("provider"), r -> r.get("firsts"), r -> r.get("covered"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("wbur.org", 2L, 2L),
                        org.assertj.core.groups.Tuple.tuple("a.example", 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("bbc.com", 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("bizjournals.com", 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("fastcompany.com", 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("marketplace.org", 1L, 1L));
        assertThat(rows).allSatisfy(r -> assertThat(r.get("firstShare")).isEqualTo(1.0));
    }

    @Test
    void fastestSpreadingStories() {
        // minutes until the third provider: only the police-protests story reaches three timed providers,
        // 06-16 15:30 (wbur.org) -> 06-17 11:00 (thehill.com) = 1,170; the Acme story has three providers but
        // c.example's 1970 time is left out, so it never reaches a third
        var rows = run("fastest-spreading-stories", Map.of("providers", "3"));
        assertThat(rows).extracting(r -> r.get("story"), r -> r.get("minutes"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(protests, 1170L));
        // minutes until the second provider, fastest first: South Wales 14:05 -> 14:21 = 16; bans 12:43 -> 14:41
        // = 118; Acme 10:00 -> 12:30 = 150; IBM 14:51 -> 21:07 = 376; police protests 15:30 -> 23:27 = 477;
        // Boston 06-23 23:39 -> 06-24 18:03 = 1,104; Bezos 06-16 16:30 -> 06-17 18:01 = 1,531
        var second = run("fastest-spreading-stories", Map.of("providers", "2"));
        assertThat(second).extracting(r -> r.get("story"), r -> r.get("minutes")).containsExactly(
                org.assertj.core.groups.Tuple.tuple(southWales, 16L), org.assertj.core.groups.Tuple.tuple(bans, 118L),
                org.assertj.core.groups.Tuple.tuple(acme, 150L), org.assertj.core.groups.Tuple.tuple(ibm, 376L),
                org.assertj.core.groups.Tuple.tuple(protests, 477L), org.assertj.core.groups.Tuple.tuple(boston, 1104L),
                org.assertj.core.groups.Tuple.tuple(bezos, 1531L));
    }

    @Test
    void providersLeadingAProvider() {
        // ahead of thehill.com (06-17 11:00) in the police-protests story: wbur.org 06-16 15:30 (1,170 min) and
        // wpxi.com 06-16 23:27 (693 min), one story each, the larger lead first
        var rows = run("providers-leading", Map.of("provider", "thehill.com"));
        assertThat(rows).extracting(r -> r.get("provider"), r -> r.get("storiesAhead"),
                r -> r.get("medianLeadMinutes")).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("wbur.org", 1L, 1170.0),
                        org.assertj.core.groups.Tuple.tuple("wpxi.com", 1L, 693.0));
        // wbur.org reported first on both of its stories, and mic.com's article is a story of its own: nobody ahead
        assertThat(run("providers-leading", Map.of("provider", "wbur.org"))).isEmpty();
        assertThat(run("providers-leading", Map.of("provider", "mic.com"))).isEmpty();
    }

    @Test
    void providerOverlap() {
        // every pair of providers of a story with two or more providers shares exactly that one story; the Jaccard
        // index is 1 / (1 + 1 - 1) = 1.0 except for the pairs with wbur.org, which covered two stories (police
        // protests and Boston): 1 / (1 + 2 - 1) = 0.5. c.example's 1970 copy still counts as coverage.
        var rows = run("provider-overlap", Map.of("limit", "1000"));
        assertThat(rows).extracting(r -> r.get("providerA"), r -> r.get("providerB"), r -> r.get("shared"),
                r -> r.get("storiesA"), r -> r.get("storiesB"), r -> r.get("jaccard")).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a.example", "b.example", 1L, 1L, 1L, 1.0),
                        org.assertj.core.groups.Tuple.tuple("a.example", "c.example", 1L, 1L, 1L, 1.0),
                        org.assertj.core.groups.Tuple.tuple("b.example", "c.example", 1L, 1L, 1L, 1.0),
                        org.assertj.core.groups.Tuple.tuple("bbc.com", "telegraph.co.uk", 1L, 1L, 1L, 1.0),
                        org.assertj.core.groups.Tuple.tuple("bizjournals.com", "geekwire.com", 1L, 1L, 1L, 1.0),
                        org.assertj.core.groups.Tuple.tuple("cnn.com", "fastcompany.com", 1L, 1L, 1L, 1.0),
                        org.assertj.core.groups.Tuple.tuple("marketplace.org", "washingtonpost.com", 1L, 1L, 1L, 1.0),
                        org.assertj.core.groups.Tuple.tuple("thehill.com", "wpxi.com", 1L, 1L, 1L, 1.0),
                        org.assertj.core.groups.Tuple.tuple("buzzfeednews.com", "wbur.org", 1L, 1L, 2L, 0.5),
                        org.assertj.core.groups.Tuple.tuple("thehill.com", "wbur.org", 1L, 1L, 2L, 0.5),
                        org.assertj.core.groups.Tuple.tuple("wbur.org", "wpxi.com", 1L, 2L, 1L, 0.5));
    }

    @Test
    void storyArticlesAndSpreadCurve() {
        // police protests: 06-16 15:30 wbur.org, 23:27 wpxi.com (+477), 06-17 11:00 thehill.com (+1,170)
        var articles = run("story-articles", Map.of("story", protests));
        assertThat(articles).extracting(r -> r.get("provider"), r -> r.get("minutesAfterFirst")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("wbur.org", 0L),
                org.assertj.core.groups.Tuple.tuple("wpxi.com", 477L),
                org.assertj.core.groups.Tuple.tuple("thehill.com", 1170L));
        assertThat(articles.getFirst()).containsEntry("url", WBUR_PROTESTS);
        var curve = run("story-spread-curve", Map.of("story", protests));
        assertThat(curve).extracting(r -> r.get("providersSoFar"), r -> r.get("provider"),
                r -> r.get("minutesAfterFirst")).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, "wbur.org", 0L),
                        org.assertj.core.groups.Tuple.tuple(2L, "wpxi.com", 477L),
                        org.assertj.core.groups.Tuple.tuple(3L, "thehill.com", 1170L));
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
        // wbur.org, newest story first: Boston (last article 06-24 18:03; wbur.org first at 06-23 23:39: rank 1,
        // lag 0, 2 providers) and police protests (last 06-17 11:00; wbur.org first at 06-16 15:30: rank 1, lag 0,
        // 3 providers). No seed provider is late on two stories any more, so rank and lag beyond the first are
        // checked on thehill.com: third in the police-protests story, 06-16 15:30 -> 06-17 11:00 = 1,170 min.
        var rows = run("stories-of-provider", Map.of("provider", "wbur.org"));
        assertThat(rows).extracting(r -> r.get("story"), r -> r.get("rank"), r -> r.get("lagMinutes"),
                r -> r.get("providers")).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(boston, 1L, 0L, 2L),
                        org.assertj.core.groups.Tuple.tuple(protests, 1L, 0L, 3L));
        assertThat(run("stories-of-provider", Map.of("provider", "thehill.com")))
                .extracting(r -> r.get("story"), r -> r.get("rank"), r -> r.get("lagMinutes"), r -> r.get("providers"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(protests, 3L, 1170L, 3L));
        // wpxi.com: second in the same story, 15:30 -> 23:27 = 477 min
        assertThat(run("stories-of-provider", Map.of("provider", "wpxi.com")))
                .extracting(r -> r.get("rank"), r -> r.get("lagMinutes"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, 477L));
    }
}
