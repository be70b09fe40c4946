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
import org.storygraph.JobPolling;
import org.storygraph.StoryGraphTest;

import tools.jackson.databind.JsonNode;

@StoryGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoryApiTest {

    static final String HERE_AND_NOW = "https://wbur.org/hereandnow/2020/06/16/police-face-recognition-tech";
    static final String WPXI = "https://wpxi.com/news/washington-news-bureau/"
            + "police-using-facial-recognition-software-identify-protesters-civil-rights-advocates-claim/"
            + "5X5L2TGCLRF6JBHEYC3ABKQMIU";
    static final String THE_HILL = "https://thehill.com/policy/technology/"
            + "503077-facial-recognition-tools-under-fresh-scrutiny-amid-police-protests";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    GraphFixtures graph;
    @Autowired
    Neo4jClient client;

    /**
     * The police-protests story (wbur.org 06-16 15:30, wpxi.com 06-16 23:27, thehill.com 06-17 11:00): the largest
     * seed story, the only one with three articles and three providers; every other story has one or two.
     */
    private String protests;
    /** The Boston ban story: wbur.org 06-23 23:39 and buzzfeednews.com 06-24 18:03. */
    private String boston;
    private long stories;

    @BeforeAll
    void seeds() {
        graph.seeds();
        protests = storyOf(THE_HILL);
        boston = storyOf("https://buzzfeednews.com/article/carolinehaskins1/boston-vote-ban-facial-recognition");
        stories = graph.count("MATCH (s:Story) RETURN count(s)");
    }

    private String storyOf(String url) {
        return client.query("MATCH (:Article {url: $u})-[:IN_STORY]->(s) RETURN s.id").bind(url).to("u")
                .fetchAs(String.class).one().orElseThrow();
    }

    @Test
    void listsStoriesBySizeProvidersOrRecency() {
        // 27 seed articles: one story of 3, five of 2 and 14 of 1 = 20 stories
        assertThat(stories).isEqualTo(20);
        // by size: the protests story (3 articles) first, then the five stories of two articles
        assertThat(mvc.get().uri("/api/stories?size=100")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.total", v -> v.assertThat().isEqualTo((int) stories))
                .hasPathSatisfying("$.items[0].id", v -> v.assertThat().isEqualTo(protests))
                .hasPathSatisfying("$.items[0].size", v -> v.assertThat().isEqualTo(3))
                .hasPathSatisfying("$.items[1:6].size", v -> v.assertThat().asList().containsOnly(2))
                .hasPathSatisfying("$.items[6].size", v -> v.assertThat().isEqualTo(1));
        // by providers: the protests story is the only one with three providers
        assertThat(mvc.get().uri("/api/stories?sort=providers&size=2")).bodyJson()
                .hasPathSatisfying("$.items[0].id", v -> v.assertThat().isEqualTo(protests))
                .hasPathSatisfying("$.items[*].providerCount", v -> v.assertThat().asList().containsExactly(3, 2));
        // the most recent story ends with buzzfeednews.com's Boston article (2020-06-24T18:03Z)
        assertThat(mvc.get().uri("/api/stories?sort=recency&size=1")).bodyJson()
                .extractingPath("$.items[0].lastPublishedAt").isEqualTo("2020-06-24T18:03:00Z");
    }

    @Test
    void theUnfilteredListIsOrderedAsTheFilteredOne() throws Exception {
        // the unfiltered list takes the index-ordered fast path; minProviders=1 (every story) the general one
        for (String sort : List.of("size", "providers", "recency", "size,asc", "recency,asc", "providers,asc")) {
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
        // no seed story has more than three providers: only the protests story has three, five more have two
        assertThat(mvc.get().uri("/api/stories?minProviders=3")).bodyJson()
                .hasPathSatisfying("$.total", v -> v.assertThat().isEqualTo(1))
                .hasPathSatisfying("$.items[0].id", v -> v.assertThat().isEqualTo(protests));
        assertThat(mvc.get().uri("/api/stories?minProviders=2")).bodyJson()
                .extractingPath("$.total").isEqualTo(6);
        assertThat(mvc.get().uri("/api/stories?minProviders=4")).bodyJson()
                .extractingPath("$.total").isEqualTo(0);
        // wbur.org covered two stories, listed by size: the protests story (3 articles), the Boston ban one (2)
        assertThat(mvc.get().uri("/api/stories?provider=wbur.org")).bodyJson()
                .hasPathSatisfying("$.total", v -> v.assertThat().isEqualTo(2))
                .hasPathSatisfying("$.items[*].id", v -> v.assertThat().asList().containsExactly(protests, boston));
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
        // of wbur.org's two stories only the Boston ban one has "Boston" in a title or excerpt
        assertThat(mvc.get().uri("/api/stories?q=boston&provider=wbur.org")).bodyJson()
                .hasPathSatisfying("$.total", v -> v.assertThat().isEqualTo(1))
                .hasPathSatisfying("$.items[0].id", v -> v.assertThat().isEqualTo(boston));
        assertThat(mvc.get().uri("/api/stories?sort=size&from=2020-06-25&to=2020-06-24"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/api/stories?sort=alphabetical")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.parameter").isEqualTo("sort");
    }

    @Test
    void showsAStoryWithItsArticlesInTimeOrder() {
        var json = assertThat(mvc.get().uri("/api/stories/{id}", protests)).hasStatusOk().bodyJson();
        json.hasPathSatisfying("$.story.label", v -> v.assertThat().asString().isNotBlank());
        // three providers, the most of any seed story (the old model's largest story had six or more)
        json.hasPathSatisfying("$.story.providerCount", v -> v.assertThat().isEqualTo(3));
        json.hasPathSatisfying("$.story.firstPublishedAt", v -> v.assertThat().isEqualTo("2020-06-16T15:30:00Z"));
        json.hasPathSatisfying("$.story.lastPublishedAt", v -> v.assertThat().isEqualTo("2020-06-17T11:00:00Z"));
        List<Map<String, Object>> articles = client.query("""
                MATCH (a:Article)-[:IN_STORY]->(:Story {id: $id}) RETURN a.id AS id ORDER BY a.publishedAt, a.url
                """).bind(protests).to("id").fetch().all().stream().toList();
        json.hasPathSatisfying("$.articles.length()", v -> v.assertThat().isEqualTo(3));
        json.hasPathSatisfying("$.articles[*].id", v -> v.assertThat().asList()
                .containsExactlyElementsOf(articles.stream().map(m -> m.get("id")).toList()));
        // time order: wbur.org 06-16 15:30, wpxi.com 06-16 23:27, thehill.com 06-17 11:00
        json.hasPathSatisfying("$.articles[*].url", v -> v.assertThat().asList()
                .containsExactly(HERE_AND_NOW, WPXI, THE_HILL));
        json.hasPathSatisfying("$.articles[*].provider.domain", v -> v.assertThat().asList()
                .containsExactly("wbur.org", "wpxi.com", "thehill.com"));
        assertThat(mvc.get().uri("/api/stories/nope")).hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void givesAStoryAsAGraphWhoseEdgesConnectListedNodes() throws Exception {
        var result = mvc.get().uri("/api/stories/{id}/graph", protests).exchange();
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
        long members = graph.count("MATCH (:Story {id: '" + protests.replace("'", "") + "'})<-[:IN_STORY]-(a) RETURN count(a)");
        assertThat(members).isEqualTo(3);
        List<Boolean> inStory = com.jayway.jsonpath.JsonPath.read(body, "$.nodes[?(@.type == 'article')].data.inStory");
        assertThat(inStory.stream().filter(b -> b).count()).isEqualTo(members);
    }

    @Test
    void findsTheStoryOfAnArticle() {
        // wpxi.com's article, the middle one of the protests story
        String wpxiId = client.query("MATCH (a:Article) WHERE a.url CONTAINS 'wpxi.com' RETURN a.id")
                .fetchAs(String.class).one().orElseThrow();
        assertThat(mvc.get().uri("/api/articles/{id}/story", wpxiId)).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.id", v -> v.assertThat().isEqualTo(protests))
                .hasPathSatisfying("$.size", v -> v.assertThat().isEqualTo(3));
        assertThat(mvc.get().uri("/api/articles/nope/story")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void reclusterNeedsTheApiKeyAndRebuildsTheSameStoriesAsAJob() throws Exception {
        Map<String, String> before = partition();
        assertThat(mvc.post().uri("/api/stories/recluster")).hasStatus(HttpStatus.UNAUTHORIZED);
        String id = JobPolling.accepted(mvc.post().uri("/api/stories/recluster")
                .header("X-API-Key", StoryGraphTest.API_KEY).exchange());
        JsonNode job = JobPolling.awaitFinished(mvc, id);
        assertThat(job.get("state").asString()).isEqualTo("done");
        assertThat(job.get("kind").asString()).isEqualTo("recluster");
        assertThat(job.at("/result/articles").asInt()).isEqualTo(27);
        assertThat(job.at("/result/stopped").isNull()).isTrue();
        assertThat(job.at("/progress/unit").asString()).isEqualTo("articles");
        assertThat(job.at("/progress/done").asLong()).isEqualTo(27);
        assertThat(job.at("/progress/total").asLong()).isEqualTo(27);
        assertThat(job.at("/progress/percent").asInt()).isEqualTo(100);
        assertThat(partition()).isEqualTo(before);
    }

    private Map<String, String> partition() {
        Map<String, String> p = new java.util.TreeMap<>();
        client.query("MATCH (a:Article)-[:IN_STORY]->(s) RETURN a.url AS url, s.id AS story").fetch().all()
                .forEach(r -> p.put((String) r.get("url"), (String) r.get("story")));
        return p;
    }
}
