package org.storygraph.export;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads CSV in the house format ({@link org.storygraph.common.Csv}) for the tests. */
final class Csv {

    private Csv() {
    }

    /** All rows, the header included. */
    static List<List<String>> parse(String text) {
        try (CSVParser csv = org.storygraph.common.Csv.FORMAT.parse(new StringReader(text))) {
            return csv.stream().map(CSVRecord::toList).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows as header → value maps; a row of another length than the header is an error. */
    static List<Map<String, String>> records(String text) {
        try (CSVParser csv = org.storygraph.common.Csv.reader(new StringReader(text))) {
            List<Map<String, String>> records = new ArrayList<>();
            for (CSVRecord row : csv) {
                if (!row.isConsistent()) {
                    throw new IllegalArgumentException("row of " + row.size() + " fields, header has "
                            + csv.getHeaderNames().size() + ": " + row.toList());
                }
                records.add(row.toMap());
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
