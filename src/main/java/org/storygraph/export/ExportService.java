package org.storygraph.export;

import java.io.OutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.storygraph.common.Csv;
import org.storygraph.common.Json;
import org.storygraph.coverage.CoverageService;
import org.storygraph.coverage.CoverageGroup;
import org.storygraph.coverage.CoverageViews.LeadLagEdge;
import org.storygraph.coverage.CoverageViews.LeadLagNetwork;
import org.storygraph.graph.Convert;
import org.storygraph.graph.Graph;
import org.storygraph.graph.NodeKey;
import org.storygraph.runs.RunQueries;

/**
 * Exports for the tools researchers use: a story, the articles of a time span, or the lead/lag network, as CSV,
 * JSON, GraphML or GEXF, written to a stream as they are read from the graph (see docs/exports.md).
 */
@Service
public class ExportService {

    /** Export formats, with their media type and file extension. */
    public enum Format {
        CSV("text/csv;charset=UTF-8", "csv"),
        JSON("application/json", "json"),
        GRAPHML("application/graphml+xml", "graphml"),
        GEXF("application/gexf+xml", "gexf");

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String mediaType() {
            return mediaType;
        }

        public String extension() {
            return extension;
        }

        /** {@code csv}, {@code json}, {@code graphml} or {@code gexf}, any case; empty when it is none of them. */
        public static Optional<Format> parse(String name) {
            if (name == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        public static final String NAMES = "csv, json, graphml or gexf";
    }

    /** Which table a lead/lag CSV holds (Gephi imports the nodes table, then the edges table). */
    public enum Table {
        /** One row per LEADS edge: {@code Source,Target,Weight,Type,...} (the default). */
        EDGES,
        /** One row per provider: {@code Id,Label,...}. */
        NODES;

        /** {@code edges} or {@code nodes}, any case; empty when it is neither. */
        public static Optional<Table> parse(String name) {
            if (name == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    private final Graph graph;
    private final GraphReader reader;
    private final CoverageService coverage;
    private final Json json;
    private final RunQueries runs;

    ExportService(Graph graph, CoverageService coverage, Json json, RunQueries runs) {
        this.runs = runs;
        this.graph = graph;
        this.reader = new GraphReader(graph);
        this.coverage = coverage;
        this.json = json;
    }

    /**
     * The clustering run an export made now reflects: the latest recorded one (null before the first). Exports
     * name it ({@code X-StoryGraph-Run}, the JSON {@code run} field, GraphML's graph data {@code run}, a GEXF
     * keyword {@code storygraph-run:<id>}).
     */
    public String latestRun() {
        return runs.latestRunId().orElse(null);
    }

    public boolean storyExists(String id) {
        return graph.exists(NodeKey.STORY_ID, id);
    }

    /** One story: its articles (CSV: one row each) with their providers and topics, and the links among them. */
    public void story(String id, Format format, OutputStream out) {
        story(id, format, Csv.Options.PLAIN, latestRun(), out);
    }

    /**
     * {@link #story(String, Format, OutputStream)}, CSV written with {@code csv} (excel=true), naming clustering run
     * {@code run}.
     */
    public void story(String id, Format format, Csv.Options csv, String run, OutputStream out) {
        GraphSink sink = articleSink(format, csv, out, "StoryGraph story " + id, run);
        reader.read(GraphReader.STORY, GraphReader.storyParameters(id), sink);
        sink.close();
    }

    /** Articles published in [from, to) with their providers, topics and stories, and the links among them. */
    /** Articles published in [from, to): what {@link #span} exports. */
    long countSpan(Instant from, Instant to) {
        return graph.count("MATCH (a:Article) WHERE a.publishedAt >= $from AND a.publishedAt < $to RETURN count(a)",
                Map.of("from", Convert.utc(from), "to", Convert.utc(to)));
    }

    public void span(Instant from, Instant to, Format format, OutputStream out) {
        span(from, to, format, Csv.Options.PLAIN, latestRun(), out);
    }

    /**
     * {@link #span(Instant, Instant, Format, OutputStream)}, CSV written with {@code csv} (excel=true), naming
     * clustering run {@code run}.
     */
    public void span(Instant from, Instant to, Format format, Csv.Options csv, String run, OutputStream out) {
        GraphSink sink = articleSink(format, csv, out, "StoryGraph articles published in [" + from + ", " + to + ")",
                run);
        reader.read(GraphReader.SPAN, GraphReader.spanParameters(from, to), sink);
        sink.close();
    }

    /**
     * The lead/lag network of {@link CoverageService#leadLag}: provider nodes and LEADS edges (CSV: one row per
     * edge), weighted by how often the source published first.
     */
    public void leadLag(Instant from, Instant to, int minShared, int limit, Format format, OutputStream out) {
        leadLag(from, to, minShared, limit, format, Csv.Options.PLAIN, Table.EDGES, latestRun(), out);
    }

    /**
     * {@link #leadLag(Instant, Instant, int, int, Format, OutputStream)}; a CSV holds the {@code table} asked for
     * (edges: Gephi's edge table, nodes: its node table) written with {@code csv} (excel=true). Graph formats hold
     * both whatever the table. The graph formats name clustering run {@code run}.
     */
    public void leadLag(Instant from, Instant to, int minShared, int limit, Format format, Csv.Options csv,
            Table table, String run, OutputStream out) {
        leadLag(from, to, minShared, limit, null, false, format, csv, table, run, out);
    }

    /**
     * {@link #leadLag(Instant, Instant, int, int, Format, Csv.Options, Table, String, OutputStream)} between the
     * groups of {@code groupBy} (group nodes, keyed by name; null: between providers), over the independent articles
     * only when {@code independent} ({@link CoverageService#leadLag(Instant, Instant, int, int, CoverageGroup,
     * boolean)}).
     */
    public void leadLag(Instant from, Instant to, int minShared, int limit, CoverageGroup groupBy,
            boolean independent, Format format, Csv.Options csv, Table table, String run, OutputStream out) {
        LeadLagNetwork network = coverage.leadLag(from, to, minShared, limit, groupBy, independent);
        String description = "StoryGraph lead/lag network" + (groupBy == null ? "" : " between outlets grouped by "
                + groupBy.parameter()) + (independent ? " (independent articles: no copies, no wire)" : "")
                + ", stories overlapping [" + (from == null ? "" : from)
                + ", " + (to == null ? "" : to) + "), pairs sharing at least " + minShared + " stories";
        String kind = groupBy == null ? "provider" : "group";
        GraphSink sink = switch (format) {
            case CSV -> table == Table.NODES ? CsvSink.leadLagNodes(out, csv, kind) : CsvSink.leadLag(out, csv);
            case JSON -> new JsonSink(out, json.mapper(), Schema.LEAD_LAG, description, run);
            case GRAPHML -> new GraphMlSink(out, Schema.LEAD_LAG, description, run);
            case GEXF -> new GexfSink(out, Schema.LEAD_LAG, description, run);
        };
        Map<String, String> providers = new LinkedHashMap<>();
        for (LeadLagEdge e : network.edges()) {
            providers.putIfAbsent(e.source(), e.sourceName());
            providers.putIfAbsent(e.target(), e.targetName());
        }
        providers.forEach((key, name) -> sink.node(new GraphSink.Node(new GraphSink.Ref(kind, key),
                name == null ? key : name, groupBy == null ? GraphReader.data("domain", key, "name", name)
                        : GraphReader.data("name", key))));
        GraphReader.Edges edges = new GraphReader.Edges(sink);
        for (LeadLagEdge e : network.edges()) {
            edges.add("LEADS", new GraphSink.Ref(kind, e.source()), new GraphSink.Ref(kind, e.target()),
                    (double) e.leads(), GraphReader.data("leads", e.leads(), "shared", e.shared(),
                            "medianLagMinutes", e.medianLagMinutes(), "sourceName", e.sourceName(),
                            "targetName", e.targetName()));
        }
        sink.close();
    }

    private GraphSink articleSink(Format format, Csv.Options csv, OutputStream out, String description, String run) {
        return switch (format) {
            case CSV -> CsvSink.articles(out, csv);
            case JSON -> new JsonSink(out, json.mapper(), Schema.ARTICLES, description, run);
            case GRAPHML -> new GraphMlSink(out, Schema.ARTICLES, description, run);
            case GEXF -> new GexfSink(out, Schema.ARTICLES, description, run);
        };
    }
}
