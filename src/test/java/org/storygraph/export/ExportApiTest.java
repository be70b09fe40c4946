package org.storygraph.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.storygraph.GraphFixtures;
import org.storygraph.StoryGraphTest;
import org.storygraph.coverage.CoverageService;
import org.storygraph.coverage.CoverageViews.LeadLagEdge;
import org.storygraph.coverage.CoverageViews.ProviderCoverage;
import org.storygraph.coverage.CoverageViews.StoryCoverage;
import org.storygraph.ingest.IngestService;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exports read back as researchers' tools read them (JGraphT's GraphML and GEXF importers with schema
 * validation, an RFC 4180 parser, a JSON parser) and compared with the graph itself and the coverage view.
 */
@StoryGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportApiTest {

    /** The mic.com seed item, now a story of its own; ExportCommandTest finds its story by this url. */
    static final String MIC =
            "https://mic.com/p/amazon-is-banning-cops-from-using-its-facial-recognition-tech-for-one-year-22976063";
    /**
     * The seed item of the IBM story: marketplace.org 2020-06-11 14:51 and its related washingtonpost.com article
     * 21:07 (lag 376 min). Of the seeds' stories with more than one article, only this one and the 06-13 bans story
     * (cnn.com with its related fastcompany.com) hold a RELATED_TO link between two of their own articles, and
     * topics (only the seed items carry them), so that their exports have every kind of node and edge.
     */
    static final String MARKETPLACE =
            "https://marketplace.org/2020/06/11/facial-recognition-technology-police-departments";
    /** Markup, an ampersand, both quote kinds and commas: what CSV and XML must carry unchanged. */
    static final String HOSTILE_TITLE = "<script>alert(\"x\")</script> & 'quoted', commas, \"too\"";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    GraphFixtures graph;
    @Autowired
    Neo4jClient client;
    @Autowired
    IngestService ingest;
    @Autowired
    CoverageService coverage;
    @Autowired
    JsonMapper json;

    private String ibm;
    private String acme;

    @BeforeAll
    void seeds(@TempDir Path extra) throws Exception {
        graph.seeds();
        // three copies of one item: two plausible times 2 h 30 min apart and one implausible (1970)
        item(extra, "a", "a.example", "2021-03-01T10:00:00Z");
        item(extra, "b", "b.example", "2021-03-01T12:30:00Z");
        item(extra, "c", "c.example", "1970-01-01T00:00:00Z");
        ingest.load(List.of(extra));
        ibm = storyOf(MARKETPLACE);
        acme = storyOf("https://a.example/news/acme-widget-recall");
    }

    static void item(Path extra, String name, String domain, String time) throws Exception {
        Files.writeString(extra.resolve(name + ".txt"), """
                ---
                title: '%s'
                excerpt: "Acme Corp. is recalling 40,000 Widget Pro space heaters sold since March after fires."
                publishedDateTime: %s
                webUrl: "https://%s/news/acme-widget-recall"
                provider:
                  name: "%s News"
                  domain: %s
                topics:
                  - Product Safety
                ---
                """.formatted(HOSTILE_TITLE.replace("'", "''"), time, domain, domain, domain));
    }

    private String storyOf(String url) {
        return client.query("MATCH (:Article {url: $u})-[:IN_STORY]->(s:Story) RETURN s.id").bind(url).to("u")
                .fetchAs(String.class).one().orElseThrow();
    }

    private long count(String cypher, Map<String, Object> parameters) {
        return client.query(cypher).bindAll(parameters).fetchAs(Long.class).one().orElseThrow();
    }

    private MvcTestResult get(String uri, Object... variables) {
        MvcTestResult result = mvc.get().uri(uri, variables).exchange();
        assertThat(result).hasStatusOk();
        return result;
    }

    private static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The story's members as the graph holds them: id → title, provider domain, provider name. */
    private Map<String, Map<String, Object>> members(String story) {
        Map<String, Map<String, Object>> members = new TreeMap<>();
        client.query("""
                MATCH (a:Article)-[:IN_STORY]->(:Story {id: $id})
                OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(p:Provider)
                OPTIONAL MATCH (a)-[:DUPLICATE_OF]->(d:Article)
                RETURN a.id AS id, a.title AS title, a.url AS url, p.domain AS domain, p.name AS name,
                       d.id AS duplicateOf
                """).bind(story).to("id").fetch().all().forEach(r -> members.put((String) r.get("id"), r));
        return members;
    }

    @Test
    void storyCsvHasOneRowPerArticleWithTheLagsOfTheCoverageView() {
        MvcTestResult result = get("/api/stories/{id}/export?format=csv", ibm);
        assertThat(result).hasContentTypeCompatibleWith("text/csv");
        assertThat(result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"story-" + ibm + ".csv\"");
        String text = body(result);
        assertThat(text).startsWith("articleId,url,title,publishedAt,providerDomain,providerName,storyId,lagMinutes,"
                + "duplicateOf\r\n");
        List<Map<String, String>> rows = Csv.records(text);
        Map<String, Map<String, Object>> members = members(ibm);
        assertThat(rows).extracting(r -> r.get("articleId")).containsExactlyInAnyOrderElementsOf(members.keySet());
        for (Map<String, String> row : rows) {
            Map<String, Object> m = members.get(row.get("articleId"));
            assertThat(row.get("title")).isEqualTo(m.get("title"));
            assertThat(row.get("url")).isEqualTo(m.get("url"));
            assertThat(row.get("providerDomain")).isEqualTo(m.get("domain"));
            assertThat(row.get("providerName")).isEqualTo(m.get("name"));
            assertThat(row.get("storyId")).isEqualTo(ibm);
            assertThat(row.get("duplicateOf")).isEqualTo(m.get("duplicateOf") == null ? "" : m.get("duplicateOf"));
        }
        // rows in time order, and times as ISO-8601 instants
        List<Instant> times = rows.stream().map(r -> Instant.parse(r.get("publishedAt"))).toList();
        assertThat(times).isSorted();
        assertLagsMatchCoverage(ibm, rows);
        // by hand: marketplace.org first at 06-11 14:51, washingtonpost.com at 21:07, 6 h 16 min = 376 min later
        assertThat(rows).extracting(r -> r.get("providerDomain"), r -> r.get("publishedAt"), r -> r.get("lagMinutes"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("marketplace.org", "2020-06-11T14:51:00Z", "0"),
                        org.assertj.core.groups.Tuple.tuple("washingtonpost.com", "2020-06-11T21:07:00Z", "376"));
        // the seeds' titles hold commas, quotes and apostrophes ("IBM’s decision to abandon facial recognition
        // technology fueled by years of debate"): at least one field came back unchanged from quoting
        assertThat(rows).anySatisfy(r -> assertThat(r.get("title")).containsAnyOf(",", "\"", "'", "’"));
    }

    /** Per provider, the smallest lag of its rows is the provider's lag in {@link CoverageService#story}. */
    private void assertLagsMatchCoverage(String story, List<Map<String, String>> rows) {
        StoryCoverage expected = coverage.story(story).orElseThrow();
        Map<String, Long> byProvider = new HashMap<>();
        for (Map<String, String> row : rows) {
            if (!row.get("lagMinutes").isEmpty()) {
                byProvider.merge(row.get("providerDomain"), Long.parseLong(row.get("lagMinutes")), Math::min);
            }
        }
        Map<String, Long> coverageLags = new HashMap<>();
        for (ProviderCoverage p : expected.providers()) {
            if (p.lagMinutes() != null) {
                coverageLags.put(p.domain(), p.lagMinutes());
            }
        }
        assertThat(byProvider).isEqualTo(coverageLags);
        assertThat(rows.stream().filter(r -> r.get("lagMinutes").isEmpty()).count())
                .isEqualTo(expected.implausibleArticles());
    }

    @Test
    void implausibleTimesHaveNoLagAndHostileTitlesSurviveCsv() {
        List<Map<String, String>> rows = Csv.records(body(get("/api/stories/{id}/export", acme)));
        assertThat(rows).hasSize(3).allSatisfy(r -> assertThat(r.get("title")).isEqualTo(HOSTILE_TITLE));
        Map<String, String> lags = rows.stream().collect(Collectors.toMap(r -> r.get("providerDomain"),
                r -> r.get("lagMinutes")));
        // b is 2 h 30 min after a; c's 1970 time is implausible: no lag
        assertThat(lags).containsExactlyInAnyOrderEntriesOf(Map.of("a.example", "0", "b.example", "150",
                "c.example", ""));
        assertThat(rows).filteredOn(r -> r.get("providerDomain").equals("c.example")).singleElement()
                .satisfies(r -> assertThat(r.get("publishedAt")).isEqualTo("1970-01-01T00:00:00Z"));
        assertLagsMatchCoverage(acme, rows);
    }

    @Test
    void storyGraphmlReadsBackWithEveryNodeAndEdgeOfTheStory() {
        MvcTestResult result = get("/api/stories/{id}/export?format=graphml", ibm);
        assertThat(result).hasContentTypeCompatibleWith("application/graphml+xml");
        assertThat(result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).endsWith(".graphml\"");
        Imported g = Imported.graphml(body(result));
        assertStoryGraph(ibm, g);
        assertIbmStoryCounts(g);
    }

    @Test
    void storyGexfReadsBackWithEveryNodeAndEdgeOfTheStory() {
        MvcTestResult result = get("/api/stories/{id}/export?format=GEXF", ibm);
        assertThat(result).hasContentTypeCompatibleWith("application/gexf+xml");
        String xml = body(result);
        assertThat(xml).contains("<gexf xmlns=\"http://www.gexf.net/1.2draft\"").contains("version=\"1.2\"");
        Imported g = Imported.gexf(xml);
        assertStoryGraph(ibm, g);
        assertIbmStoryCounts(g);
    }

    /**
     * The IBM story by hand: 2 articles of 2 providers; the marketplace.org seed item's topics Natural Language
     * Processing and AI (related items carry none); its RELATED_TO link to washingtonpost.com (its link to the
     * businessinsider.com article leaves the story and is not exported).
     */
    private static void assertIbmStoryCounts(Imported g) {
        assertThat(g.nodeCounts()).containsExactlyInAnyOrderEntriesOf(Map.of("article", 2L, "provider", 2L,
                "topic", 2L, "story", 1L));
        assertThat(g.edgeCounts()).containsExactlyInAnyOrderEntriesOf(Map.of("PUBLISHED_BY", 2L, "IN_STORY", 2L,
                "TAGGED", 2L, "RELATED_TO", 1L));
        assertThat(g.nodes("provider")).containsOnlyKeys("provider:marketplace.org", "provider:washingtonpost.com");
    }

    private void assertStoryGraph(String story, Imported g) {
        Map<String, Object> id = Map.of("id", story);
        Map<String, Map<String, Object>> members = members(story);
        long providers = count("""
                MATCH (:Story {id: $id})<-[:IN_STORY]-(:Article)-[:PUBLISHED_BY]->(p:Provider)
                RETURN count(DISTINCT p)""", id);
        long topics = count("""
                MATCH (:Story {id: $id})<-[:IN_STORY]-(:Article)-[:TAGGED]->(t:Topic) RETURN count(DISTINCT t)""", id);
        long tagged = count("""
                MATCH (:Story {id: $id})<-[:IN_STORY]-(:Article)-[r:TAGGED]->(:Topic) RETURN count(r)""", id);
        long related = count("""
                MATCH (s:Story {id: $id})<-[:IN_STORY]-(:Article)-[r:RELATED_TO]->(:Article)-[:IN_STORY]->(s)
                RETURN count(r)""", id);
        long published = members.values().stream().filter(m -> m.get("domain") != null).count();
        assertThat(related).isPositive();
        assertThat(g.nodeCounts()).containsExactlyInAnyOrderEntriesOf(Map.of("article", (long) members.size(),
                "provider", providers, "topic", topics, "story", 1L));
        assertThat(g.edgeCounts()).containsExactlyInAnyOrderEntriesOf(Map.of("PUBLISHED_BY", published,
                "IN_STORY", (long) members.size(), "TAGGED", tagged, "RELATED_TO", related));
        assertThat(g.graph().vertexSet()).hasSize(g.nodes().size());
        // edges point the documented way and carry a label
        assertThat(g.edges()).allSatisfy(e -> {
            assertThat(e.source()).startsWith("article:");
            assertThat(e.attributes().get("label")).isEqualTo(e.type());
        });
        assertThat(g.edges("IN_STORY")).allSatisfy(e -> {
            assertThat(e.target()).isEqualTo("story:" + story);
            assertThat(Double.parseDouble(e.attributes().get("score"))).isBetween(-1.0, 1.0);
        });
        assertThat(g.edges("RELATED_TO")).allSatisfy(e -> assertThat(e.attributes()).containsKey("rank"));

        // articles: titles, urls, providers; lags as in the CSV
        Map<String, Map<String, String>> articles = g.nodes("article");
        Map<String, String> csvLags = Csv.records(body(get("/api/stories/{id}/export?format=csv", story))).stream()
                .collect(Collectors.toMap(r -> "article:" + r.get("articleId"), r -> r.get("lagMinutes")));
        members.forEach((articleId, m) -> {
            Map<String, String> a = articles.get("article:" + articleId);
            assertThat(a).as(articleId).isNotNull();
            assertThat(a.get("title")).isEqualTo(m.get("title"));
            assertThat(a.get("label")).isEqualTo(m.get("title"));
            assertThat(a.get("url")).isEqualTo(m.get("url"));
            assertThat(a.get("provider")).isEqualTo(m.get("domain"));
            assertThat(a.getOrDefault("lagMinutes", "")).isEqualTo(csvLags.get("article:" + articleId));
        });
        // providers: names as the graph holds them
        Map<String, String> names = new HashMap<>();
        client.query("""
                MATCH (:Story {id: $id})<-[:IN_STORY]-(:Article)-[:PUBLISHED_BY]->(p:Provider)
                RETURN DISTINCT p.domain AS domain, p.name AS name""").bind(story).to("id").fetch().all()
                .forEach(r -> names.put("provider:" + r.get("domain"), (String) r.get("name")));
        assertThat(g.nodes("provider")).hasSize(names.size()).allSatisfy((nodeId, p) -> {
            assertThat(p.get("name")).isEqualTo(names.get(nodeId));
            assertThat("provider:" + p.get("domain")).isEqualTo(nodeId);
        });
        // the story: label, size, span
        Map<String, Object> s = client.query("""
                MATCH (s:Story {id: $id}) RETURN s.label AS label, s.size AS size, s.providerCount AS providerCount,
                       s.firstPublishedAt AS first""").bind(story).to("id").fetch().one().orElseThrow();
        assertThat(g.nodes("story").get("story:" + story)).containsEntry("label", (String) s.get("label"))
                .containsEntry("size", String.valueOf(s.get("size")))
                .containsEntry("providerCount", String.valueOf(s.get("providerCount")))
                .containsEntry("firstPublishedAt", Instant.from((java.time.temporal.TemporalAccessor) s.get("first"))
                        .toString());
    }

    @Test
    void hostileTitlesSurviveTheXmlRoundTrip() {
        for (String format : List.of("graphml", "gexf")) {
            String xml = body(get("/api/stories/{id}/export?format=" + format, acme));
            assertThat(xml).doesNotContain("<script>").contains("&lt;script");
            Imported g = format.equals("gexf") ? Imported.gexf(xml) : Imported.graphml(xml);
            assertThat(g.nodes("article")).hasSize(3).allSatisfy((id, a) -> {
                assertThat(a.get("title")).as(format).isEqualTo(HOSTILE_TITLE);
                assertThat(a.get("label")).as(format).isEqualTo(HOSTILE_TITLE);
            });
            assertThat(g.nodes("article").values()).extracting(a -> a.get("lagMinutes"))
                    .containsExactlyInAnyOrder("0", "150", null);
            assertThat(g.nodes("topic")).containsOnlyKeys("topic:Product_20_Safety");
            assertThat(g.nodes("topic").get("topic:Product_20_Safety")).containsEntry("name", "Product Safety");
        }
    }

    @Test
    void spanExportsHoldTheArticlesOfTheSpanAndOnlyLinksBetweenThem() {
        Map<String, Object> span = Map.of("from", OffsetDateTime.parse("2020-06-10T00:00:00Z"),
                "to", OffsetDateTime.parse("2020-06-15T00:00:00Z"));
        long articles = count("""
                MATCH (a:Article) WHERE a.publishedAt >= $from AND a.publishedAt < $to RETURN count(a)""", span);
        long stories = count("""
                MATCH (a:Article)-[:IN_STORY]->(s:Story) WHERE a.publishedAt >= $from AND a.publishedAt < $to
                RETURN count(DISTINCT s)""", span);
        long related = count("""
                MATCH (a:Article)-[r:RELATED_TO]->(b:Article)
                WHERE a.publishedAt >= $from AND a.publishedAt < $to AND b.publishedAt >= $from AND b.publishedAt < $to
                RETURN count(r)""", span);
        long relatedOut = count("""
                MATCH (a:Article)-[r:RELATED_TO]-(b:Article)
                WHERE a.publishedAt >= $from AND a.publishedAt < $to
                  AND NOT (b.publishedAt >= $from AND b.publishedAt < $to)
                RETURN count(r)""", span);
        assertThat(articles).isPositive();
        assertThat(related).isPositive();
        assertThat(relatedOut).as("the span cuts some links, which must be left out").isPositive();

        MvcTestResult graphml = get("/api/export?from=2020-06-10&to=2020-06-15&format=graphml");
        assertThat(graphml.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"articles-2020-06-10-2020-06-15.graphml\"");
        MvcTestResult gexf = get("/api/export?from=2020-06-10&to=2020-06-15&format=gexf");
        for (Imported g : List.of(Imported.graphml(body(graphml)), Imported.gexf(body(gexf)))) {
            assertThat(g.nodeCounts()).containsEntry("article", articles).containsEntry("story", stories);
            assertThat(g.edgeCounts()).containsEntry("RELATED_TO", related)
                    .containsEntry("PUBLISHED_BY", articles);
            assertThat(g.nodes("article").values()).allSatisfy(a -> assertThat(Instant.parse(a.get("publishedAt")))
                    .isBetween(Instant.parse("2020-06-10T00:00:00Z"), Instant.parse("2020-06-14T23:59:59Z")));
        }

        List<Map<String, String>> rows = Csv.records(body(get("/api/export?from=2020-06-10&to=2020-06-15")));
        assertThat(rows).hasSize((int) articles);

        JsonNode doc = json.readTree(body(get("/api/export?from=2020-06-10&to=2020-06-15&format=json")));
        assertThat(doc.get("nodes").size()).isEqualTo(Imported.graphml(body(graphml)).nodes().size());
        Set<String> ids = doc.get("nodes").valueStream().map(n -> n.get("id").asString()).collect(Collectors.toSet());
        assertThat(ids).hasSize(doc.get("nodes").size());
        assertThat(doc.get("edges").valueStream()).allSatisfy(e -> assertThat(ids)
                .contains(e.get("source").asString(), e.get("target").asString()));
        assertThat(doc.get("edges").valueStream().filter(e -> e.get("type").asString().equals("RELATED_TO")).count())
                .isEqualTo(related);
    }

    @Test
    void jsonStoryExportIsAGraphDocument() {
        MvcTestResult result = get("/api/stories/{id}/export?format=json", acme);
        assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        JsonNode doc = json.readTree(body(result));
        assertThat(doc.get("nodes").valueStream().filter(n -> n.get("type").asString().equals("article")))
                .hasSize(3).allSatisfy(n -> {
                    assertThat(n.get("label").asString()).isEqualTo(HOSTILE_TITLE);
                    assertThat(n.get("data").get("title").asString()).isEqualTo(HOSTILE_TITLE);
                });
        assertThat(doc.get("nodes").valueStream().filter(n -> n.get("id").asString().equals("story:" + acme)))
                .singleElement().satisfies(n -> assertThat(n.get("data").get("size").asLong()).isEqualTo(3));
        assertThat(doc.get("edges").valueStream().map(e -> e.get("type").asString()).collect(Collectors.toSet()))
                .contains("PUBLISHED_BY", "IN_STORY", "TAGGED");
    }

    @Test
    void leadLagCsvIsGephisEdgeTableAndItsNodeTable() {
        List<LeadLagEdge> expected = coverage.leadLag(null, null, 1, 100_000).edges();
        List<List<String>> edges = Csv.parse(body(get("/api/coverage/leadlag/export")));
        assertThat(edges.getFirst()).containsExactly("Source", "Target", "Weight", "Type", "sourceName", "targetName",
                "leads", "shared", "medianLagMinutes");
        assertThat(edges.subList(1, edges.size())).hasSize(expected.size()).allSatisfy(r -> {
            assertThat(r.get(3)).isEqualTo("Directed");
            assertThat(r.get(2)).isEqualTo(r.get(6));
        });
        MvcTestResult nodes = get("/api/coverage/leadlag/export?table=nodes");
        assertThat(nodes.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"leadlag-nodes.csv\"");
        List<Map<String, String>> providers = Csv.records(body(nodes));
        assertThat(providers).extracting(r -> r.get("Id")).containsExactlyInAnyOrderElementsOf(expected.stream()
                .flatMap(e -> java.util.stream.Stream.of(e.source(), e.target())).collect(Collectors.toSet()));
        assertThat(providers).filteredOn(r -> r.get("Id").equals("wpxi.com")).singleElement()
                .satisfies(r -> assertThat(r.get("Label")).isEqualTo("WPXI"));
        assertThat(mvc.get().uri("/api/coverage/leadlag/export?table=rows")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.parameter").isEqualTo("table");
    }

    @Test
    void excelTrueOnEveryCsvExportAddsAByteOrderMarkAndNeutralisesCells() throws Exception {
        for (String uri : List.of("/api/stories/" + acme + "/export", "/api/stories/" + ibm + "/export",
                "/api/export?from=2020-06-10&to=2020-06-20", "/api/export?from=2021-03-01&to=2021-03-02",
                "/api/coverage/leadlag/export", "/api/coverage/leadlag/export?table=nodes")) {
            byte[] plain = get(uri).getResponse().getContentAsByteArray();
            byte[] excel = get(uri + (uri.contains("?") ? "&" : "?") + "excel=true").getResponse()
                    .getContentAsByteArray();
            assertThat(excel).as(uri).startsWith(0xEF, 0xBB, 0xBF);
            assertThat(plain[0]).as(uri).isNotEqualTo((byte) 0xEF);
            List<List<String>> plainRows = Csv.parse(new String(plain, StandardCharsets.UTF_8));
            List<List<String>> excelRows = Csv.parse(new String(excel, 3, excel.length - 3, StandardCharsets.UTF_8));
            assertThat(excelRows).as(uri).hasSameSizeAs(plainRows).hasSizeGreaterThan(1);
            for (int i = 0; i < plainRows.size(); i++) {
                assertThat(excelRows.get(i)).as(uri).isEqualTo(plainRows.get(i).stream()
                        .map(org.storygraph.common.Csv::neutralise).toList());
            }
        }
        // a title that is a formula, in a story of its own
        Path dir = Files.createTempDirectory("formula");
        Files.writeString(dir.resolve("formula.txt"), """
                ---
                title: '=HYPERLINK("http://evil.example","Read more")'
                webUrl: "https://formula.example/news/1"
                publishedDateTime: 2019-01-01T10:00:00Z
                ---
                """);
        ingest.load(List.of(dir));
        String story = storyOf("https://formula.example/news/1");
        String excel = body(get("/api/stories/" + story + "/export?excel=true"));
        assertThat(Csv.records(excel.substring(1))).singleElement().satisfies(r -> assertThat(r.get("title"))
                .isEqualTo("'=HYPERLINK(\"http://evil.example\",\"Read more\")"));
        assertThat(Csv.records(body(get("/api/stories/" + story + "/export")))).singleElement()
                .satisfies(r -> assertThat(r.get("title")).isEqualTo("=HYPERLINK(\"http://evil.example\",\"Read more\")"));
    }

    @Test
    void leadLagExportsCarryTheNetworkOfTheCoverageService() {
        List<LeadLagEdge> expected = coverage.leadLag(null, null, 1, 100_000).edges();
        assertThat(expected).isNotEmpty();
        MvcTestResult csv = get("/api/coverage/leadlag/export?format=csv");
        assertThat(csv.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"leadlag.csv\"");
        List<Map<String, String>> rows = Csv.records(body(csv));
        assertThat(rows).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            LeadLagEdge e = expected.get(i);
            assertThat(rows.get(i)).containsEntry("Source", e.source()).containsEntry("Target", e.target())
                    .containsEntry("leads", String.valueOf(e.leads()))
                    .containsEntry("shared", String.valueOf(e.shared()))
                    .containsEntry("medianLagMinutes", String.valueOf(e.medianLagMinutes()));
        }
        Set<String> providers = expected.stream().flatMap(e -> java.util.stream.Stream.of(e.source(), e.target()))
                .collect(Collectors.toSet());
        for (Imported g : List.of(Imported.gexf(body(get("/api/coverage/leadlag/export?format=gexf"))),
                Imported.graphml(body(get("/api/coverage/leadlag/export?format=graphml"))))) {
            assertThat(g.nodes("provider")).hasSize(providers.size());
            assertThat(g.edges("LEADS")).hasSize(expected.size());
            assertThat(g.edges()).hasSize(expected.size());
            LeadLagEdge first = expected.getFirst();
            assertThat(g.edges("LEADS")).filteredOn(e -> e.source().equals("provider:" + first.source())
                    && e.target().equals("provider:" + first.target())).singleElement().satisfies(e -> {
                        assertThat(e.attributes()).containsEntry("leads", String.valueOf(first.leads()))
                                .containsEntry("medianLagMinutes", String.valueOf(first.medianLagMinutes()));
                        assertThat(Double.parseDouble(e.attributes().get("weight"))).isEqualTo(first.leads());
                    });
        }
        // stories overlapping 2020-06-16 with two or more providers: police protests (wbur.org 06-16 15:30,
        // wpxi.com 23:27, thehill.com 06-17 11:00: three providers, three edges) and Bezos (bizjournals.com
        // 06-16 16:30, geekwire.com 06-17 18:01: one edge); all lead once on one shared story, so by source, target
        assertThat(Csv.records(body(get("/api/coverage/leadlag/export?from=2020-06-16&to=2020-06-17"))))
                .extracting(r -> r.get("Source"), r -> r.get("Target"), r -> r.get("leads"), r -> r.get("shared"),
                        r -> r.get("medianLagMinutes"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bizjournals.com", "geekwire.com", "1", "1", "1531.0"),
                        org.assertj.core.groups.Tuple.tuple("wbur.org", "thehill.com", "1", "1", "1170.0"),
                        org.assertj.core.groups.Tuple.tuple("wbur.org", "wpxi.com", "1", "1", "477.0"),
                        org.assertj.core.groups.Tuple.tuple("wpxi.com", "thehill.com", "1", "1", "693.0"));
        // 2020-06-11: the IBM story alone (the ACLU article is a story of its own): marketplace.org -> 376 min ->
        // washingtonpost.com
        assertThat(Csv.records(body(get("/api/coverage/leadlag/export?from=2020-06-11&to=2020-06-12"))))
                .extracting(r -> r.get("Source"), r -> r.get("Target"), r -> r.get("medianLagMinutes"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("marketplace.org", "washingtonpost.com",
                        "376.0"));
        JsonNode doc = json.readTree(body(get("/api/coverage/leadlag/export?format=json&minShared=1")));
        assertThat(doc.get("edges").size()).isEqualTo(expected.size());
    }

    @Test
    void answersBadRequestsWithProblems() {
        assertThat(mvc.get().uri("/api/stories/nope/export?format=gexf")).hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get().uri("/api/stories/{id}/export?format=xlsx", ibm)).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.parameter").isEqualTo("format");
        assertThat(mvc.get().uri("/api/export?from=2020-06-20&to=2020-06-10")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.parameter").isEqualTo("from");
        assertThat(mvc.get().uri("/api/export?from=2020-06-10&to=2020-06-10")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/api/export?from=2020-06-10")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/api/export?from=yesterday&to=2020-06-10")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.parameter").isEqualTo("from");
        assertThat(mvc.get().uri("/api/export?from=2020-06-10&to=2020-06-11&format=pdf"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.parameter").isEqualTo("format");
        assertThat(mvc.get().uri("/api/coverage/leadlag/export?from=2020-06-12&to=2020-06-11"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/api/coverage/leadlag/export?format=dot")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void exportsStreamWithoutTheContainersShortAsyncTimeout() {
        MvcTestResult result = get("/api/export?from=2020-06-10&to=2020-06-15&format=gexf");
        assertThat(result.getRequest().getAsyncContext().getTimeout())
                .isEqualTo(ExportController.STREAM_TIMEOUT.toMillis());
    }

    /**
     * A span's articles, their memberships and links are read in the order of the publishedAt index: no operator
     * that holds every row (Sort, Eager) before the first one streams out, nor pairs of all articles.
     */
    @Test
    void spanQueriesStreamInIndexOrder() {
        for (String query : List.of(GraphReader.SPAN.articles(), GraphReader.SPAN.memberships(),
                GraphReader.SPAN.related())) {
            var summary = client.query("EXPLAIN " + query).bindAll(Map.of("from", OffsetDateTime.parse(
                    "2020-06-10T00:00:00Z"), "to", OffsetDateTime.parse("2020-06-15T00:00:00Z"))).run();
            List<String> operators = new java.util.ArrayList<>();
            operators(summary.plan(), operators);
            assertThat(operators).as(query).noneMatch(o -> o.contains("Sort") || o.contains("Eager")
                    || o.contains("Top") || o.contains("CartesianProduct"))
                    .anyMatch(o -> o.startsWith("NodeIndexSeekByRange"));
        }
    }

    private static void operators(org.neo4j.driver.summary.Plan plan, List<String> into) {
        into.add(plan.operatorType());
        plan.children().forEach(c -> operators(c, into));
    }

    @Test
    void theOpenApiDescriptionListsTheExports() {
        assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.paths['/api/stories/{id}/export'].get.responses['200'].content",
                        v -> v.assertThat().asMap().containsKeys("text/csv", "application/json",
                                "application/graphml+xml", "application/gexf+xml"))
                .hasPathSatisfying("$.paths['/api/export'].get.parameters[*].name",
                        v -> v.assertThat().asList().contains("from", "to", "format"))
                .hasPathSatisfying("$.paths['/api/coverage/leadlag/export'].get.parameters[*].name",
                        v -> v.assertThat().asList().contains("minShared", "format", "table", "excel"))
                .hasPathSatisfying("$.components.schemas.GraphDocument.properties",
                        v -> v.assertThat().asMap().containsKeys("nodes", "edges"));
    }
}
