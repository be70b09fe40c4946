package org.storygraph.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.storygraph.GraphFixtures;
import org.storygraph.StoryGraphTest;

/** Coverage facts of the seed stories, checked against values worked out by hand from the seed files. */
@StoryGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoverageApiTest {

    static final String HERE_AND_NOW = "https://wbur.org/hereandnow/2020/06/16/police-face-recognition-tech";
    static final String WPXI = "https://wpxi.com/news/washington-news-bureau/"
            + "police-using-facial-recognition-software-identify-protesters-civil-rights-advocates-claim/"
            + "5X5L2TGCLRF6JBHEYC3ABKQMIU";
    static final String THE_HILL = "https://thehill.com/policy/technology/"
            + "503077-facial-recognition-tools-under-fresh-scrutiny-amid-police-protests";
    static final String CNN = "https://cnn.com/2020/06/13/tech/facial-recognition-policy/index.html";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    GraphFixtures graph;
    @Autowired
    Neo4jClient client;

    /** The police-protests story, the only seed story with three providers. */
    private String protests;
    /** fastcompany.com's "face recognition bans don't go far enough" and cnn.com's article two hours later. */
    private String fastCompanyStory;

    @BeforeAll
    void seeds() {
        graph.seeds();
        protests = storyOf(THE_HILL);
        fastCompanyStory = storyOf(CNN);
    }

    private String storyOf(String url) {
        return client.query("MATCH (:Article {url: $u})-[:IN_STORY]->(s:Story) RETURN s.id").bind(url).to("u")
                .fetchAs(String.class).one().orElseThrow();
    }

    private List<String> members(String story) {
        return List.copyOf(client.query("""
                MATCH (a:Article)-[:IN_STORY]->(:Story {id: $id})-[:IN_STORY]-() RETURN a.url
                UNION
                MATCH (a:Article)-[:IN_STORY]->(:Story {id: $id}) RETURN a.url
                """).bind(story).to("id").fetchAs(String.class).all());
    }

    @Test
    void theProtestsStoryIsFirstReportedByWburAndLagsAreMeasuredFromIt() {
        // The story clusters three articles about police protests and facial recognition (related items of seeds/003):
        //   wbur.org            Police Protests Renew Scrutiny Of FR Technology       2020-06-16T15:30Z
        //   wpxi.com            Police using FR software to identify protesters       2020-06-16T23:27Z
        //   thehill.com         FR tools under fresh scrutiny amid police protests    2020-06-17T11:00Z
        assertThat(members(protests)).containsExactlyInAnyOrder(HERE_AND_NOW, WPXI, THE_HILL);
        // lags from 06-16 15:30: 23:27 - 15:30 = 7 h 57 min = 477 min; 06-17 11:00 - 06-16 15:30 = 19 h 30 min
        // = 1,170 min; one article each, so every share is 1/3
        assertThat(mvc.get().uri("/api/stories/{id}/coverage", protests)).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.firstReportAt", v -> v.assertThat().isEqualTo("2020-06-16T15:30:00Z"))
                .hasPathSatisfying("$.firstReporters", v -> v.assertThat().asList()
                        .containsExactly("wbur.org"))
                .hasPathSatisfying("$.providerCount", v -> v.assertThat().isEqualTo(3))
                .hasPathSatisfying("$.articles", v -> v.assertThat().isEqualTo(3))
                .hasPathSatisfying("$.providers[*].domain", v -> v.assertThat().asList()
                        .containsExactly("wbur.org", "wpxi.com", "thehill.com"))
                .hasPathSatisfying("$.providers[*].rank", v -> v.assertThat().asList().containsExactly(1, 2, 3))
                .hasPathSatisfying("$.providers[*].lagMinutes", v -> v.assertThat().asList()
                        .containsExactly(0, 477, 1170))
                .hasPathSatisfying("$.providers[0].firstReporter", v -> v.assertThat().isEqualTo(true))
                .hasPathSatisfying("$.providers[1].firstReporter", v -> v.assertThat().isEqualTo(false))
                .hasPathSatisfying("$.providers[1].share", v -> v.assertThat()
                        .satisfies(x -> assertThat(((Number) x).doubleValue()).isEqualTo(1.0 / 3)));
    }

    @Test
    void theFastCompanyStoryIsFirstReportedByFastCompany() {
        // fastcompany.com's "IBM, Microsoft, and Amazon's face recognition bans don't go far enough" appears twice:
        // 2020-06-13T12:43Z (with ?partner=rss, related of seeds/004) and 2020-06-14T00:53Z (related of seeds/003);
        // the earliest time is kept, and it is the earliest article of the story, whose other article is cnn.com's
        // "Tech companies push for nationwide facial recognition law" of 2020-06-13T14:41Z.
        assertThat(members(fastCompanyStory)).hasSize(2).contains(CNN);
        assertThat(mvc.get().uri("/api/stories/{id}/coverage", fastCompanyStory)).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.firstReportAt", v -> v.assertThat().isEqualTo("2020-06-13T12:43:00Z"))
                .hasPathSatisfying("$.firstReporters", v -> v.assertThat().asList().containsExactly("fastcompany.com"))
                .hasPathSatisfying("$.providers[*].domain", v -> v.assertThat().asList()
                        .containsExactly("fastcompany.com", "cnn.com"))
                // cnn.com 2020-06-13T14:41Z: 1 h 58 min after 12:43 = 118 min
                .hasPathSatisfying("$.providers[?(@.domain == 'cnn.com')].lagMinutes",
                        v -> v.assertThat().asList().containsExactly(118));
    }

    @Test
    void describesAProvider() {
        // wpxi.com covered one story (the protests one), was not first, lag 477 min (23:27 - 15:30 on 06-16); it
        // published before thehill.com (06-17 11:00) and after wbur.org (06-16 15:30)
        var json = assertThat(mvc.get().uri("/api/providers/wpxi.com")).hasStatusOk().bodyJson();
        json.hasPathSatisfying("$.stories", v -> v.assertThat().isEqualTo(1));
        json.hasPathSatisfying("$.firstReports", v -> v.assertThat().isEqualTo(0));
        json.hasPathSatisfying("$.medianLagMinutes", v -> v.assertThat().isEqualTo(477.0));
        json.hasPathSatisfying("$.precedes[*].domain", v -> v.assertThat().asList().containsExactly("thehill.com"));
        json.hasPathSatisfying("$.follows[*].domain", v -> v.assertThat().asList().containsExactly("wbur.org"));
        // wbur.org first-reported both of its stories: the protests one (06-16 15:30) and the Boston ban one
        // (06-23 23:39, buzzfeednews.com followed on 06-24 18:03); it precedes the three others, follows none
        assertThat(mvc.get().uri("/api/providers/wbur.org")).bodyJson()
                .hasPathSatisfying("$.stories", v -> v.assertThat().isEqualTo(2))
                .hasPathSatisfying("$.firstReports", v -> v.assertThat().isEqualTo(2))
                .hasPathSatisfying("$.medianLagMinutes", v -> v.assertThat().isEqualTo(0.0))
                .hasPathSatisfying("$.precedes[*].domain", v -> v.assertThat().asList()
                        .containsExactlyInAnyOrder("wpxi.com", "thehill.com", "buzzfeednews.com"))
                .hasPathSatisfying("$.follows", v -> v.assertThat().asList().isEmpty());
        // businessinsider.com was the first (and only) reporter of its only story, the ACLU article of 06-11
        assertThat(mvc.get().uri("/api/providers/businessinsider.com")).bodyJson()
                .hasPathSatisfying("$.firstReports", v -> v.assertThat().isEqualTo(1))
                .hasPathSatisfying("$.medianLagMinutes", v -> v.assertThat().isEqualTo(0.0));
        assertThat(mvc.get().uri("/api/providers/unknown.example")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void buildsTheLeadLagNetwork() {
        // stories overlapping 2020-06-16 with two or more providers: the protests story (06-16 15:30 to 06-17 11:00)
        // and bizjournals.com/geekwire.com (06-16 16:30 to 06-17 18:01). Within the protests story:
        // wbur → wpxi (477 min), wbur → thehill (1,170 min), wpxi → thehill (06-17 11:00 - 06-16 23:27 = 11 h 33 min
        // = 693 min); bizjournals → geekwire: 06-17 18:01 - 06-16 16:30 = 25 h 31 min = 1,531 min; each shared once
        var json = assertThat(mvc.get().uri("/api/coverage/leadlag?from=2020-06-16&to=2020-06-17&size=100"))
                .hasStatusOk().bodyJson();
        json.hasPathSatisfying("$.items.length()", v -> v.assertThat().isEqualTo(4));
        json.hasPathSatisfying("$.items[?(@.source == 'wbur.org' && @.target == 'wpxi.com')]"
                + ".medianLagMinutes", v -> v.assertThat().asList().containsExactly(477.0));
        json.hasPathSatisfying("$.items[?(@.source == 'wbur.org' && @.target == 'thehill.com')]"
                + ".medianLagMinutes", v -> v.assertThat().asList().containsExactly(1170.0));
        json.hasPathSatisfying("$.items[?(@.source == 'wpxi.com' && @.target == 'thehill.com')]"
                + ".medianLagMinutes", v -> v.assertThat().asList().containsExactly(693.0));
        json.hasPathSatisfying("$.items[?(@.source == 'bizjournals.com' && @.target == 'geekwire.com')]"
                + ".medianLagMinutes", v -> v.assertThat().asList().containsExactly(1531.0));
        json.hasPathSatisfying("$.items[*].leads", v -> v.assertThat().asList().containsOnly(1));
        json.hasPathSatisfying("$.items[*].shared", v -> v.assertThat().asList().containsOnly(1));
        // on 2020-06-11 only the IBM story (marketplace.org 14:51, washingtonpost.com 21:07: 6 h 16 min = 376 min)
        // has two providers; businessinsider.com's ACLU article of 09:53 is a story of its own and adds no edge
        var june11 = assertThat(mvc.get().uri("/api/coverage/leadlag?from=2020-06-11&to=2020-06-12&size=100"))
                .hasStatusOk().bodyJson();
        june11.hasPathSatisfying("$.items[*].source", v -> v.assertThat().asList().containsExactly("marketplace.org"));
        june11.hasPathSatisfying("$.items[*].target", v -> v.assertThat().asList()
                .containsExactly("washingtonpost.com"));
        june11.hasPathSatisfying("$.items[0].medianLagMinutes", v -> v.assertThat().isEqualTo(376.0));
        // the whole seed graph: every ordered pair of providers with different first times in a shared story
        long pairs = graph.count("""
                MATCH (s:Story)<-[:IN_STORY]-(a:Article)-[:PUBLISHED_BY]->(p:Provider)
                WITH s, p, min(a.publishedAt) AS t
                WITH s, collect({p: p, t: t}) AS f
                UNWIND f AS x UNWIND f AS y
                WITH x, y WHERE x.t < y.t
                RETURN count(DISTINCT [x.p.domain, y.p.domain])""");
        // by hand: 3 pairs in the protests story and 1 in each of the five two-provider stories
        assertThat(pairs).isEqualTo(8);
        assertThat(mvc.get().uri("/api/coverage/leadlag?size=10000")).bodyJson()
                .extractingPath("$.items.length()").isEqualTo((int) pairs);
        assertThat(mvc.get().uri("/api/coverage/leadlag?minShared=2")).bodyJson()
                .extractingPath("$.items.length()").isEqualTo(0);
        assertThat(mvc.get().uri("/api/coverage/leadlag?from=2020-06-12&to=2020-06-11"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void listsProviderOverlapWithJaccard() {
        // pairs come from the six stories with two or more providers: 3 in the protests story, 1 in each of the
        // five two-provider stories, 8 in all. Each of their providers covers only that story, so a pair's Jaccard
        // is 1 / (1 + 1 - 1) = 1, except wbur.org, which has two articles in two different stories (protests and
        // the Boston ban): its three pairs have storiesA or storiesB = 2 and Jaccard 1 / (1 + 2 - 1) = 1/2
        assertThat(mvc.get().uri("/api/coverage/overlap?size=1000")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.total", v -> v.assertThat().isEqualTo(8))
                .hasPathSatisfying("$.items.length()", v -> v.assertThat().isEqualTo(8))
                .hasPathSatisfying("$.items[*].shared", v -> v.assertThat().asList().containsOnly(1))
                .hasPathSatisfying("$.items[?(@.a == 'marketplace.org' && @.b == 'washingtonpost.com')].jaccard",
                        v -> v.assertThat().asList().containsExactly(1.0))
                .hasPathSatisfying("$.items[?(@.a == 'thehill.com' && @.b == 'wpxi.com')].jaccard",
                        v -> v.assertThat().asList().containsExactly(1.0))
                .hasPathSatisfying("$.items[?(@.a == 'thehill.com' && @.b == 'wbur.org')].jaccard",
                        v -> v.assertThat().asList().containsExactly(0.5))
                .hasPathSatisfying("$.items[?(@.a == 'buzzfeednews.com' && @.b == 'wbur.org')].jaccard",
                        v -> v.assertThat().asList().containsExactly(0.5))
                .hasPathSatisfying("$.items[?(@.a == 'wbur.org' && @.b == 'wpxi.com')].jaccard",
                        v -> v.assertThat().asList().containsExactly(0.5))
                .hasPathSatisfying("$.items[?(@.jaccard == 0.5)]", v -> v.assertThat().asList().hasSize(3));
    }

    @Test
    void pagesAndFiltersOverlapAndLeadLagByTime() throws Exception {
        // the 8 overlap pairs in pages of 3: 3 + 3 + 2, together the whole list in the same order
        List<String> all = pairs("/api/coverage/overlap?size=100", "a", "b");
        assertThat(all).hasSize(8);
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            var json = JsonPath.parse(body("/api/coverage/overlap?size=3&page=" + page));
            assertThat(json.<Integer>read("$.total")).isEqualTo(8);
            assertThat(json.<Integer>read("$.totalPages")).isEqualTo(3);
            paged.addAll(pairs("/api/coverage/overlap?size=3&page=" + page, "a", "b"));
        }
        assertThat(paged).isEqualTo(all);
        // the same for the 8 lead/lag edges in pages of 5
        List<String> edges = pairs("/api/coverage/leadlag?size=100", "source", "target");
        assertThat(edges).hasSize(8);
        List<String> edgePages = new ArrayList<>(pairs("/api/coverage/leadlag?size=5", "source", "target"));
        edgePages.addAll(pairs("/api/coverage/leadlag?size=5&page=1", "source", "target"));
        assertThat(edgePages).isEqualTo(edges);
        // the old parameter name 'limit' still sets the page size
        assertThat(mvc.get().uri("/api/coverage/leadlag?limit=3")).bodyJson()
                .hasPathSatisfying("$.size", v -> v.assertThat().isEqualTo(3))
                .hasPathSatisfying("$.totalPages", v -> v.assertThat().isEqualTo(3));

        // a range without seed stories (they are all from June 2020)
        for (String path : List.of("/api/coverage/overlap", "/api/coverage/leadlag")) {
            assertThat(mvc.get().uri(path + "?from=2021-01-01&to=2021-02-01")).hasStatusOk().bodyJson()
                    .hasPathSatisfying("$.total", v -> v.assertThat().isEqualTo(0))
                    .hasPathSatisfying("$.totalPages", v -> v.assertThat().isEqualTo(0))
                    .hasPathSatisfying("$.items.length()", v -> v.assertThat().isEqualTo(0));
            assertThat(mvc.get().uri(path + "?from=2020-06-12&to=2020-06-11")).hasStatus(HttpStatus.BAD_REQUEST);
        }
        // on 2020-06-11 only the IBM story has two providers
        assertThat(mvc.get().uri("/api/coverage/overlap?from=2020-06-11&to=2020-06-12")).bodyJson()
                .hasPathSatisfying("$.total", v -> v.assertThat().isEqualTo(1))
                .hasPathSatisfying("$.items[0].a", v -> v.assertThat().isEqualTo("marketplace.org"))
                .hasPathSatisfying("$.items[0].b", v -> v.assertThat().isEqualTo("washingtonpost.com"));
        // within 2020-06-16..17 wbur.org covered only the protests story (its Boston ban article is of 06-23),
        // so its pairs there have a Jaccard index of 1 where the whole graph gives 1/2
        assertThat(mvc.get().uri("/api/coverage/overlap?from=2020-06-16&to=2020-06-17")).bodyJson()
                .hasPathSatisfying("$.items[?(@.a == 'thehill.com' && @.b == 'wbur.org')].jaccard",
                        v -> v.assertThat().asList().containsExactly(1.0))
                .hasPathSatisfying("$.items[*].jaccard", v -> v.assertThat().asList().containsOnly(1.0));
    }

    private String body(String uri) throws Exception {
        var response = mvc.get().uri(uri).exchange().getResponse();
        assertThat(response.getStatus()).as(uri).isEqualTo(200);
        return response.getContentAsString();
    }

    private List<String> pairs(String uri, String first, String second) throws Exception {
        List<Map<String, Object>> items = JsonPath.parse(body(uri)).read("$.items");
        return items.stream().map(i -> i.get(first) + " " + i.get(second)).toList();
    }
}
