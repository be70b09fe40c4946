package org.storygraph.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storygraph.coverage.GroupedCoverageTest.edges;

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
 * {@code ?independent=true} on story coverage (grouped and not), lead/lag and provider detail: syndicated copies
 * and wire articles are left out, and {@code independence} says how many. On the seeds with wbur.org marked
 * {@code wire}, cnn.com's article linked as a copy of fastcompany.com's, and wbur.org's Boston article as a copy of
 * buzzfeednews.com's (a wire article that is also a copy, counted once, as a copy).
 */
@StoryGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndependentCoverageTest {

    static final String FASTCOMPANY = "https://fastcompany.com/90516450/"
            + "ibm-microsoft-and-amazons-face-recognition-bans-dont-go-far-enough";
    static final String BUZZFEED = "https://buzzfeednews.com/article/carolinehaskins1/boston-vote-ban-facial-recognition";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    GraphFixtures graph;
    @Autowired
    Neo4jClient client;

    String protests;
    String fastCompany;
    String boston;

    @BeforeAll
    void seedsWithAWireServiceAndCopies() {
        graph.seeds();
        OutletMetadata outlets = new OutletMetadata(client);
        outlets.outlet("wbur.org", "wire", "US")
                .outlet("wpxi.com", "local", "US")
                .outlet("thehill.com", "national", "US")
                .outlet("marketplace.org", "broadcast", "US")
                .outlet("washingtonpost.com", "national", "US")
                .outlet("cnn.com", "national", "US")
                .outlet("fastcompany.com", "digital-native", "US")
                .outlet("bizjournals.com", "local", "US")
                .outlet("geekwire.com", "digital-native", "US")
                .outlet("buzzfeednews.com", "digital-native", "US")
                .outlet("bbc.com", "broadcast", "GB")
                .outlet("telegraph.co.uk", "national", "GB");
        outlets.duplicate(CoverageApiTest.CNN, FASTCOMPANY);
        outlets.duplicate(GroupedCoverageTest.BOSTON_WBUR, BUZZFEED);
        protests = outlets.storyOf(CoverageApiTest.THE_HILL);
        fastCompany = outlets.storyOf(CoverageApiTest.CNN);
        boston = outlets.storyOf(BUZZFEED);
    }

    private DocumentContext json(String uri, Object... vars) throws Exception {
        var response = mvc.get().uri(uri, vars).exchange().getResponse();
        assertThat(response.getStatus()).as(uri + ": " + response.getContentAsString()).isEqualTo(200);
        return JsonPath.parse(response.getContentAsString());
    }

    private static Map<String, Object> independence(DocumentContext json) {
        return json.read("$.independence");
    }

    @Test
    void storyCoverageLeavesOutTheWireArticleAndSaysSo() throws Exception {
        // without the flag: all three articles, wbur.org (wire) first, nothing left out
        DocumentContext all = json("/api/stories/{id}/coverage", protests);
        assertThat(all.<List<String>>read("$.providers[*].domain")).containsExactly("wbur.org", "wpxi.com", "thehill.com");
        assertThat(independence(all)).containsEntry("independent", false).containsEntry("copies", 0)
                .containsEntry("wire", 0);
        // independent: wbur.org's article (wire) is left out; wpxi.com at 23:27 is now first and thehill.com's
        // 06-17 11:00 lags by 11 h 33 min = 693 min
        DocumentContext ind = json("/api/stories/{id}/coverage?independent=true", protests);
        assertThat(ind.<List<String>>read("$.providers[*].domain")).containsExactly("wpxi.com", "thehill.com");
        assertThat(ind.<List<Integer>>read("$.providers[*].lagMinutes")).containsExactly(0, 693);
        assertThat(ind.<String>read("$.firstReportAt")).isEqualTo("2020-06-16T23:27:00Z");
        assertThat(ind.<Integer>read("$.articles")).isEqualTo(2);
        assertThat(ind.<Integer>read("$.providerCount")).isEqualTo(2);
        assertThat(independence(ind)).containsEntry("independent", true).containsEntry("copies", 0)
                .containsEntry("wire", 1);
    }

    @Test
    void storyCoverageLeavesOutCopiesAndCountsACopyOfAWireServiceOnceAsACopy() throws Exception {
        // cnn.com's article is a copy of fastcompany.com's: fastcompany.com remains, one copy left out
        DocumentContext fc = json("/api/stories/{id}/coverage?independent=true", fastCompany);
        assertThat(fc.<List<String>>read("$.providers[*].domain")).containsExactly("fastcompany.com");
        assertThat(independence(fc)).containsEntry("copies", 1).containsEntry("wire", 0);
        assertThat(json("/api/stories/{id}/coverage", fastCompany).<Integer>read("$.articles")).isEqualTo(2);
        // wbur.org's Boston article is wire and a copy: counted once, as a copy
        DocumentContext b = json("/api/stories/{id}/coverage?independent=true", boston);
        assertThat(b.<List<String>>read("$.providers[*].domain")).containsExactly("buzzfeednews.com");
        assertThat(b.<String>read("$.firstReportAt")).isEqualTo("2020-06-24T18:03:00Z");
        assertThat(independence(b)).containsEntry("copies", 1).containsEntry("wire", 0);
    }

    @Test
    void groupedCoverageWithAndWithoutCopies() throws Exception {
        // by media type with everything: wire (wbur.org 15:30) first, local (wpxi.com) 477 min, national 1,170
        DocumentContext all = json("/api/stories/{id}/coverage?groupBy=mediaType", protests);
        assertThat(all.<List<String>>read("$.groups[*].name")).containsExactly("wire", "local", "national");
        assertThat(all.<List<Integer>>read("$.groups[*].lagMinutes")).containsExactly(0, 477, 1170);
        assertThat(all.<List<String>>read("$.firstGroups")).containsExactly("wire");
        // independent: the wire group is gone, local first, national 693 min after
        DocumentContext ind = json("/api/stories/{id}/coverage?groupBy=mediaType&independent=true", protests);
        assertThat(ind.<List<String>>read("$.groups[*].name")).containsExactly("local", "national");
        assertThat(ind.<List<Integer>>read("$.groups[*].lagMinutes")).containsExactly(0, 693);
        assertThat(ind.<List<String>>read("$.firstGroups")).containsExactly("local");
        assertThat(independence(ind)).containsEntry("independent", true).containsEntry("wire", 1);
    }

    @Test
    void leadLagWithAndWithoutCopies() throws Exception {
        // all articles: the 8 provider edges, in the plain list shape
        DocumentContext all = json("/api/coverage/leadlag?size=100");
        assertThat(all.<Integer>read("$.total")).isEqualTo(8);
        assertThat(all.<Map<String, Object>>read("$")).doesNotContainKey("independence");
        // independent: wbur.org (wire) and cnn.com's copy drop out; the fastcompany.com and Boston stories keep one
        // provider each and give no edge; wpxi → thehill (693), marketplace → washingtonpost (376), bizjournals →
        // geekwire (1,531), bbc → telegraph (16) remain. Left out of the six shared stories: 2 copies (cnn.com,
        // wbur.org's Boston article) and 1 wire article (wbur.org's protests article)
        DocumentContext ind = json("/api/coverage/leadlag?independent=true&size=100");
        assertThat(edges(ind)).containsExactlyInAnyOrder("wpxi.com>thehill.com 1/1 693.0",
                "marketplace.org>washingtonpost.com 1/1 376.0", "bizjournals.com>geekwire.com 1/1 1531.0",
                "bbc.com>telegraph.co.uk 1/1 16.0");
        assertThat(ind.<Integer>read("$.total")).isEqualTo(4);
        assertThat(independence(ind)).containsEntry("independent", true).containsEntry("copies", 2)
                .containsEntry("wire", 1);
        assertThat(ind.<Map<String, Object>>read("$")).doesNotContainKey("groupBy");
    }

    @Test
    void doWiresLeadNationals() throws Exception {
        // by media type, all articles: wire (wbur.org) leads national on the protests story (15:30 → 06-17 11:00,
        // 1,170 min), local on it (477) and digital-native on the Boston story (23:39 → 06-24 18:03, 1,104);
        // local → national 693 (wpxi.com → thehill.com); broadcast → national 376 and 16 (median 196);
        // digital-native → national 118 (fastcompany.com → cnn.com); local → digital-native 1,531
        DocumentContext all = json("/api/coverage/leadlag?groupBy=mediaType");
        assertThat(edges(all)).containsExactlyInAnyOrder("wire>national 1/1 1170.0", "wire>local 1/1 477.0",
                "wire>digital-native 1/1 1104.0", "local>national 1/1 693.0", "broadcast>national 2/2 196.0",
                "digital-native>national 1/1 118.0", "local>digital-native 1/1 1531.0");
        assertThat(independence(all)).containsEntry("independent", false);
        // independent: no wire group, and cnn.com's copy no longer makes national follow digital-native
        DocumentContext ind = json("/api/coverage/leadlag?groupBy=mediaType&independent=true");
        assertThat(edges(ind)).containsExactlyInAnyOrder("local>national 1/1 693.0",
                "broadcast>national 2/2 196.0", "local>digital-native 1/1 1531.0");
        assertThat(independence(ind)).containsEntry("copies", 2).containsEntry("wire", 1);
    }

    @Test
    void providerDetailWithAndWithoutCopies() throws Exception {
        // wpxi.com: behind wbur.org (477 min) on the protests story; without wbur.org's wire article it is first
        DocumentContext all = json("/api/providers/wpxi.com");
        assertThat(all.<Integer>read("$.firstReports")).isZero();
        assertThat(all.<Double>read("$.medianLagMinutes")).isEqualTo(477.0);
        assertThat(all.<List<String>>read("$.follows[*].domain")).containsExactly("wbur.org");
        assertThat(independence(all)).containsEntry("independent", false);
        DocumentContext ind = json("/api/providers/wpxi.com?independent=true");
        assertThat(ind.<Integer>read("$.stories")).isEqualTo(1);
        assertThat(ind.<Integer>read("$.firstReports")).isEqualTo(1);
        assertThat(ind.<Double>read("$.medianLagMinutes")).isEqualTo(0.0);
        assertThat(ind.<List<String>>read("$.precedes[*].domain")).containsExactly("thehill.com");
        assertThat(ind.<List<Object>>read("$.follows")).isEmpty();
        assertThat(independence(ind)).containsEntry("copies", 0).containsEntry("wire", 0);
        // wbur.org is the wire service: both its articles are left out, the Boston one as a copy
        DocumentContext wire = json("/api/providers/wbur.org?independent=true");
        assertThat(wire.<Integer>read("$.articles")).isZero();
        assertThat(wire.<Integer>read("$.stories")).isZero();
        assertThat(wire.<List<Object>>read("$.precedes")).isEmpty();
        assertThat(independence(wire)).containsEntry("copies", 1).containsEntry("wire", 1);
        // fastcompany.com preceded cnn.com, whose article is a copy: independent, it precedes nobody
        assertThat(json("/api/providers/fastcompany.com").<List<String>>read("$.precedes[*].domain"))
                .containsExactly("cnn.com");
        DocumentContext fc = json("/api/providers/fastcompany.com?independent=true");
        assertThat(fc.<List<Object>>read("$.precedes")).isEmpty();
        assertThat(fc.<Integer>read("$.firstReports")).isEqualTo(1);
        assertThat(independence(json("/api/providers/cnn.com?independent=true"))).containsEntry("copies", 1)
                .containsEntry("wire", 0);
    }
}
