package org.storygraph.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.storygraph.common.Csv;
import org.storygraph.ingest.ColumnMapping.Field;

/**
 * CSV (RFC 4180 through {@link Csv}, UTF-8 with or without a byte-order mark, CRLF or LF, quoted commas and line
 * breaks): a header row, then one article a row. Columns are recognised by name ({@link ColumnMapping}); columns no
 * field takes are reported once as a warning. A bad row (no title, a bad URL or time) fails with its line; the
 * other rows load. Topics are split on {@code ;}.
 */
final class CsvItemReader implements ItemReader {

    private final ColumnMapping mapping;
    private final int maxBytes;

    CsvItemReader(ColumnMapping mapping, int maxBytes) {
        this.mapping = mapping;
        this.maxBytes = maxBytes;
    }

    @Override
    public boolean accepts(String fileName, String contentType) {
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return true;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/csv") || type.startsWith("application/csv");
    }

    @Override
    public ParsedFile read(String path, byte[] bytes) throws BadFileException {
        String text = FrontMatterDecoder.text(bytes, maxBytes);
        int[] lineStarts = lineStarts(text);
        List<ParsedItem> items = new ArrayList<>();
        List<LoadReport.FileFailure> failures = new ArrayList<>();
        List<LoadReport.Warning> fileWarnings = new ArrayList<>();
        try (CSVParser parser = Csv.reader(new StringReader(text))) {
            List<String> header = parser.getHeaderNames();
            Map<Field, String> columns = mapping.resolve(header);
            if (!columns.containsKey(Field.TITLE) || !columns.containsKey(Field.URL)) {
                throw new BadFileException(1, "no " + (columns.containsKey(Field.TITLE) ? "" : "title ")
                        + (columns.containsKey(Field.TITLE) || columns.containsKey(Field.URL) ? "" : "or ")
                        + (columns.containsKey(Field.URL) ? "" : "URL ") + "column among " + header
                        + ": name them in a mapping file (--mapping)");
            }
            for (Field field : Field.values()) {
                String named = mapping.named(field);
                if (named != null && !named.equalsIgnoreCase(columns.get(field))) {
                    fileWarnings.add(new LoadReport.Warning(path, 1, "the mapping names column '" + named
                            + "' for " + field.key + ": not in the header"));
                }
            }
            List<String> ignored = ColumnMapping.ignored(header, columns);
            if (!ignored.isEmpty()) {
                fileWarnings.add(new LoadReport.Warning(path, 1, "columns ignored (no article field): "
                        + String.join(", ", ignored)));
            }
            Map<Field, Integer> index = new EnumMap<>(Field.class);
            columns.forEach((field, name) -> index.put(field, header.indexOf(name)));
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    int line = (int) parser.getCurrentLineNumber() + 1;
                    failures.add(new LoadReport.FileFailure(path, line, "unreadable CSV from here on: "
                            + e.getMessage()));
                    break;
                }
                int line = lineOf(lineStarts, record.getCharacterPosition());
                if (record.stream().allMatch(v -> v == null || v.isBlank())) {
                    continue;
                }
                Map<Field, Object> values = new EnumMap<>(Field.class);
                index.forEach((field, i) -> {
                    if (i >= 0 && i < record.size()) {
                        values.put(field, record.get(i));
                    }
                });
                List<LoadReport.Warning> warnings = new ArrayList<>();
                try {
                    ArticleRecord article = new ItemFields(path, warnings).article(values, true, line, true);
                    items.add(new ParsedItem(article, List.of(), List.copyOf(warnings)));
                } catch (BadFileException e) {
                    failures.add(new LoadReport.FileFailure(path, e.line(), "row skipped: " + e.getMessage()));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new BadFileException(1, "unreadable CSV: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // Commons CSV refuses some headers (e.g. an empty header row)
            throw new BadFileException(1, "unreadable CSV header: " + e.getMessage());
        }
        return new ParsedFile(items, failures, fileWarnings);
    }

    /** Offsets at which lines start (after CRLF, LF or CR). */
    static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The 1-based line of a character offset. */
    static int lineOf(int[] lineStarts, long offset) {
        int i = Arrays.binarySearch(lineStarts, (int) Math.min(Integer.MAX_VALUE, offset));
        return (i >= 0 ? i : -i - 2) + 1;
    }
}
