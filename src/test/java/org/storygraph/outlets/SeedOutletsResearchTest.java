package org.storygraph.outlets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.storygraph.GraphFixtures;
import org.storygraph.StoryGraphTest;

/**
 * The worked research question of docs/research.md, end to end over HTTP: the committed hand-made outlet file
 * ({@code outlets/seed-outlets.csv}) imported through the API onto the seeds, then the Big-Tech (IBM) story's
 * coverage grouped by media type and collection and the lead/lag network between groups — every figure worked out
 * by hand from the seed files and the outlet file:
 * <pre>
 *   story      first group (time)                       later group (time)                         lag
 *   IBM        broadcast marketplace.org 06-11 14:51     national washingtonpost.com 06-11 21:07      376 min
 *   protests   broadcast wbur.org 06-16 15:30            national thehill.com 06-17 11:00           1,170 min
 *   Wales      broadcast bbc.com 06-23 14:05             national telegraph.co.uk 06-23 14:21          16 min
 *   FastCo     magazine fastcompany.com 06-13 12:43      broadcast cnn.com 06-13 14:41               118 min
 *   Bezos      regional bizjournals.com 06-16 16:30      digital-native geekwire.com 06-17 18:01   1,531 min
 *   Boston     broadcast wbur.org 06-23 23:39            digital-native buzzfeednews.com 06-24 18:03 1,104 min
 * </pre>
 * By collection only two stories cross collections: protests (US local and regional → US national, 1,170 min) and
 * Boston (the same direction, 1,104 min); the others stay inside one collection.
 */
@StoryGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedOutletsResearchTest {

    static final String IBM_WAPO = "https://washingtonpost.com/technology/2020/06/11/ibm-facial-recognition";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    GraphFixtures graph;
    @Autowired
    Neo4jClient client;

    String ibm;

    @BeforeAll
    void seedsAndTheirOutletFile() throws Exception {
        graph.seeds();
        assertThat(mvc.post().uri("/api/providers/import").header("X-API-Key", StoryGraphTest.API_KEY)
                .contentType("text/csv").content(Files.readString(OutletImportTest.CSV))).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.rejected.length()", v -> v.assertThat().isEqualTo(0));
        ibm = client.query("MATCH (:Article {url: $u})-[:IN_STORY]->(s:Story) RETURN s.id").bind(IBM_WAPO).to("u")
                .fetchAs(String.class).one().orElseThrow();
    }

    private DocumentContext json(String uri, Object... vars) throws Exception {
        var response = mvc.get().uri(uri, vars).exchange().getResponse();
        assertThat(response.getStatus()).as(uri + ": " + response.getContentAsString()).isEqualTo(200);
        return JsonPath.parse(response.getContentAsString());
    }

    @Test
    void theBigTechStoryGroupedByMediaTypeAndCollection() throws Exception {
        DocumentContext byType = json("/api/stories/{id}/coverage?groupBy=mediaType", ibm);
        // the story as clustered: Marketplace's report and the Post's, nothing else
        assertThat(byType.<List<String>>read("$.providers[*].domain"))
                .containsExactly("marketplace.org", "washingtonpost.com");
        assertThat(byType.<List<String>>read("$.groups[*].name")).containsExactly("broadcast", "national");
        assertThat(byType.<List<Integer>>read("$.groups[*].articles")).containsExactly(1, 1);
        assertThat(byType.<List<Integer>>read("$.groups[*].lagMinutes")).containsExactly(0, 376);
        assertThat(byType.<List<String>>read("$.firstGroups")).containsExactly("broadcast");
        assertThat(byType.<List<Boolean>>read("$.groups[*].unknown")).containsOnly(false);

        // both outlets are in "US national": one group of two articles and two outlets, first at 14:51
        DocumentContext byCollection = json("/api/stories/{id}/coverage?groupBy=collection", ibm);
        assertThat(byCollection.<List<String>>read("$.groups[*].name")).containsExactly("US national");
        assertThat(byCollection.<List<Integer>>read("$.groups[*].articles")).containsExactly(2);
        assertThat(byCollection.<List<Integer>>read("$.groups[*].outlets")).containsExactly(2);
        assertThat(byCollection.<String>read("$.groups[0].firstAt")).isEqualTo("2020-06-11T14:51:00Z");
        assertThat(byCollection.<String>read("$.groups[0].lastAt")).isEqualTo("2020-06-11T21:07:00Z");

        // all US: one country group; nothing is a copy or wire, so independent figures are the same
        assertThat(json("/api/stories/{id}/coverage?groupBy=country", ibm).<List<String>>read("$.groups[*].name"))
                .containsExactly("US");
        DocumentContext independent = json("/api/stories/{id}/coverage?groupBy=mediaType&independent=true", ibm);
        assertThat(independent.<List<Integer>>read("$.groups[*].lagMinutes")).containsExactly(0, 376);
        assertThat(independent.<Integer>read("$.independence.copies")).isZero();
        assertThat(independent.<Integer>read("$.independence.wire")).isZero();
    }

    @Test
    void didWireServicesLeadNationalOutletsNoWireOutletCoveredTheSeeds() throws Exception {
        DocumentContext byType = json("/api/coverage/leadlag?groupBy=mediaType&size=100");
        assertThat(edges(byType)).containsExactlyInAnyOrder(
                "broadcast>national 3/3 376.0", "broadcast>digital-native 1/1 1104.0",
                "magazine>broadcast 1/1 118.0", "regional>digital-native 1/1 1531.0");
        // the question's own groups: no edge names a wire group, because no seed outlet is a wire service
        assertThat(byType.<List<String>>read("$.items[*].source")).doesNotContain("wire");
        assertThat(byType.<List<String>>read("$.items[*].target")).doesNotContain("wire");
        assertThat(json("/api/providers?mediaType=wire").<Integer>read("$.total")).isZero();

        // between collections: local and regional outlets were ahead of the national ones on both shared stories
        assertThat(edges(json("/api/coverage/leadlag?groupBy=collection")))
                .containsExactly("US local and regional>US national 2/2 1137.0");
    }

    static List<String> edges(DocumentContext json) {
        List<Map<String, Object>> items = json.read("$.items");
        return items.stream().map(e -> e.get("source") + ">" + e.get("target") + " " + e.get("leads") + "/"
                + e.get("shared") + " " + e.get("medianLagMinutes")).toList();
    }
}
