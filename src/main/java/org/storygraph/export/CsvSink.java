package org.storygraph.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.function.Function;

import org.springframework.util.StreamUtils;

/**
 * RFC 4180 CSV in UTF-8 (no byte-order mark), CRLF line ends, a header row; a field is quoted when it holds a
 * comma, a quote, CR or LF, and quotes inside are doubled; unpaired surrogates become U+FFFD. Rows come from the
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

    private final Writer writer;
    private final String nodeKind;
    private final List<Column<Node>> nodeColumns;
    private final String edgeType;
    private final List<Column<Edge>> edgeColumns;

    private CsvSink(OutputStream out, String nodeKind, List<Column<Node>> nodeColumns, String edgeType,
            List<Column<Edge>> edgeColumns) {
        this.writer = new BufferedWriter(new OutputStreamWriter(StreamUtils.nonClosing(out), StandardCharsets.UTF_8));
        this.nodeKind = nodeKind;
        this.nodeColumns = nodeColumns;
        this.edgeType = edgeType;
        this.edgeColumns = edgeColumns;
        row((nodeColumns.isEmpty() ? edgeColumns.stream().map(Column::header)
                : nodeColumns.stream().map(Column::header)).map(h -> (Object) h).toList());
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
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    writer.write(',');
                }
                writer.write(field(values.get(i)));
            }
            writer.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof TemporalAccessor t ? Instant.from(t).toString() : Xml.unicode(value.toString());
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    @Override
    public void close() {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
