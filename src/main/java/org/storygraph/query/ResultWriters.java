package org.storygraph.query;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.storygraph.common.Csv;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** Writes a running query's rows as they arrive: JSON, CSV, or a text table for terminals. */
public final class ResultWriters {

    private ResultWriters() {
    }

    /**
     * {@code {"query", "columns", "rows", "rowCount", "truncated", "elapsedMs"}}; a failure after rows were sent
     * (a timeout half-way) ends the document with {@code "error": {status, title, detail}}.
     */
    public static void json(QueryRunner.Execution run, OutputStream out, JsonMapper mapper) {
        try (JsonGenerator g = mapper.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("query", run.query().name());
            g.writeName("columns");
            g.writePOJO(run.columns());
            g.writeName("rows");
            g.writeStartArray();
            QueryException failure = null;
            try {
                for (List<Object> row = run.next(); row != null; row = run.next()) {
                    g.writePOJO(row);
                    if (run.rowCount() % 500 == 0) {
                        g.flush();
                    }
                }
            } catch (QueryException e) {
                failure = e;
            }
            g.writeEndArray();
            g.writeNumberProperty("rowCount", run.rowCount());
            g.writeBooleanProperty("truncated", run.truncated() || failure != null);
            g.writeNumberProperty("elapsedMs", run.elapsedMillis());
            if (failure != null) {
                g.writeName("error");
                g.writeStartObject();
                g.writeNumberProperty("status", failure.kind().status());
                g.writeStringProperty("title", failure.title());
                g.writeStringProperty("detail", failure.getMessage());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
    }

    /** CSV in the house format ({@link Csv}) with a header row; nested values (nodes, lists, maps) as JSON text. */
    public static void csv(QueryRunner.Execution run, OutputStream out, JsonMapper mapper) throws IOException {
        csv(run, out, mapper, Csv.Options.PLAIN);
    }

    /** {@link #csv(QueryRunner.Execution, OutputStream, JsonMapper)} with {@link Csv.Options} (excel=true). */
    public static void csv(QueryRunner.Execution run, OutputStream out, JsonMapper mapper, Csv.Options options)
            throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        Csv.Writer csv = Csv.writer(w, options, run.columns());
        for (List<Object> row = run.next(); row != null; row = run.next()) {
            List<String> cells = new ArrayList<>();
            for (Object v : row) {
                cells.add(v == null ? null : text(v, mapper));
            }
            csv.row(cells);
            if (run.rowCount() % 500 == 0) {
                csv.flush();
            }
        }
        csv.flush();
    }

    /** Aligned columns for a terminal; long cells are cut at 60 characters. */
    public static void table(QueryRunner.Execution run, OutputStream out, JsonMapper mapper) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(run.columns());
        for (List<Object> row = run.next(); row != null; row = run.next()) {
            rows.add(row.stream().map(v -> cut(text(v, mapper))).toList());
        }
        int[] widths = new int[run.columns().size()];
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        }
        PrintWriter p = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        for (int n = 0; n < rows.size(); n++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(i == 0 ? "" : "  ").append(String.format("%-" + Math.max(1, widths[i]) + "s",
                        rows.get(n).get(i)));
            }
            p.println(line.toString().stripTrailing());
            if (n == 0) {
                StringBuilder rule = new StringBuilder();
                for (int i = 0; i < widths.length; i++) {
                    rule.append(i == 0 ? "" : "  ").append("-".repeat(Math.max(1, widths[i])));
                }
                p.println(rule);
            }
        }
        p.printf("(%d rows%s, %d ms)%n", run.rowCount(), run.truncated() ? ", truncated" : "", run.elapsedMillis());
        p.flush();
    }

    static String text(Object v, JsonMapper mapper) {
        if (v == null) {
            return "";
        }
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return mapper.writeValueAsString(v);
    }

    private static String cut(String s) {
        String oneLine = s.replace('\n', ' ');
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
