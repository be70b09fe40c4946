package org.storygraph.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.storygraph.GraphFixtures;
import org.storygraph.StoryGraphTest;

@StoryGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoryApiTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    GraphFixtures graph;
    @Autowired
    Neo4jClient client;

    private String bigTech;
    private long stories;

    @BeforeAll
    void seeds() {
        graph.seeds();
        bigTech = client.query("MATCH (:Article {url: $u})-[:IN_STORY]->(s) RETURN s.id")
                .bind("https://mic.com/p/amazon-is-banning-cops-from-using-its-facial-recognition-tech-for-one-year-22976063")
                .to("u").fetchAs(String.class).one().orElseThrow();
        stories = graph.count("MATCH (s:Story) RETURN count(s)");
    }

    @Test
    void listsStoriesBySizeProvidersOrRecency() {
        assertThat(mvc.get().uri("/api/stories?size=100")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.total", v -> v.assertThat().isEqualTo((int) stories))
                .hasPathSatisfying("$.items[0].id", v -> v.assertThat().isEqualTo(bigTech));
        assertThat(mvc.get().uri("/api/stories?sort=providers&size=1")).bodyJson()
                .extractingPath("$.items[0].id").isEqualTo(bigTech);
        // the most recent story ends with buzzfeednews.com's Boston article (2020-06-24T18:03Z)
        assertThat(mvc.get().uri("/api/stories?sort=recency&size=1")).bodyJson()
                .extractingPath("$.items[0].lastPublishedAt").isEqualTo("2020-06-24T18:03:00Z");
    }

    @Test
    void theUnfilteredListIsOrderedAsTheFilteredOne() throws Exception {
        // the unfiltered list takes the index-ordered fast path; minProviders=1 (every story) the general one
        for (String sort : List.of("size", "providers", "recency")) {
            for (int page = 0; page < 3; page++) {
                String fast = mvc.get().uri("/api/stories?sort={s}&size=4&page={p}", sort, page).exchange()
                        .getResponse().getContentAsString();
                String general = mvc.get().uri("/api/stories?sort={s}&size=4&page={p}&minProviders=1", sort, page)
                        .exchange().getResponse().getContentAsString();
                assertThat(fast).as(sort + " page " + page).isEqualTo(general);
            }
        }
    }

    @Test
    void filtersStories() {
        long withSix = graph.count("MATCH (s:Story) WHERE s.providerCount >= 6 RETURN count(s)");
        assertThat(mvc.get().uri("/api/stories?minProviders=6")).bodyJson()
                .extractingPath("$.total").isEqualTo((int) withSix);
        assertThat(mvc.get().uri("/api/stories?provider=mic.com")).bodyJson()
                .hasPathSatisfying("$.total", v -> v.assertThat().isEqualTo(1))
                .hasPathSatisfying("$.items[0].id", v -> v.assertThat().isEqualTo(bigTech));
        // stories overlapping 2020-06-24: the one(s) holding the Boston ban and the FlowCentric articles
        long june24 = graph.count("""
                MATCH (s:Story) WHERE s.lastPublishedAt >= datetime('2020-06-24T00:00:00Z')
                  AND s.firstPublishedAt < datetime('2020-06-25T00:00:00Z') RETURN count(s)""");
        assertThat(june24).isPositive();
        assertThat(mvc.get().uri("/api/stories?from=2020-06-24&to=2020-06-25")).bodyJson()
                .extractingPath("$.total").isEqualTo((int) june24);
        long withTopic = graph.count("""
                MATCH (s:Story) WHERE EXISTS { (s)<-[:IN_STORY]-()-[:TAGGED]->(:Topic {name: 'AWS AI'}) }
                RETURN count(s)""");
        assertThat(withTopic).isEqualTo(1);
        assertThat(mvc.get().uri("/api/stories?topic=AWS AI")).bodyJson().extractingPath("$.total").isEqualTo(1);
        // "phrenology" is only in the timeslive.co.za article, a story of its own
        assertThat(mvc.get().uri("/api/stories?q=phrenology")).bodyJson()
                .hasPathSatisfying("$.total", v -> v.assertThat().isEqualTo(1))
                .hasPathSatisfying("$.items[0].size", v -> v.assertThat().isEqualTo(1));
        assertThat(mvc.get().uri("/api/stories?q=amazon&provider=mic.com")).bodyJson()
                .extractingPath("$.items[0].id").isEqualTo(bigTech);
        assertThat(mvc.get().uri("/api/stories?sort=size&from=2020-06-25&to=2020-06-24"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/api/stories?sort=alphabetical")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.parameter").isEqualTo("sort");
    }

    @Test
    void showsAStoryWithItsArticlesInTimeOrder() {
        var json = assertThat(mvc.get().uri("/api/stories/{id}", bigTech)).hasStatusOk().bodyJson();
        json.hasPathSatisfying("$.story.label", v -> v.assertThat().asString().isNotBlank());
        json.hasPathSatisfying("$.story.providerCount", v -> v.assertThat()
                .satisfies(n -> assertThat(((Number) n).intValue()).isGreaterThanOrEqualTo(6)));
        List<Map<String, Object>> articles = client.query("""
                MATCH (a:Article)-[:IN_STORY]->(:Story {id: $id}) RETURN a.id AS id ORDER BY a.publishedAt, a.url
                """).bind(bigTech).to("id").fetch().all().stream().toList();
        json.hasPathSatisfying("$.articles.length()", v -> v.assertThat().isEqualTo(articles.size()));
        json.hasPathSatisfying("$.articles[*].id", v -> v.assertThat().asList()
                .containsExactlyElementsOf(articles.stream().map(m -> m.get("id")).toList()));
        json.hasPathSatisfying("$.articles[0].provider.domain", v -> v.assertThat().isNotNull());
        assertThat(mvc.get().uri("/api/stories/nope")).hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void givesAStoryAsAGraphWhoseEdgesConnectListedNodes() throws Exception {
        var result = mvc.get().uri("/api/stories/{id}/graph", bigTech).exchange();
        assertThat(result).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.nodes[?(@.type == 'provider')].length()", v -> v.assertThat().isNotNull())
                .hasPathSatisfying("$.edges[?(@.type == 'PUBLISHED_BY')]", v -> v.assertThat().asList().isNotEmpty())
                .hasPathSatisfying("$.edges[?(@.type == 'RELATED_TO')]", v -> v.assertThat().asList().isNotEmpty());
        String body = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        var nodeIds = com.jayway.jsonpath.JsonPath.<List<String>>read(body, "$.nodes[*].id");
        var ends = com.jayway.jsonpath.JsonPath.<List<String>>read(body, "$.edges[*]['source','target']");
        assertThat(nodeIds).doesNotHaveDuplicates();
        List<String> sources = com.jayway.jsonpath.JsonPath.read(body, "$.edges[*].source");
        List<String> targets = com.jayway.jsonpath.JsonPath.read(body, "$.edges[*].target");
        assertThat(nodeIds).containsAll(sources).containsAll(targets);
        assertThat(ends).isNotEmpty();
        long members = graph.count("MATCH (:Story {id: '" + bigTech.replace("'", "") + "'})<-[:IN_STORY]-(a) RETURN count(a)");
        List<Boolean> inStory = com.jayway.jsonpath.JsonPath.read(body, "$.nodes[?(@.type == 'article')].data.inStory");
        assertThat(inStory.stream().filter(b -> b).count()).isEqualTo(members);
    }

    @Test
    void findsTheStoryOfAnArticle() {
        String micId = client.query("MATCH (a:Article) WHERE a.url CONTAINS 'mic.com' RETURN a.id")
                .fetchAs(String.class).one().orElseThrow();
        assertThat(mvc.get().uri("/api/articles/{id}/story", micId)).hasStatusOk().bodyJson()
                .extractingPath("$.id").isEqualTo(bigTech);
        assertThat(mvc.get().uri("/api/articles/nope/story")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void reclusterNeedsTheApiKeyAndRebuildsTheSameStories() {
        Map<String, String> before = partition();
        assertThat(mvc.post().uri("/api/stories/recluster")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post().uri("/api/stories/recluster").header("X-API-Key", StoryGraphTest.API_KEY))
                .hasStatusOk().bodyJson().extractingPath("$.articles").isEqualTo(27);
        assertThat(partition()).isEqualTo(before);
    }

    private Map<String, String> partition() {
        Map<String, String> p = new java.util.TreeMap<>();
        client.query("MATCH (a:Article)-[:IN_STORY]->(s) RETURN a.url AS url, s.id AS story").fetch().all()
                .forEach(r -> p.put((String) r.get("url"), (String) r.get("story")));
        return p;
    }
}
