package org.storygraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.storygraph.GraphFixtures;
import org.storygraph.StoryGraphTest;

/**
 * Every list endpoint answers {@code {items, page, size, total, totalPages}} with RFC 8288 {@code Link} headers, and
 * sorts by {@code sort=field,asc|desc} from its allow-list; checked on the seed graph.
 */
@StoryGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListShapeTest {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>; rel=\"(\\w+)\"");

    @Autowired
    MockMvcTester mvc;
    @Autowired
    GraphFixtures graph;

    @BeforeAll
    void seeds() {
        graph.seeds();
    }

    private MockHttpServletResponse get(String uri, Object... vars) {
        return mvc.get().uri(uri, vars).exchange().getResponse();
    }

    private DocumentContext json(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return JsonPath.parse(response.getContentAsString());
    }

    /** The Link header as rel → target. */
    private static Map<String, String> links(MockHttpServletResponse response) {
        Map<String, String> links = new LinkedHashMap<>();
        String header = response.getHeader("Link");
        assertThat(header).as("Link header").isNotNull();
        Matcher m = LINK.matcher(header);
        while (m.find()) {
            links.put(m.group(2), m.group(1));
        }
        return links;
    }

    private static MultiValueMap<String, String> query(String target) {
        return UriComponentsBuilder.fromUriString(target).build().getQueryParams();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/stories", "/api/articles", "/api/providers", "/api/topics", "/api/feeds",
            "/api/queries", "/api/coverage/overlap", "/api/coverage/leadlag"})
    void everyListHasTheOneShapeAndLinks(String path) throws Exception {
        MockHttpServletResponse response = get(path + "?size=2");
        DocumentContext json = json(response);
        Map<String, Object> body = json.read("$");
        assertThat(body).containsOnlyKeys("items", "page", "size", "total", "totalPages");
        assertThat(json.<Integer>read("$.page")).isZero();
        assertThat(json.<Integer>read("$.size")).isEqualTo(2);
        int total = json.<Integer>read("$.total");
        assertThat(json.<List<Object>>read("$.items")).hasSize(Math.min(2, total));
        assertThat(json.<Integer>read("$.totalPages")).isEqualTo((total + 1) / 2);
        Map<String, String> links = links(response);
        assertThat(links).containsKeys("first", "last").doesNotContainKey("prev");
        assertThat(links.get("first")).startsWith(path + "?");
        assertThat(query(links.get("first")).toSingleValueMap()).containsEntry("page", "0").containsEntry("size", "2");
        if (total > 2) {
            assertThat(query(links.get("next")).getFirst("page")).isEqualTo("1");
        } else {
            assertThat(links).doesNotContainKey("next");
        }
    }

    @Test
    void linksWalkAMultiPageListKeepingTheOtherParameters() throws Exception {
        // 25 seed providers in pages of 10: pages 0, 1, 2 (5 on the last)
        MockHttpServletResponse middle = get("/api/providers?sort=domain,asc&size=10&page=1&q=");
        assertThat(json(middle).<Integer>read("$.totalPages")).isEqualTo(3);
        Map<String, String> links = links(middle);
        assertThat(links).containsOnlyKeys("first", "prev", "next", "last");
        assertThat(links.values()).allSatisfy(target -> {
            assertThat(target).startsWith("/api/providers?");
            assertThat(query(target).get("sort")).containsExactly("domain,asc");
            assertThat(query(target).get("q")).containsExactly("");
            assertThat(query(target).get("size")).containsExactly("10");
        });
        assertThat(query(links.get("first")).getFirst("page")).isEqualTo("0");
        assertThat(query(links.get("prev")).getFirst("page")).isEqualTo("0");
        assertThat(query(links.get("next")).getFirst("page")).isEqualTo("2");
        assertThat(query(links.get("last")).getFirst("page")).isEqualTo("2");

        // following next reaches the last page: 5 providers, prev but no next
        MockHttpServletResponse last = get(links.get("next"));
        DocumentContext lastPage = json(last);
        assertThat(lastPage.<List<String>>read("$.items[*].domain")).hasSize(5).isSorted();
        assertThat(links(last)).containsOnlyKeys("first", "prev", "last");
        assertThat(query(links(last).get("prev")).getFirst("page")).isEqualTo("1");

        // the three pages in domain order are all 25 providers, sorted
        List<String> all = new java.util.ArrayList<>();
        for (int page = 0; page < 3; page++) {
            all.addAll(json(get("/api/providers?sort=domain,asc&size=10&page=" + page))
                    .<List<String>>read("$.items[*].domain"));
        }
        assertThat(all).hasSize(25).doesNotHaveDuplicates().isSorted();

        // an encoded value stays encoded in the links
        Map<String, String> words = links(get("/api/articles?q={q}&size=1", "facial recognition"));
        assertThat(words.get("first")).contains("q=facial%20recognition");
    }

    @Test
    void sortsAscendingAndDescending() throws Exception {
        // stories by size: 3, 2 ×5, 1 ×14
        List<Integer> desc = json(get("/api/stories?sort=size,desc&size=100")).read("$.items[*].size");
        List<Integer> asc = json(get("/api/stories?sort=size,asc&size=100")).read("$.items[*].size");
        assertThat(desc).hasSize(20).isSortedAccordingTo(Comparator.reverseOrder()).startsWith(3, 2);
        assertThat(asc).hasSize(20).isSorted().endsWith(2, 3);
        // the old bare value is the field's default direction
        assertThat(json(get("/api/stories?sort=size&size=100")).<List<Integer>>read("$.items[*].size"))
                .isEqualTo(desc);
        // recency both ways
        List<String> newest = json(get("/api/stories?sort=recency&size=100")).read("$.items[*].lastPublishedAt");
        assertThat(newest).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(json(get("/api/stories?sort=recency,asc&size=100")).<List<String>>read(
                "$.items[*].lastPublishedAt")).isSorted().first().isEqualTo(newest.getLast());
        // two keys, repeated parameters: providers ascending, then size descending within equal provider counts
        DocumentContext twoKeys = json(get("/api/stories?sort=providers,asc&sort=size,desc&size=100"));
        List<Integer> providers = twoKeys.read("$.items[*].providerCount");
        List<Integer> sizes = twoKeys.read("$.items[*].size");
        assertThat(providers).isSorted();
        for (int i = 1; i < providers.size(); i++) {
            if (providers.get(i).equals(providers.get(i - 1))) {
                assertThat(sizes.get(i)).isLessThanOrEqualTo(sizes.get(i - 1));
            }
        }
        // articles: newest first by default, oldest first on request, titles A to Z
        List<String> published = json(get("/api/articles?size=200")).read("$.items[*].publishedAt");
        assertThat(published).isSortedAccordingTo(Comparator.nullsLast(Comparator.reverseOrder()));
        assertThat(json(get("/api/articles?sort=published,asc&size=200")).<List<String>>read(
                "$.items[*].publishedAt")).isSortedAccordingTo(Comparator.nullsLast(Comparator.naturalOrder()));
        assertThat(json(get("/api/articles?sort=title&size=200")).<List<String>>read("$.items[*].title"))
                .isSortedAccordingTo(Comparator.nullsLast(Comparator.naturalOrder()));
        // providers and topics
        assertThat(json(get("/api/providers?sort=domain,desc&size=100")).<List<String>>read("$.items[*].domain"))
                .hasSize(25).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(json(get("/api/providers?size=100")).<List<Integer>>read("$.items[*].articles"))
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(json(get("/api/topics?sort=articles,asc")).<List<Integer>>read("$.items[*].articles"))
                .hasSize(4).isSorted();
        assertThat(json(get("/api/topics?sort=name,desc")).<List<String>>read("$.items[*].name"))
                .isSortedAccordingTo(Comparator.reverseOrder());
        // lead/lag edges by median lag, overlap by Jaccard
        assertThat(json(get("/api/coverage/leadlag?sort=lag")).<List<Double>>read("$.items[*].medianLagMinutes"))
                .hasSize(8).isSorted();
        assertThat(json(get("/api/coverage/leadlag?sort=lag,desc")).<List<Double>>read(
                "$.items[*].medianLagMinutes")).hasSize(8).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(json(get("/api/coverage/overlap?sort=jaccard,asc")).<List<Double>>read("$.items[*].jaccard"))
                .hasSize(8).isSorted().startsWith(0.5, 0.5, 0.5).endsWith(1.0);
    }

    @Test
    void anUnknownSortFieldIsAProblemListingTheAllowedOnes() throws Exception {
        for (String uri : List.of("/api/stories?sort=alphabetical", "/api/stories?sort=size,up",
                "/api/providers?sort=secret", "/api/coverage/overlap?sort=leads,desc", "/api/topics?sort=,asc")) {
            MockHttpServletResponse response = get(uri);
            assertThat(response.getStatus()).as(uri).isEqualTo(HttpStatus.BAD_REQUEST.value());
            assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            DocumentContext problem = JsonPath.parse(response.getContentAsString());
            assertThat(problem.<String>read("$.parameter")).as(uri).isEqualTo("sort");
        }
        assertThat(JsonPath.parse(get("/api/stories?sort=alphabetical").getContentAsString()).<String>read("$.detail"))
                .contains("'alphabetical'", "size (desc)", "providers (desc)", "recency (desc)");
        assertThat(JsonPath.parse(get("/api/coverage/leadlag?sort=jaccard").getContentAsString())
                .<String>read("$.detail")).contains("leads (desc)", "shared (desc)", "lag (asc)");
    }

    @Test
    void theOpenApiDocumentShowsPagesAndSortFields() throws Exception {
        DocumentContext api = JsonPath.parse(get("/v3/api-docs").getContentAsString());
        List<List<String>> allowed = api.read("$.paths['/api/stories'].get.parameters[?(@.name == 'sort')]"
                + ".schema.items.enum");
        assertThat(allowed).singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .contains("size", "size,asc", "recency,desc");
        List<String> overlap = api.read("$.paths['/api/coverage/overlap'].get.responses['200'].content.*.schema.$ref");
        assertThat(overlap).singleElement().asString().contains("PageProviderOverlap");
        assertThat(api.<Map<String, Object>>read("$.components.schemas.PageProviderOverlap.properties"))
                .containsKeys("items", "page", "size", "total", "totalPages");
    }
}
