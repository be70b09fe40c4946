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

import org.apache.commons.csv.CSVPrinter;
import org.springframework.util.StreamUtils;
import org.storygraph.common.Csv;

/**
 * CSV in the house format ({@link Csv}: RFC 4180, a header row, CRLF line ends, quoted where needed) in UTF-8 (no
 * byte-order mark); times as UTC instants, unpaired surrogates as U+FFFD. Rows come from the
 * nodes of one kind ({@link #articles}) or the edges of one relation ({@link #leadLag}); everything else in the
 * stream is skipped. Values are written as they are: a spreadsheet may read a title starting with {@code =} as a
 * formula.
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

    static final List<Column<Edge>> LEAD_LAG_COLUMNS = List.of(
            new Column<>("source", e -> e.source().key()),
            new Column<>("sourceName", e -> e.data().get("sourceName")),
            new Column<>("target", e -> e.target().key()),
            new Column<>("targetName", e -> e.data().get("targetName")),
            new Column<>("leads", e -> e.data().get("leads")),
            new Column<>("shared", e -> e.data().get("shared")),
            new Column<>("medianLagMinutes", e -> e.data().get("medianLagMinutes")));

    private final CSVPrinter printer;
    private final String nodeKind;
    private final List<Column<Node>> nodeColumns;
    private final String edgeType;
    private final List<Column<Edge>> edgeColumns;

    private CsvSink(OutputStream out, String nodeKind, List<Column<Node>> nodeColumns, String edgeType,
            List<Column<Edge>> edgeColumns) {
        this.nodeKind = nodeKind;
        this.nodeColumns = nodeColumns;
        this.edgeType = edgeType;
        this.edgeColumns = edgeColumns;
        try {
            this.printer = Csv.writer(new BufferedWriter(new OutputStreamWriter(StreamUtils.nonClosing(out),
                    StandardCharsets.UTF_8)), (nodeColumns.isEmpty() ? edgeColumns.stream().map(Column::header)
                    : nodeColumns.stream().map(Column::header)).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row per article node. */
    static CsvSink articles(OutputStream out) {
        return new CsvSink(out, "article", ARTICLE_COLUMNS, null, List.of());
    }

    /** One row per LEADS edge. */
    static CsvSink leadLag(OutputStream out) {
        return new CsvSink(out, null, List.of(), "LEADS", LEAD_LAG_COLUMNS);
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
            printer.printRecord(values.stream().map(CsvSink::text).toList());
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
