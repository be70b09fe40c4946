package org.storygraph.outlets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.storygraph.GraphFixtures;
import org.storygraph.StoryGraphTest;

/**
 * The outlet endpoints on the seed graph with the seed outlet file imported: the provider list's filters (what is
 * in and what is out), collections with their counts, the import endpoint and its API key, unknown outlets in
 * {@code /api/quality}.
 */
@StoryGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutletApiTest {

    /** The seven broadcasters of the seed outlet file, A to Z. */
    static final List<String> BROADCAST = List.of("bbc.com", "cnn.com", "marketplace.org", "npr.org", "wbur.org",
            "wpxi.com", "wxyz.com");
    static final List<String> US_NATIONAL = List.of("businessinsider.com", "buzzfeednews.com", "cnet.com", "cnn.com",
            "fastcompany.com", "fedscoop.com", "ibtimes.com", "marketplace.org", "mic.com", "npr.org",
            "techrepublic.com", "thehill.com", "washingtonpost.com");
    static final List<String> US_LOCAL = List.of("bizjournals.com", "geekwire.com", "wbur.org", "wpxi.com",
            "wxyz.com");
    static final List<String> INTERNATIONAL = List.of("afr.com", "bbc.com", "itweb.co.za", "livemint.com",
            "telegraph.co.uk", "theguardian.com", "timeslive.co.za");

    @Autowired
    MockMvcTester mvc;
    @Autowired
    GraphFixtures graph;
    @Autowired
    Neo4jClient client;

    @BeforeAll
    void seedsWithOutlets() throws Exception {
        graph.seeds();
        OutletImportTest.resetOutlets(client);
        // before any outlet file: all 25 seed providers (27 articles) are unknown, most articles first
        DocumentContext before = json(mvc.get().uri("/api/quality?limit=3").exchange());
        assertThat(before.<Integer>read("$.unknownOutlets")).isEqualTo(25);
        assertThat(before.<Integer>read("$.unknownOutletArticles")).isEqualTo(27);
        assertThat(before.<List<String>>read("$.unknown[*].domain"))
                .containsExactly("theguardian.com", "wbur.org", "afr.com");
        assertThat(before.<List<Integer>>read("$.unknown[*].articles")).containsExactly(2, 2, 1);

        MvcTestResult imported = mvc.post().uri("/api/providers/import").header("X-API-Key", StoryGraphTest.API_KEY)
                .contentType("text/csv").content(Files.readString(OutletImportTest.CSV)).exchange();
        assertThat(imported).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.rows", v -> v.assertThat().isEqualTo(25))
                .hasPathSatisfying("$.updated", v -> v.assertThat().isEqualTo(25))
                .hasPathSatisfying("$.format", v -> v.assertThat().isEqualTo("csv"))
                .hasPathSatisfying("$.rejected.length()", v -> v.assertThat().isEqualTo(0));
    }

    private static DocumentContext json(MvcTestResult result) throws Exception {
        assertThat(result).hasStatusOk();
        return JsonPath.parse(result.getResponse().getContentAsString());
    }

    private List<String> domains(String uri, Object... vars) throws Exception {
        return json(mvc.get().uri(uri, vars).exchange()).read("$.items[*].domain");
    }

    @Test
    void listsProvidersWithTheirMetadataAndCollections() throws Exception {
        DocumentContext wbur = json(mvc.get().uri("/api/providers?q=wbur").exchange());
        assertThat(wbur.<Integer>read("$.total")).isEqualTo(1);
        assertThat(wbur.<String>read("$.items[0].name")).isEqualTo("WBUR");
        assertThat(wbur.<Integer>read("$.items[0].articles")).isEqualTo(2);
        assertThat(wbur.<String>read("$.items[0].country")).isEqualTo("US");
        assertThat(wbur.<String>read("$.items[0].language")).isEqualTo("en");
        assertThat(wbur.<String>read("$.items[0].mediaType")).isEqualTo("broadcast");
        assertThat(wbur.<String>read("$.items[0].owner")).isEqualTo("Boston University");
        assertThat(wbur.<List<String>>read("$.items[0].collections")).containsExactly("US local and regional");
        // the existing parameters still work: default order most articles first, sort, paging
        DocumentContext all = json(mvc.get().uri("/api/providers?size=100").exchange());
        assertThat(all.<Integer>read("$.total")).isEqualTo(25);
        assertThat(all.<List<String>>read("$.items[0:2].domain")).containsExactly("theguardian.com", "wbur.org");
    }

    @Test
    void filtersProvidersByMediaTypeCollectionAndCountry() throws Exception {
        assertThat(domains("/api/providers?mediaType=broadcast&sort=domain&size=100")).isEqualTo(BROADCAST);
        assertThat(domains("/api/providers?mediaType=Broadcast&sort=domain&size=100")).isEqualTo(BROADCAST);
        assertThat(domains("/api/providers?collection={c}&sort=domain&size=100", "US national")).isEqualTo(US_NATIONAL);
        assertThat(domains("/api/providers?collection={c}&sort=domain&size=100", "US local and regional"))
                .isEqualTo(US_LOCAL);
        assertThat(domains("/api/providers?collection=International&sort=domain&size=100")).isEqualTo(INTERNATIONAL);
        // what is out: every outlet not listed under a collection is in one of the two others
        List<String> all = domains("/api/providers?sort=domain&size=100");
        assertThat(all).hasSize(25);
        for (String d : all) {
            long in = (US_NATIONAL.contains(d) ? 1 : 0) + (US_LOCAL.contains(d) ? 1 : 0)
                    + (INTERNATIONAL.contains(d) ? 1 : 0);
            assertThat(in).as(d).isEqualTo(1);
        }
        // filters combine
        assertThat(domains("/api/providers?collection={c}&mediaType=broadcast&sort=domain", "US local and regional"))
                .containsExactly("wbur.org", "wpxi.com", "wxyz.com");
        assertThat(domains("/api/providers?country=gb&sort=domain"))
                .containsExactly("bbc.com", "telegraph.co.uk", "theguardian.com");
        assertThat(domains("/api/providers?country=ZA&sort=domain")).containsExactly("itweb.co.za", "timeslive.co.za");
        assertThat(domains("/api/providers?mediaType={t}&sort=domain", "Digital Native")).containsExactly(
                "businessinsider.com", "buzzfeednews.com", "cnet.com", "fedscoop.com", "geekwire.com", "ibtimes.com",
                "itweb.co.za", "mic.com", "techrepublic.com");
        assertThat(domains("/api/providers?mediaType=wire")).isEmpty();
        assertThat(domains("/api/providers?collection={c}", "UK tabloids")).isEmpty();
        // paging within a filter
        DocumentContext page = json(mvc.get().uri("/api/providers?mediaType=broadcast&sort=domain&size=2&page=1")
                .exchange());
        assertThat(page.<Integer>read("$.total")).isEqualTo(7);
        assertThat(page.<Integer>read("$.totalPages")).isEqualTo(4);
        assertThat(page.<List<String>>read("$.items[*].domain")).containsExactly("marketplace.org", "npr.org");
        assertThat(mvc.get().uri("/api/providers?country=USA")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .hasPathSatisfying("$.detail", v -> v.assertThat().asString().contains("ISO 3166-1 alpha-2"));
    }

    @Test
    void listsCollectionsWithOutletAndArticleCounts() throws Exception {
        // articles: US national 13 outlets x 1; local: wbur.org 2 + 4 x 1 = 6; International: theguardian.com 2
        // + 6 x 1 = 8 (fastcompany.com's two URLs are one article)
        DocumentContext collections = json(mvc.get().uri("/api/collections").exchange());
        assertThat(collections.<Integer>read("$.total")).isEqualTo(3);
        assertThat(collections.<List<String>>read("$.items[*].name"))
                .containsExactly("International", "US local and regional", "US national");
        assertThat(collections.<List<Integer>>read("$.items[*].outlets")).containsExactly(7, 5, 13);
        assertThat(collections.<List<Integer>>read("$.items[*].articles")).containsExactly(8, 6, 13);

        DocumentContext local = json(mvc.get().uri("/api/collections/{name}", "US local and regional").exchange());
        assertThat(local.<Integer>read("$.outlets")).isEqualTo(5);
        assertThat(local.<Integer>read("$.articles")).isEqualTo(6);
        assertThat(local.<List<String>>read("$.providers[*].domain"))
                .containsExactly("wbur.org", "bizjournals.com", "geekwire.com", "wpxi.com", "wxyz.com");
        assertThat(local.<String>read("$.providers[3].mediaType")).isEqualTo("broadcast");
        assertThat(mvc.get().uri("/api/collections/{name}", "UK tabloids")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void importNeedsTheApiKeyAndTakesYamlAndMultipart() throws Exception {
        String yaml = Files.readString(Path.of("outlets/seed-outlets.yaml"));
        assertThat(mvc.post().uri("/api/providers/import").contentType("application/yaml").content(yaml))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(graph.count("MATCH (c:Collection) RETURN count(c)")).isEqualTo(3);
        // the same outlets again: nothing changes
        assertThat(mvc.post().uri("/api/providers/import").header("X-API-Key", StoryGraphTest.API_KEY)
                .contentType("application/yaml").content(yaml)).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.format", v -> v.assertThat().isEqualTo("yaml"))
                .hasPathSatisfying("$.unchanged", v -> v.assertThat().isEqualTo(25))
                .hasPathSatisfying("$.updated", v -> v.assertThat().isEqualTo(0));
        assertThat(mvc.post().uri("/api/providers/import").header("X-API-Key", StoryGraphTest.API_KEY).multipart()
                .file(new MockMultipartFile("file", "seed-outlets.csv", "text/csv",
                        Files.readAllBytes(OutletImportTest.CSV)))).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.format", v -> v.assertThat().isEqualTo("csv"))
                .hasPathSatisfying("$.file", v -> v.assertThat().isEqualTo("seed-outlets.csv"))
                .hasPathSatisfying("$.unchanged", v -> v.assertThat().isEqualTo(25));
        // a file that is no outlet file is a bad request naming the file
        assertThat(mvc.post().uri("/api/providers/import").header("X-API-Key", StoryGraphTest.API_KEY)
                .contentType("text/csv").content("url,title\nhttps://a.example/,A\n"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .hasPathSatisfying("$.detail", v -> v.assertThat().asString().contains("no 'domain' column"));
    }

    @Test
    void qualityListsOutletsNoFileDescribed() throws Exception {
        // after the seed outlet file every provider with articles is described
        DocumentContext after = json(mvc.get().uri("/api/quality").exchange());
        assertThat(after.<Integer>read("$.unknownOutlets")).isZero();
        assertThat(after.<Integer>read("$.unknownOutletArticles")).isZero();
        assertThat(after.<List<?>>read("$.unknown")).isEmpty();
        // an outlet with a media type but no collection, or a collection but no media type, is known; one with
        // neither is not
        client.query("MATCH (p:Provider {domain: 'wbur.org'})-[r:IN_COLLECTION]->() DELETE r").run();
        client.query("MATCH (p:Provider {domain: 'npr.org'}) REMOVE p.mediaType").run();
        client.query("MATCH (p:Provider {domain: 'theguardian.com'})-[r:IN_COLLECTION]->() DELETE r "
                + "REMOVE p.mediaType").run();
        try {
            DocumentContext one = json(mvc.get().uri("/api/quality").exchange());
            assertThat(one.<Integer>read("$.unknownOutlets")).isEqualTo(1);
            assertThat(one.<Integer>read("$.unknownOutletArticles")).isEqualTo(2);
            assertThat(one.<List<String>>read("$.unknown[*].domain")).containsExactly("theguardian.com");
        } finally {
            assertThat(mvc.post().uri("/api/providers/import").header("X-API-Key", StoryGraphTest.API_KEY)
                    .contentType("text/csv").content(Files.readString(OutletImportTest.CSV))).hasStatusOk()
                    .bodyJson().hasPathSatisfying("$.updated", v -> v.assertThat().isEqualTo(3));
        }
    }
}
