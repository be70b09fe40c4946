package org.storygraph.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.storygraph.GraphFixtures;
import org.storygraph.JobPolling;
import org.storygraph.StoryGraphTest;
import org.storygraph.backup.GraphDump;
import org.storygraph.clustering.StoryClusterer;

import tools.jackson.databind.JsonNode;

/**
 * Clustering runs on the seeds: the load's run, a recluster that keeps every story id, a recluster that splits a
 * story merged by hand back apart (each part keeping an id), and exports naming the latest run.
 */
@StoryGraphTest
class RunsApiTest {

    static final String THE_HILL = "https://thehill.com/policy/technology/"
            + "503077-facial-recognition-tools-under-fresh-scrutiny-amid-police-protests";
    static final String CNN = "https://cnn.com/2020/06/13/tech/facial-recognition-policy/index.html";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    GraphFixtures graph;
    @Autowired
    Neo4jClient client;
    @Autowired
    StoryClusterer clusterer;
    @Autowired
    GraphDump dump;

    @BeforeEach
    void seeds() {
        graph.seeds();
    }

    private DocumentContext json(String uri, Object... vars) throws Exception {
        MockHttpServletResponse response = mvc.get().uri(uri, vars).exchange().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return JsonPath.parse(response.getContentAsString());
    }

    /** Article URL → story id. */
    private Map<String, String> partition() {
        Map<String, String> p = new TreeMap<>();
        client.query("MATCH (a:Article)-[:IN_STORY]->(s) RETURN a.url AS url, s.id AS story").fetch().all()
                .forEach(r -> p.put((String) r.get("url"), (String) r.get("story")));
        return p;
    }

    private String storyOf(String url) {
        return client.query("MATCH (:Article {url: $u})-[:IN_STORY]->(s:Story) RETURN s.id").bind(url).to("u")
                .fetchAs(String.class).one().orElseThrow();
    }

    @Test
    void theSeedLoadIsRecordedAsIncrementalRunsThatCreatedEveryStory() throws Exception {
        long stories = graph.count("MATCH (s:Story) RETURN count(s)");
        DocumentContext runs = json("/api/runs?size=200");
        List<Map<String, Object>> items = runs.read("$.items");
        assertThat(items).isNotEmpty();
        assertThat(runs.<List<String>>read("$.items[*].kind")).containsOnly("incremental");
        // all 27 seed articles went through clustering, once
        assertThat(runs.<List<Integer>>read("$.items[*].articlesIn").stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(27);
        // the newest run says how many stories the graph holds after it
        assertThat(runs.<Integer>read("$.items[0].storiesOut")).isEqualTo((int) stories);
        assertThat(runs.<String>read("$.items[0].model")).startsWith("all-MiniLM-L6-v2");
        assertThat(runs.<String>read("$.items[0].modelChecksum")).matches("[0-9a-f]{64}");
        assertThat(runs.<String>read("$.items[0].codeVersion")).isNotBlank();
        assertThat(runs.<Integer>read("$.items[0].parameters.neighbours")).isEqualTo(20);
        assertThat(runs.<Double>read("$.items[0].parameters.model.bias")).isEqualTo(-1.546);
        // every story now in the graph was created by one of these runs, and the latest change of each names it
        // with its present size
        for (Map<String, Object> run : items) {
            DocumentContext changes = json("/api/runs/{id}/changes?size=500", run.get("id"));
            assertThat(changes.<Integer>read("$.total")).isEqualTo(((Integer) run.get("created"))
                    + (Integer) run.get("grown") + (Integer) run.get("merged"));
        }
        long created = client.query("MATCH (c:ClusteringChange {kind: 'created'}) RETURN count(c)")
                .fetchAs(Long.class).one().orElseThrow();
        long mergedAway = client.query("MATCH (c:ClusteringChange {kind: 'merged'}) "
                + "RETURN coalesce(sum(size(c.fromIds) - 1), 0)").fetchAs(Long.class).one().orElseThrow();
        assertThat(created - mergedAway).isEqualTo(stories);
    }

    @Test
    void aReclusterOfTheSeedsKeepsEveryStoryIdAndRecordsNoChange() throws Exception {
        Map<String, String> before = partition();
        String checksum = dump.checksum().checksum();
        String job = JobPolling.accepted(mvc.post().uri("/api/stories/recluster")
                .header("X-API-Key", StoryGraphTest.API_KEY).exchange());
        JsonNode done = JobPolling.awaitFinished(mvc, job);
        String runId = done.at("/result/runId").asString();
        assertThat(partition()).isEqualTo(before);
        assertThat(dump.checksum().checksum()).as("recording a run changes no checksum").isEqualTo(checksum);

        DocumentContext runs = json("/api/runs?size=1");
        assertThat(runs.<String>read("$.items[0].id")).isEqualTo(runId);
        DocumentContext run = json("/api/runs/{id}", runId);
        assertThat(run.<String>read("$.kind")).isEqualTo("recluster");
        assertThat(run.<Integer>read("$.articlesIn")).isEqualTo(27);
        assertThat(run.<Integer>read("$.storiesOut")).isEqualTo(new java.util.HashSet<>(before.values()).size());
        for (String kind : List.of("created", "grown", "merged", "split", "removed")) {
            assertThat(run.<Integer>read("$." + kind)).as(kind).isZero();
        }
        assertThat(json("/api/runs/{id}/changes", runId).<Integer>read("$.total")).isZero();
        // newest first, with Link headers
        MockHttpServletResponse page = mvc.get().uri("/api/runs?size=1").exchange().getResponse();
        assertThat(page.getHeader("Link")).contains("rel=\"first\"", "rel=\"next\"", "rel=\"last\"");
    }

    @Test
    void aReclusterSplitsAStoryMergedByHandAndEachPartKeepsAnId() throws Exception {
        // merge CNN's facial-recognition story into the police-protests story by hand (and give the protests story
        // a name of our own): the recluster rebuilds both, the larger part keeps the hand-given id, the other part
        // gets the id its earliest article gives it (which no story had any more)
        String protests = storyOf(THE_HILL);
        String cnnStory = storyOf(CNN);
        Map<String, String> before = partition();
        int protestsSize = (int) before.values().stream().filter(protests::equals).count();
        int cnnSize = (int) before.values().stream().filter(cnnStory::equals).count();
        assertThat(protestsSize).isEqualTo(3);
        assertThat(cnnSize).isLessThan(protestsSize);
        client.query("""
                MATCH (a:Article)-[r:IN_STORY]->(gone:Story {id: $cnn}), (s:Story {id: $protests})
                CREATE (a)-[:IN_STORY]->(s)
                DELETE r
                WITH DISTINCT gone, s
                DETACH DELETE gone
                SET s.id = 'merged-by-hand'
                """).bind(cnnStory).to("cnn").bind(protests).to("protests").run();

        StoryClusterer.Result result = clusterer.recluster(line -> { });

        Map<String, String> after = partition();
        Map<String, String> expected = new TreeMap<>(before);
        expected.replaceAll((url, story) -> story.equals(protests) ? "merged-by-hand" : story);
        assertThat(after).isEqualTo(expected);
        DocumentContext run = json("/api/runs/{id}", result.runId());
        assertThat(run.<Integer>read("$.split")).isEqualTo(2);
        assertThat(run.<Integer>read("$.created") + run.<Integer>read("$.grown") + run.<Integer>read("$.merged")
                + run.<Integer>read("$.removed")).isZero();
        DocumentContext split = json("/api/runs/{id}/changes?kind=split", result.runId());
        assertThat(split.<List<String>>read("$.items[*].storyId")).containsExactlyInAnyOrder("merged-by-hand",
                cnnStory);
        assertThat(split.<List<List<String>>>read("$.items[*].fromIds")).containsOnly(List.of("merged-by-hand"));
        assertThat(split.<List<Integer>>read("$.items[?(@.storyId == 'merged-by-hand')].size"))
                .containsExactly(protestsSize);
        assertThat(split.<List<Integer>>read("$.items[?(@.storyId == 'merged-by-hand')].previousSize"))
                .containsExactly(protestsSize + cnnSize);
        assertThat(split.<List<Integer>>read("$.items[?(@.storyId == '" + cnnStory + "')].size"))
                .containsExactly(cnnSize);
        assertThat(split.<List<Integer>>read("$.items[?(@.storyId == '" + cnnStory + "')].previousSize"))
                .containsExactly(0);
        assertThat(json("/api/runs/{id}/changes?kind=merged", result.runId()).<Integer>read("$.total")).isZero();
        assertThat(mvc.get().uri("/api/runs/{id}/changes?kind=bogus", result.runId()))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/api/runs/no-such-run")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void exportsNameTheLatestRun() throws Exception {
        String latest = json("/api/runs?size=1").read("$.items[0].id");
        String story = storyOf(THE_HILL);
        MockHttpServletResponse export = mvc.get().uri("/api/stories/{id}/export?format=json", story).exchange()
                .getResponse();
        assertThat(export.getHeader("X-StoryGraph-Run")).isEqualTo(latest);
        assertThat(JsonPath.parse(export.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .<String>read("$.run")).isEqualTo(latest);
    }
}
