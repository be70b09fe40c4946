package org.storygraph.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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

    static final String ACLU = "https://businessinsider.com/aclu-calles-amazon-blanket-ban-rekognition-sales-2020-6";
    static final String MIC =
            "https://mic.com/p/amazon-is-banning-cops-from-using-its-facial-recognition-tech-for-one-year-22976063";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    GraphFixtures graph;
    @Autowired
    Neo4jClient client;

    private String acluStory;
    private String bigTech;

    @BeforeAll
    void seeds() {
        graph.seeds();
        acluStory = storyOf(ACLU);
        bigTech = storyOf(MIC);
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
    void theAcluStoryIsFirstReportedByBusinessInsiderAndLagsAreMeasuredFromIt() {
        // The story clusters the three 2020-06-11 articles of the marketplace.org seed (seeds/001):
        //   businessinsider.com  ACLU says Amazon's suspension falls short   2020-06-11T09:53Z
        //   marketplace.org      Tech companies reconsider FR software        2020-06-11T14:51Z
        //   washingtonpost.com   IBM's decision to abandon FR technology      2020-06-11T21:07Z
        assertThat(members(acluStory)).containsExactlyInAnyOrder(ACLU,
                "https://marketplace.org/2020/06/11/facial-recognition-technology-police-departments",
                "https://washingtonpost.com/technology/2020/06/11/ibm-facial-recognition");
        // lags from 09:53: 14:51 - 09:53 = 4 h 58 min = 298 min; 21:07 - 09:53 = 11 h 14 min = 674 min
        assertThat(mvc.get().uri("/api/stories/{id}/coverage", acluStory)).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.firstReportAt", v -> v.assertThat().isEqualTo("2020-06-11T09:53:00Z"))
                .hasPathSatisfying("$.firstReporters", v -> v.assertThat().asList()
                        .containsExactly("businessinsider.com"))
                .hasPathSatisfying("$.providerCount", v -> v.assertThat().isEqualTo(3))
                .hasPathSatisfying("$.articles", v -> v.assertThat().isEqualTo(3))
                .hasPathSatisfying("$.providers[*].domain", v -> v.assertThat().asList()
                        .containsExactly("businessinsider.com", "marketplace.org", "washingtonpost.com"))
                .hasPathSatisfying("$.providers[*].rank", v -> v.assertThat().asList().containsExactly(1, 2, 3))
                .hasPathSatisfying("$.providers[*].lagMinutes", v -> v.assertThat().asList()
                        .containsExactly(0, 298, 674))
                .hasPathSatisfying("$.providers[0].firstReporter", v -> v.assertThat().isEqualTo(true))
                .hasPathSatisfying("$.providers[1].share", v -> v.assertThat()
                        .satisfies(x -> assertThat(((Number) x).doubleValue()).isEqualTo(1.0 / 3)));
    }

    @Test
    void theBigTechStoryIsFirstReportedByFastCompany() {
        // fastcompany.com's "IBM, Microsoft, and Amazon's face recognition bans don't go far enough" appears twice:
        // 2020-06-13T12:43Z (with ?partner=rss, related of seeds/004) and 2020-06-14T00:53Z (related of seeds/003);
        // the earliest time is kept, and it is the earliest article of the story.
        assertThat(mvc.get().uri("/api/stories/{id}/coverage", bigTech)).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.firstReportAt", v -> v.assertThat().isEqualTo("2020-06-13T12:43:00Z"))
                .hasPathSatisfying("$.firstReporters", v -> v.assertThat().asList().containsExactly("fastcompany.com"))
                // mic.com 2020-06-15T18:03Z: 2 days 5 h 20 min after 06-13 12:43 = 3,200 min
                .hasPathSatisfying("$.providers[?(@.domain == 'mic.com')].lagMinutes",
                        v -> v.assertThat().asList().containsExactly(3200));
    }

    @Test
    void describesAProvider() {
        // mic.com covered one story (the Big Tech one), was not first, lag 3,200 min; it published before
        // the providers whose first article in that story came after 06-15 18:03 and after those before it.
        var json = assertThat(mvc.get().uri("/api/providers/mic.com")).hasStatusOk().bodyJson();
        json.hasPathSatisfying("$.stories", v -> v.assertThat().isEqualTo(1));
        json.hasPathSatisfying("$.firstReports", v -> v.assertThat().isEqualTo(0));
        json.hasPathSatisfying("$.medianLagMinutes", v -> v.assertThat().isEqualTo(3200.0));
        List<String> later = List.copyOf(client.query("""
                MATCH (:Story {id: $id})<-[:IN_STORY]-(a:Article)-[:PUBLISHED_BY]->(p:Provider)
                WHERE a.publishedAt > datetime('2020-06-15T18:03:00Z') RETURN DISTINCT p.domain
                """).bind(bigTech).to("id").fetchAs(String.class).all());
        List<String> earlier = List.copyOf(client.query("""
                MATCH (:Story {id: $id})<-[:IN_STORY]-(a:Article)-[:PUBLISHED_BY]->(p:Provider)
                WHERE a.publishedAt < datetime('2020-06-15T18:03:00Z') RETURN DISTINCT p.domain
                """).bind(bigTech).to("id").fetchAs(String.class).all());
        assertThat(later).isNotEmpty();
        assertThat(earlier).contains("fastcompany.com", "cnn.com");
        json.hasPathSatisfying("$.precedes[*].domain", v -> v.assertThat().asList()
                .containsExactlyInAnyOrderElementsOf(later));
        json.hasPathSatisfying("$.follows[*].domain", v -> v.assertThat().asList()
                .containsExactlyInAnyOrderElementsOf(earlier));
        // businessinsider.com was the first reporter of its only story
        assertThat(mvc.get().uri("/api/providers/businessinsider.com")).bodyJson()
                .hasPathSatisfying("$.firstReports", v -> v.assertThat().isEqualTo(1))
                .hasPathSatisfying("$.medianLagMinutes", v -> v.assertThat().isEqualTo(0.0));
        assertThat(mvc.get().uri("/api/providers/unknown.example")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void buildsTheLeadLagNetwork() {
        // within the ACLU story: businessinsider → marketplace (298 min), businessinsider → washingtonpost
        // (674 min), marketplace → washingtonpost (21:07 - 14:51 = 6 h 16 min = 376 min); each shared once
        var json = assertThat(mvc.get().uri("/api/coverage/leadlag?from=2020-06-11&to=2020-06-12&limit=100"))
                .hasStatusOk().bodyJson();
        json.hasPathSatisfying("$.edges.length()", v -> v.assertThat().isEqualTo(3));
        json.hasPathSatisfying("$.edges[?(@.source == 'businessinsider.com' && @.target == 'marketplace.org')]"
                + ".medianLagMinutes", v -> v.assertThat().asList().containsExactly(298.0));
        json.hasPathSatisfying("$.edges[?(@.source == 'marketplace.org' && @.target == 'washingtonpost.com')]"
                + ".medianLagMinutes", v -> v.assertThat().asList().containsExactly(376.0));
        json.hasPathSatisfying("$.edges[*].leads", v -> v.assertThat().asList().containsOnly(1));
        // the whole seed graph: every ordered pair of providers with different first times in a shared story
        long pairs = graph.count("""
                MATCH (s:Story)<-[:IN_STORY]-(a:Article)-[:PUBLISHED_BY]->(p:Provider)
                WITH s, p, min(a.publishedAt) AS t
                WITH s, collect({p: p, t: t}) AS f
                UNWIND f AS x UNWIND f AS y
                WITH x, y WHERE x.t < y.t
                RETURN count(DISTINCT [x.p.domain, y.p.domain])""");
        assertThat(mvc.get().uri("/api/coverage/leadlag?limit=10000")).bodyJson()
                .extractingPath("$.edges.length()").isEqualTo((int) pairs);
        assertThat(mvc.get().uri("/api/coverage/leadlag?minShared=2")).bodyJson()
                .extractingPath("$.edges.length()").isEqualTo(0);
        assertThat(mvc.get().uri("/api/coverage/leadlag?from=2020-06-12&to=2020-06-11"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void listsProviderOverlapWithJaccard() {
        // every seed provider is in one story; wbur.org has two articles in two different stories, so its
        // pairs have storiesA or storiesB = 2 and Jaccard 1/2
        assertThat(mvc.get().uri("/api/coverage/overlap?limit=1000")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$[?(@.a == 'businessinsider.com' && @.b == 'marketplace.org')].jaccard",
                        v -> v.assertThat().asList().containsExactly(1.0))
                .hasPathSatisfying("$[?(@.a == 'bbc.com' && @.b == 'wbur.org')].jaccard",
                        v -> v.assertThat().asList().containsExactly(0.5));
    }
}
