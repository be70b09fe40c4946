package org.storygraph.clustering;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.storygraph.common.Csv;

/**
 * Story labels of articles as CSV in the house format ({@link Csv}): gold labels ({@code webUrl,story}, as the dev
 * sets and the generator write them) and predictions ({@code webUrl,cluster}, as evaluation writes them).
 */
public final class LabelFiles {

    private LabelFiles() {
    }

    /** URL → label, the first row of a URL winning; blank rows skipped, fields stripped. */
    public static Map<String, String> read(Path file) {
        Map<String, String> labels = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser csv = Csv.reader(in)) {
            for (CSVRecord row : csv) {
                if (row.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (row.size() < 2) {
                    throw new IllegalArgumentException(file + " line " + csv.getCurrentLineNumber()
                            + ": expected webUrl,story");
                }
                labels.putIfAbsent(row.get(0).strip(), row.get(1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return labels;
    }

    /** Writes {@code webUrl,LABELCOLUMN} rows in map order, creating the parent folders. */
    public static void write(Path file, String labelColumn, Map<String, String> labels) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    CSVPrinter csv = Csv.writer(w, "webUrl", labelColumn)) {
                for (Map.Entry<String, String> label : labels.entrySet()) {
                    csv.printRecord(label.getKey(), label.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
