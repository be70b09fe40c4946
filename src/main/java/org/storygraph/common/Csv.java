package org.storygraph.common;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * StoryGraph's one CSV format, for everything it writes or reads as CSV (exports, saved-query results, cluster
 * predictions and gold labels, generated corpora): RFC 4180 with a header row, a comma between fields, CRLF after
 * every row, a field in double quotes only when it needs them (a comma, quote, CR or LF in it; also, as Commons CSV
 * does, when it starts with a blank, {@code !}, {@code "} or {@code #}, ends with a blank, or is an empty first
 * field), quotes inside doubled. A null value is an empty field. Encoding (UTF-8) is the caller's.
 *
 * <p>Reading is lenient where it costs nothing: LF or CR line ends, blank lines skipped, a quote inside an unquoted
 * field is a character, text after a closing quote or an unclosed quote at the end are kept.
 */
public final class Csv {

    /** The house format as written. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setRecordSeparator("\r\n")
            .setIgnoreEmptyLines(true)
            .get();

    private static final CSVFormat READ = FORMAT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
            .setTrailingData(true)
            .setLenientEof(true)
            .get();

    private Csv() {
    }

    /** A printer writing the header row to {@code out} now and then one row per {@code printRecord}. */
    public static CSVPrinter writer(Appendable out, List<String> header) throws IOException {
        CSVPrinter printer = FORMAT.print(out);
        printer.printRecord(header);
        return printer;
    }

    /** {@link #writer(Appendable, List)} with the header's names given one by one. */
    public static CSVPrinter writer(Appendable out, String... header) throws IOException {
        return writer(out, List.of(header));
    }

    /**
     * A parser of the records after the header row; {@code getHeaderNames()} has the header, each record its fields
     * by position or by header name.
     */
    public static CSVParser reader(Reader in) throws IOException {
        return CSVParser.builder().setReader(in).setFormat(READ).get();
    }
}
