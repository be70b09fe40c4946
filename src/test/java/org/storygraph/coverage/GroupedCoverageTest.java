package org.storygraph.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
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

/**
 * Coverage grouped by collection, country and media type ({@code ?groupBy=}), the lead/lag network between groups
 * and the story list filtered by outlet metadata, on the seeds with metadata set here; every figure worked out by
 * hand from the seed files (times below are those of the seed articles).
 */
@StoryGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupedCoverageTest {

    static final String IBM_MARKETPLACE = "https://marketplace.org/2020/06/11/facial-recognition-technology-police-departments";
    static final String BOSTON_WBUR = "https://wbur.org/news/2020/06/23/boston-facial-recognition-ban";
    static final String BIZJOURNALS = "https://bizjournals.com/washington/news/2020/06/16/mr-bezos-goes-to-washington-maybe.html";
    static final String BBC = "https://bbc.com/news/uk-wales-53147221";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    GraphFixtures graph;
    @Autowired
    Neo4jClient client;

    /** wbur.org 06-16 15:30, wpxi.com 06-16 23:27, thehill.com 06-17 11:00. */
    String protests;
    /** marketplace.org 06-11 14:51, washingtonpost.com 06-11 21:07. */
    String ibm;
    /** fastcompany.com 06-13 12:43, cnn.com 06-13 14:41. */
    String fastCompany;
    /** bizjournals.com 06-16 16:30, geekwire.com 06-17 18:01. */
    String bezos;
    /** wbur.org 06-23 23:39, buzzfeednews.com 06-24 18:03. */
    String boston;
    /** bbc.com 06-23 14:05, telegraph.co.uk 06-23 14:21. */
    String wales;

    @BeforeAll
    void seedsWithMetadata() {
        graph.seeds();
        OutletMetadata outlets = new OutletMetadata(client);
        // wbur.org is in two collections; wpxi.com in none; thehill.com has no country
        outlets.outlet("wbur.org", "local", "US", "Public radio", "Boston")
                .outlet("wpxi.com", "local", "US")
                .outlet("thehill.com", "national", null, "US national")
                .outlet("marketplace.org", "broadcast", "US", "Public radio")
                .outlet("washingtonpost.com", "national", "US", "US national")
                .outlet("cnn.com", "national", "US", "US national")
                .outlet("fastcompany.com", "digital-native", "US")
                .outlet("bizjournals.com", "local", "US")
                .outlet("geekwire.com", "digital-native", "US")
                .outlet("buzzfeednews.com", "digital-native", "US")
                .outlet("bbc.com", "broadcast", "GB")
                .outlet("telegraph.co.uk", "national", "GB");
        protests = outlets.storyOf(CoverageApiTest.THE_HILL);
        ibm = outlets.storyOf(IBM_MARKETPLACE);
        fastCompany = outlets.storyOf(CoverageApiTest.CNN);
        bezos = outlets.storyOf(BIZJOURNALS);
        boston = outlets.storyOf(BOSTON_WBUR);
        wales = outlets.storyOf(BBC);
    }

    private DocumentContext json(String uri, Object... vars) throws Exception {
        var response = mvc.get().uri(uri, vars).exchange().getResponse();
        assertThat(response.getStatus()).as(uri + ": " + response.getContentAsString()).isEqualTo(200);
        return JsonPath.parse(response.getContentAsString());
    }

    @Test
    void groupsAStorysCoverageByCollectionCountingAnOutletInEachOfItsCollections() throws Exception {
        // wbur.org (15:30) is in "Public radio" and "Boston": both groups are first, lag 0; wpxi.com has no
        // collection: group unknown at 23:27, 477 min; thehill.com ("US national") 06-17 11:00, 1,170 min
        DocumentContext c = json("/api/stories/{id}/coverage?groupBy=collection", protests);
        assertThat(c.<String>read("$.groupBy")).isEqualTo("collection");
        assertThat(c.<List<String>>read("$.groups[*].name"))
                .containsExactly("Boston", "Public radio", "unknown", "US national");
        assertThat(c.<List<Integer>>read("$.groups[*].lagMinutes")).containsExactly(0, 0, 477, 1170);
        assertThat(c.<List<Integer>>read("$.groups[*].rank")).containsExactly(1, 1, 3, 4);
        assertThat(c.<List<Integer>>read("$.groups[*].articles")).containsExactly(1, 1, 1, 1);
        assertThat(c.<List<Boolean>>read("$.groups[*].unknown")).containsExactly(false, false, true, false);
        assertThat(c.<List<Boolean>>read("$.groups[*].firstGroup")).containsExactly(true, true, false, false);
        assertThat(c.<List<String>>read("$.firstGroups")).containsExactly("Boston", "Public radio");
        assertThat(c.<List<String>>read("$.groups[2].providers")).containsExactly("wpxi.com");
        assertThat(c.<String>read("$.groups[0].firstAt")).isEqualTo("2020-06-16T15:30:00Z");
        assertThat(c.<String>read("$.groups[3].firstAt")).isEqualTo("2020-06-17T11:00:00Z");
        // the story's own figures stay: 3 articles, 3 providers, wbur.org first
        assertThat(c.<Integer>read("$.articles")).isEqualTo(3);
        assertThat(c.<List<String>>read("$.firstReporters")).containsExactly("wbur.org");
        assertThat(c.<Boolean>read("$.independence.independent")).isFalse();
    }

    @Test
    void groupsByMediaTypeAndCountrySummingOutletsOfOneGroup() throws Exception {
        // local: wbur.org 15:30 and wpxi.com 23:27, 2 articles, first at 15:30, last at 23:27; national: thehill.com
        DocumentContext m = json("/api/stories/{id}/coverage?groupBy=mediaType", protests);
        assertThat(m.<List<String>>read("$.groups[*].name")).containsExactly("local", "national");
        assertThat(m.<List<Integer>>read("$.groups[*].articles")).containsExactly(2, 1);
        assertThat(m.<List<Integer>>read("$.groups[*].outlets")).containsExactly(2, 1);
        assertThat(m.<List<String>>read("$.groups[0].providers")).containsExactly("wbur.org", "wpxi.com");
        assertThat(m.<String>read("$.groups[0].lastAt")).isEqualTo("2020-06-16T23:27:00Z");
        assertThat(m.<List<Integer>>read("$.groups[*].lagMinutes")).containsExactly(0, 1170);
        assertThat(m.<List<String>>read("$.firstGroups")).containsExactly("local");
        // thehill.com has no country: US (2 articles, first) and unknown (1,170 min later)
        DocumentContext country = json("/api/stories/{id}/coverage?groupBy=country", protests);
        assertThat(country.<List<String>>read("$.groups[*].name")).containsExactly("US", "unknown");
        assertThat(country.<List<Boolean>>read("$.groups[*].unknown")).containsExactly(false, true);
        assertThat(country.<List<Integer>>read("$.groups[*].articles")).containsExactly(2, 1);
        assertThat(country.<List<Integer>>read("$.groups[*].lagMinutes")).containsExactly(0, 1170);
        // the Welsh story: bbc.com (broadcast) 14:05, telegraph.co.uk (national) 14:21, both GB
        DocumentContext walesByType = json("/api/stories/{id}/coverage?groupBy=MEDIATYPE", wales);
        assertThat(walesByType.<List<String>>read("$.groups[*].name")).containsExactly("broadcast", "national");
        assertThat(walesByType.<List<Integer>>read("$.groups[*].lagMinutes")).containsExactly(0, 16);
        assertThat(json("/api/stories/{id}/coverage?groupBy=country", wales).<List<String>>read("$.groups[*].name"))
                .containsExactly("GB");
    }

    @Test
    void withoutGroupByTheCoverageHasNoGroups() throws Exception {
        DocumentContext c = json("/api/stories/{id}/coverage", protests);
        Map<String, Object> body = c.read("$");
        assertThat(body).doesNotContainKeys("groupBy", "groups", "firstGroups");
        assertThat(c.<List<String>>read("$.providers[*].domain")).containsExactly("wbur.org", "wpxi.com", "thehill.com");
        assertThat(c.<Map<String, Object>>read("$.independence"))
                .containsEntry("independent", false).containsEntry("copies", 0).containsEntry("wire", 0);
    }

    @Test
    void rejectsAnUnknownGrouping() {
        for (String uri : List.of("/api/stories/" + protests + "/coverage?groupBy=owner",
                "/api/coverage/leadlag?groupBy=owner", "/api/coverage/leadlag/export?groupBy=owner")) {
            assertThat(mvc.get().uri(uri)).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                    .hasPathSatisfying("$.parameter", v -> v.assertThat().isEqualTo("groupBy"))
                    .hasPathSatisfying("$.detail", v -> v.assertThat().asString()
                            .contains("collection", "country", "mediaType"));
        }
    }

    @Test
    void leadLagBetweenMediaTypes() throws Exception {
        // a group's time on a story is its first outlet's; the six stories with two or more providers give:
        //   protests  local 06-16 15:30 (wbur) → national 06-17 11:00 (thehill): 1,170 min
        //   IBM       broadcast 06-11 14:51 → national 21:07: 376 min
        //   FastCo    digital-native 06-13 12:43 → national 14:41: 118 min
        //   Bezos     local 06-16 16:30 → digital-native 06-17 18:01: 1,531 min
        //   Boston    local 06-23 23:39 → digital-native 06-24 18:03: 1,104 min
        //   Wales     broadcast 06-23 14:05 → national 14:21: 16 min
        // broadcast → national 2 of 2 (median of 376 and 16 = 196), local → digital-native 2 of 2 (median of
        // 1,531 and 1,104 = 1,317.5), local → national 1 of 1, digital-native → national 1 of 1
        DocumentContext ll = json("/api/coverage/leadlag?groupBy=mediaType");
        assertThat(ll.<String>read("$.groupBy")).isEqualTo("mediaType");
        assertThat(ll.<Integer>read("$.total")).isEqualTo(4);
        assertThat(edges(ll)).containsExactly(
                "broadcast>national 2/2 196.0", "local>digital-native 2/2 1317.5",
                "digital-native>national 1/1 118.0", "local>national 1/1 1170.0");
        assertThat(ll.<List<Object>>read("$.items[*].sourceName")).containsOnlyNulls();
        assertThat(ll.<Boolean>read("$.independence.independent")).isFalse();
        // 2020-06-16 to 06-17: the protests and Bezos stories only
        assertThat(edges(json("/api/coverage/leadlag?groupBy=mediaType&from=2020-06-16&to=2020-06-17")))
                .containsExactlyInAnyOrder("local>national 1/1 1170.0", "local>digital-native 1/1 1531.0");
        assertThat(edges(json("/api/coverage/leadlag?groupBy=mediaType&minShared=2")))
                .containsExactly("broadcast>national 2/2 196.0", "local>digital-native 2/2 1317.5");
        // paged like the per-outlet list: 4 edges in pages of 3, with Link headers
        var second = mvc.get().uri("/api/coverage/leadlag?groupBy=mediaType&size=3&page=1").exchange().getResponse();
        assertThat(JsonPath.parse(second.getContentAsString()).<List<String>>read("$.items[*].source"))
                .containsExactly("local");
        assertThat(second.getHeader("Link")).contains("rel=\"prev\"").contains("groupBy=mediaType");
    }

    @Test
    void exportsTheLeadLagNetworkBetweenGroups() throws Exception {
        // Gephi's edge table of the four media-type edges (rows in the list's default order), and its node table
        String csv = mvc.get().uri("/api/coverage/leadlag/export?groupBy=mediaType").exchange().getResponse()
                .getContentAsString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.getFirst()).isEqualTo("Source,Target,Weight,Type,sourceName,targetName,leads,shared,"
                + "medianLagMinutes");
        assertThat(lines.subList(1, lines.size())).containsExactly(
                "broadcast,national,2,Directed,,,2,2,196.0", "local,digital-native,2,Directed,,,2,2,1317.5",
                "digital-native,national,1,Directed,,,1,1,118.0", "local,national,1,Directed,,,1,1,1170.0");
        String nodes = mvc.get().uri("/api/coverage/leadlag/export?groupBy=mediaType&table=nodes").exchange()
                .getResponse().getContentAsString();
        assertThat(nodes.lines().skip(1).map(l -> l.split(",")[0]).toList())
                .containsExactlyInAnyOrder("broadcast", "national", "local", "digital-native");
    }

    @Test
    void leadLagBetweenCollectionsCountsAnOutletInEachAndKeepsUnknown() throws Exception {
        // collections on the shared stories: wbur.org in Boston and Public radio, marketplace.org in Public radio,
        // thehill/washingtonpost/cnn in US national, every other outlet unknown.
        //   protests  Boston = Public radio 15:30 (tie, no lead), unknown (wpxi) 23:27, US national 06-17 11:00
        //   IBM       Public radio 14:51 → US national 21:07 (376)
        //   FastCo    unknown 12:43 → US national 14:41 (118)
        //   Boston    Boston = Public radio 23:39 → unknown (buzzfeednews) 06-24 18:03 (1,104)
        //   Bezos, Wales: unknown only, no pair
        // Boston → unknown: protests 477 and Boston 1,104, median 790.5; Public radio → unknown the same;
        // Public radio → US national: 1,170 and 376, median 773; unknown → US national: 693 (23:27 → 11:00) and
        // 118, median 405.5; Boston → US national: 1,170 on the protests story only
        DocumentContext ll = json("/api/coverage/leadlag?groupBy=collection");
        assertThat(edges(ll)).containsExactlyInAnyOrder(
                "Boston>unknown 2/2 790.5", "Public radio>unknown 2/2 790.5", "Public radio>US national 2/2 773.0",
                "unknown>US national 2/2 405.5", "Boston>US national 1/1 1170.0");
        // by country: only the protests story has two countries (US, and thehill.com's unknown)
        assertThat(edges(json("/api/coverage/leadlag?groupBy=country"))).containsExactly("US>unknown 1/1 1170.0");
        // without groupBy the list keeps its one shape: the 8 provider edges and nothing else
        DocumentContext plain = json("/api/coverage/leadlag?size=100");
        Map<String, Object> body = plain.read("$");
        assertThat(body).containsOnlyKeys("items", "page", "size", "total", "totalPages");
        assertThat(plain.<Integer>read("$.total")).isEqualTo(8);
    }

    @Test
    void filtersTheStoryListByCollectionMediaTypeAndCountry() throws Exception {
        // Boston: only wbur.org, in the protests and Boston stories; Public radio adds marketplace.org's IBM story
        assertThat(stories("collection=Boston")).containsExactlyInAnyOrder(protests, boston);
        assertThat(stories("collection={c}", "Public radio")).containsExactlyInAnyOrder(protests, ibm, boston);
        assertThat(stories("collection={c}", "US national")).containsExactlyInAnyOrder(protests, ibm, fastCompany);
        assertThat(stories("collection=Nobody")).isEmpty();
        // the other direction: the stories of the collection's outlets are exactly those
        assertThat(stories("provider=wbur.org")).containsExactlyInAnyOrderElementsOf(stories("collection=Boston"));
        assertThat(stories("mediaType=digital-native")).containsExactlyInAnyOrder(fastCompany, bezos, boston);
        assertThat(stories("mediaType=Digital-Native")).containsExactlyInAnyOrder(fastCompany, bezos, boston);
        assertThat(stories("country=gb")).containsExactly(wales);
        // filters combine: Public radio stories with a digital-native outlet
        assertThat(stories("collection={c}&mediaType=digital-native", "Public radio")).containsExactly(boston);
        // 20 seed stories in all
        assertThat(json("/api/stories?size=200").<Integer>read("$.total")).isEqualTo(20);
    }

    private List<String> stories(String query, Object... vars) throws Exception {
        DocumentContext page = json("/api/stories?size=200&" + query, vars);
        List<String> ids = page.read("$.items[*].id");
        assertThat(page.<Integer>read("$.total")).isEqualTo(ids.size());
        return ids;
    }

    /** The edges as "source>target leads/shared medianLag". */
    static List<String> edges(DocumentContext json) {
        List<Map<String, Object>> items = json.read("$.items");
        return items.stream().map(e -> e.get("source") + ">" + e.get("target") + " " + e.get("leads") + "/"
                + e.get("shared") + " " + ((Number) e.get("medianLagMinutes")).doubleValue()).toList();
    }
}
