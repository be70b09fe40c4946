package org.storygraph.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The writers on their own: escaping, ids, empty graphs, and the stream they are given stays open. */
class GraphSinkTest {

    /** A title with characters XML 1.0 cannot hold (NUL, a bell, an unpaired surrogate), markup and quotes. */
    static final String BROKEN = "A\u0000B\u0007C \uD800 <b>&amp;</b> \"q\" 'a', é 😀";

    private static GraphSink.Node article(String key, String title) {
        return new GraphSink.Node(new GraphSink.Ref("article", key), title, GraphReader.data("title", title,
                "url", "https://x.example/" + key, "publishedAt", Instant.parse("2020-06-11T09:53:00Z"),
                "lagMinutes", 12L, "providerName", "X, \"the\" News"));
    }

    private static String write(Function<ByteArrayOutputStream, GraphSink> sink, boolean withEdge) {
        var out = new ByteArrayOutputStream() {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        };
        GraphSink s = sink.apply(out);
        s.node(article("a1", BROKEN));
        s.node(new GraphSink.Node(new GraphSink.Ref("topic", "AWS AI"), "AWS AI", GraphReader.data("name", "AWS AI")));
        if (withEdge) {
            s.edge(new GraphSink.Edge("e1", "TAGGED", new GraphSink.Ref("article", "a1"),
                    new GraphSink.Ref("topic", "AWS AI"), null, Map.of()));
        }
        s.close();
        assertThat(out.closed).as("the caller's stream stays open").isFalse();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void xmlFormatsReplaceCharactersXmlCannotHoldAndStayValid() {
        String expected = "A\uFFFDB\uFFFDC \uFFFD <b>&amp;</b> \"q\" 'a', é 😀";
        for (boolean withEdge : List.of(true, false)) {
            Imported graphml = Imported.graphml(write(o -> new GraphMlSink(o, Schema.ARTICLES, "t"), withEdge));
            Imported gexf = Imported.gexf(write(o -> new GexfSink(o, Schema.ARTICLES, "t <&>"), withEdge));
            for (Imported g : List.of(graphml, gexf)) {
                assertThat(g.nodes("article").get("article:a1")).containsEntry("title", expected)
                        .containsEntry("label", expected).containsEntry("lagMinutes", "12")
                        .containsEntry("publishedAt", "2020-06-11T09:53:00Z").doesNotContainKey("providerName");
                assertThat(g.nodes("topic")).containsOnlyKeys("topic:AWS_20_AI");
                assertThat(g.edges()).hasSize(withEdge ? 1 : 0);
            }
        }
    }

    @Test
    void everyGraphFormatNamesTheClusteringRunAndStaysValid() {
        String run = "5d0c5c4e-0d7e-4a8e-9a57-2f6f1c1d9b10";
        JsonMapper mapper = JsonMapper.builder().build();
        assertThat(mapper.readTree(write(o -> new JsonSink(o, mapper, Schema.ARTICLES, "t", run), true))
                .get("run").asString()).isEqualTo(run);
        assertThat(mapper.readTree(write(o -> new JsonSink(o, mapper, Schema.ARTICLES, "t"), true)).get("run")
                .isNull()).isTrue();
        String graphml = write(o -> new GraphMlSink(o, Schema.ARTICLES, "t", run), true);
        assertThat(graphml).contains("<key id=\"g_run\" for=\"graph\" attr.name=\"run\" attr.type=\"string\"")
                .contains("<data key=\"g_run\">" + run + "</data>");
        String gexf = write(o -> new GexfSink(o, Schema.ARTICLES, "t", run), true);
        assertThat(gexf).contains("<keywords>storygraph-run:" + run + "</keywords>");
        // still valid for the graph tools' importers (schema-validated), with the same nodes and edges
        for (Imported g : List.of(Imported.graphml(graphml), Imported.gexf(gexf))) {
            assertThat(g.nodes("article")).containsOnlyKeys("article:a1");
            assertThat(g.edges()).hasSize(1);
        }
    }

    @Test
    void jsonCarriesEveryCharacterJsonCan() {
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode doc = mapper.readTree(write(o -> new JsonSink(o, mapper, Schema.ARTICLES, "t"), true));
        assertThat(doc.get("nodes").get(0).get("label").asString()).isEqualTo(BROKEN.replace("\uD800", "\uFFFD"))
                .isEqualTo(doc.get("nodes").get(0).get("data").get("title").asString());
        assertThat(doc.get("nodes").get(0).get("data").get("lagMinutes").isIntegralNumber()).isTrue();
        assertThat(doc.get("edges").get(0).get("target").asString()).isEqualTo("topic:AWS_20_AI");
        JsonNode empty = mapper.readTree(write(o -> new JsonSink(o, mapper, Schema.ARTICLES, "t"), false));
        assertThat(empty.get("edges").isArray()).isTrue();
    }

    @Test
    void csvQuotesWhatNeedsQuotingAndSkipsOtherKinds() {
        String text = write(o -> CsvSink.articles(o, org.storygraph.common.Csv.Options.PLAIN), true);
        List<Map<String, String>> rows = Csv.records(text);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get("title")).isEqualTo(BROKEN.replace("\uD800", "\uFFFD"));
            assertThat(r.get("providerName")).isEqualTo("X, \"the\" News");
            assertThat(r.get("lagMinutes")).isEqualTo("12");
            assertThat(r.get("storyId")).isEmpty();
        });
        assertThat(CsvSink.field("multi\nline")).isEqualTo("\"multi\nline\"");
        assertThat(CsvSink.field("plain")).isEqualTo("plain");
        assertThat(Csv.records(CsvSink.field("a,\"b\"\r\nc") + "\n")).isEmpty();
        assertThat(Csv.parse("h\r\n" + CsvSink.field("a,\"b\"\r\nc") + "\r\n").get(1))
                .containsExactly("a,\"b\"\r\nc");
    }

    @Test
    void csvForSpreadsheetsStartsWithAByteOrderMarkAndNeutralisesFormulas() {
        String title = "=HYPERLINK(\"http://evil.example\",\"click\")";
        for (boolean excel : List.of(true, false)) {
            var out = new ByteArrayOutputStream();
            GraphSink s = CsvSink.articles(out, org.storygraph.common.Csv.Options.excel(excel));
            s.node(article("a1", title));
            s.node(new GraphSink.Node(new GraphSink.Ref("article", "a2"), "-x", GraphReader.data("title", "-x",
                    "lagMinutes", -3L, "providerName", "@home")));
            s.close();
            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(text.startsWith("\uFEFF")).isEqualTo(excel);
            List<Map<String, String>> rows = Csv.records(excel ? text.substring(1) : text);
            assertThat(rows).extracting(r -> r.get("title"), r -> r.get("lagMinutes"), r -> r.get("providerName"))
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(excel ? "'" + title : title, "12", "X, \"the\" News"),
                            org.assertj.core.groups.Tuple.tuple(excel ? "'-x" : "-x", "-3",
                                    excel ? "'@home" : "@home"));
        }
    }

    @Test
    void leadLagCsvTablesAreGephisEdgeAndNodeTables() {
        var edges = new ByteArrayOutputStream();
        GraphSink e = CsvSink.leadLag(edges, org.storygraph.common.Csv.Options.PLAIN);
        e.edge(new GraphSink.Edge("e1", "LEADS", new GraphSink.Ref("provider", "a.com"),
                new GraphSink.Ref("provider", "b.com"), 2.0, GraphReader.data("leads", 2L, "shared", 3L,
                        "medianLagMinutes", 15.5, "sourceName", "A", "targetName", "B")));
        e.close();
        assertThat(Csv.parse(edges.toString(StandardCharsets.UTF_8))).containsExactly(
                List.of("Source", "Target", "Weight", "Type", "sourceName", "targetName", "leads", "shared",
                        "medianLagMinutes"),
                List.of("a.com", "b.com", "2", "Directed", "A", "B", "2", "3", "15.5"));
        var nodes = new ByteArrayOutputStream();
        GraphSink n = CsvSink.leadLagNodes(nodes, org.storygraph.common.Csv.Options.PLAIN);
        n.node(new GraphSink.Node(new GraphSink.Ref("provider", "a.com"), "A News",
                GraphReader.data("domain", "a.com", "name", "A News")));
        n.node(article("x", "not a provider"));
        n.close();
        assertThat(Csv.parse(nodes.toString(StandardCharsets.UTF_8))).containsExactly(
                List.of("Id", "Label", "domain", "name"), List.of("a.com", "A News", "a.com", "A News"));
    }

    @Test
    void nodeIdsAreUniqueAcrossKindsAndSafeForGraphml() {
        assertThat(new GraphSink.Ref("provider", "cnn.com").id()).isEqualTo("provider:cnn.com");
        assertThat(new GraphSink.Ref("article", "4f1a2b").id()).isEqualTo("article:4f1a2b");
        assertThat(new GraphSink.Ref("topic", "AI_ML").id()).isEqualTo("topic:AI_5f_ML");
        assertThat(new GraphSink.Ref("topic", "AI ML").id()).isNotEqualTo(new GraphSink.Ref("topic", "AI_ML").id());
        assertThat(new GraphSink.Ref("topic", "Café/Bar").id()).isEqualTo("topic:Caf_e9__2f_Bar");
    }
}
