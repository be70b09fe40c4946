package org.storygraph.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.function.Function;

import org.springframework.util.StreamUtils;
import org.storygraph.common.Csv;

/**
 * CSV in the house format ({@link Csv}: RFC 4180, a header row, CRLF line ends, quoted where needed) in UTF-8 (no
 * byte-order mark unless {@link Csv.Options#EXCEL}); times as UTC instants, unpaired surrogates as U+FFFD. Rows come
 * from the nodes of one kind ({@link #articles}, {@link #leadLagNodes}) or the edges of one relation
 * ({@link #leadLag}); everything else in the stream is skipped. Values are written as they are unless
 * {@link Csv.Options#EXCEL} neutralises formulas. The lead/lag tables are Gephi's spreadsheet import tables: edges
 * {@code Source,Target,Weight,Type} first, nodes {@code Id,Label} first.
 */
final class CsvSink implements GraphSink {

    /** A column: its header and how a row's element gives its value (null: empty). */
    record Column<T>(String header, Function<T, Object> value) {
    }

    static final List<Column<Node>> ARTICLE_COLUMNS = List.of(
            new Column<>("articleId", n -> n.ref().key()),
            new Column<>("url", n -> n.data().get("url")),
            new Column<>("title", n -> n.data().get("title")),
            new Column<>("publishedAt", n -> n.data().get("publishedAt")),
            new Column<>("providerDomain", n -> n.data().get("provider")),
            new Column<>("providerName", n -> n.data().get("providerName")),
            new Column<>("storyId", n -> n.data().get("story")),
            new Column<>("lagMinutes", n -> n.data().get("lagMinutes")),
            new Column<>("duplicateOf", n -> n.data().get("duplicateOf")));

    /** Gephi's edge table ({@code Source,Target,Weight,Type}, Type = Directed), then the rest. */
    static final List<Column<Edge>> LEAD_LAG_COLUMNS = List.of(
            new Column<>("Source", e -> e.source().key()),
            new Column<>("Target", e -> e.target().key()),
            new Column<>("Weight", e -> e.data().get("leads")),
            new Column<>("Type", e -> "Directed"),
            new Column<>("sourceName", e -> e.data().get("sourceName")),
            new Column<>("targetName", e -> e.data().get("targetName")),
            new Column<>("leads", e -> e.data().get("leads")),
            new Column<>("shared", e -> e.data().get("shared")),
            new Column<>("medianLagMinutes", e -> e.data().get("medianLagMinutes")));

    /** Gephi's node table ({@code Id,Label}) of the lead/lag network's providers: Id = domain, Label = name. */
    static final List<Column<Node>> PROVIDER_COLUMNS = List.of(
            new Column<>("Id", n -> n.ref().key()),
            new Column<>("Label", Node::label),
            new Column<>("domain", n -> n.data().get("domain")),
            new Column<>("name", n -> n.data().get("name")));

    private final Csv.Writer printer;
    private final String nodeKind;
    private final List<Column<Node>> nodeColumns;
    private final String edgeType;
    private final List<Column<Edge>> edgeColumns;

    private CsvSink(OutputStream out, Csv.Options options, String nodeKind, List<Column<Node>> nodeColumns,
            String edgeType, List<Column<Edge>> edgeColumns) {
        this.nodeKind = nodeKind;
        this.nodeColumns = nodeColumns;
        this.edgeType = edgeType;
        this.edgeColumns = edgeColumns;
        try {
            this.printer = Csv.writer(new BufferedWriter(new OutputStreamWriter(StreamUtils.nonClosing(out),
                    StandardCharsets.UTF_8)), options, (nodeColumns.isEmpty() ? edgeColumns.stream().map(Column::header)
                    : nodeColumns.stream().map(Column::header)).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row per article node. */
    static CsvSink articles(OutputStream out, Csv.Options options) {
        return new CsvSink(out, options, "article", ARTICLE_COLUMNS, null, List.of());
    }

    /** One row per LEADS edge: Gephi's edge table. */
    static CsvSink leadLag(OutputStream out, Csv.Options options) {
        return new CsvSink(out, options, null, List.of(), "LEADS", LEAD_LAG_COLUMNS);
    }

    /** One row per provider node of the lead/lag network: Gephi's node table. */
    static CsvSink leadLagNodes(OutputStream out, Csv.Options options) {
        return leadLagNodes(out, options, "provider");
    }

    /** One row per node of {@code kind} (provider, or group when grouped) of the lead/lag network. */
    static CsvSink leadLagNodes(OutputStream out, Csv.Options options, String kind) {
        return new CsvSink(out, options, kind, PROVIDER_COLUMNS, null, List.of());
    }

    @Override
    public void node(Node node) {
        if (node.type().equals(nodeKind)) {
            row(nodeColumns.stream().map(c -> c.value().apply(node)).toList());
        }
    }

    @Override
    public void edge(Edge edge) {
        if (edge.type().equals(edgeType)) {
            row(edgeColumns.stream().map(c -> c.value().apply(edge)).toList());
        }
    }

    private void row(List<Object> values) {
        try {
            printer.row(values.stream().map(CsvSink::text).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value as text: times as UTC instants, unpaired surrogates replaced; null stays null (an empty field). */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof TemporalAccessor t ? Instant.from(t).toString() : Xml.unicode(value.toString());
    }

    /** One value as the house format writes it, alone in a row. */
    static String field(Object value) {
        return Csv.FORMAT.format(text(value));
    }

    @Override
    public void close() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
