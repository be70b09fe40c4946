package org.storygraph.common;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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
 * <p>For spreadsheets, {@link Options#EXCEL} (the {@code excel=true} query parameter of every CSV endpoint) starts
 * the output with a UTF-8 byte-order mark (so Excel reads UTF-8, not the locale's code page) and neutralises
 * formula injection as OWASP's CSV-injection guidance describes: a cell starting with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return gets a single quote in front ({@code =HYPERLINK(...)} is written
 * {@code '=HYPERLINK(...)}), so the spreadsheet shows it as text. A cell that is a plain decimal number, such as
 * {@code -3}, {@code -0.5} or {@code -1.5E3}, stays as it is (it cannot be a formula and stays a number); {@code +3}
 * is not left alone. Header cells follow the same rule. Without the option nothing is changed.
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

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private Csv() {
    }

    /**
     * How a {@link Writer} writes.
     *
     * @param excel a UTF-8 byte-order mark first, and cells that a spreadsheet would run as a formula neutralised
     *              (see the class documentation); default false
     */
    public record Options(boolean excel) {

        /** The house format as it is. */
        public static final Options PLAIN = new Options(false);

        /** For spreadsheets: byte-order mark and formula neutralisation. */
        public static final Options EXCEL = new Options(true);

        /** {@link #EXCEL} when {@code excel}, else {@link #PLAIN}. */
        public static Options excel(boolean excel) {
            return excel ? EXCEL : PLAIN;
        }
    }

    /** Rows in the house format with the {@link Options} applied to every cell; null is an empty field. */
    public static final class Writer implements Closeable, Flushable {
        private final CSVPrinter printer;
        private final Options options;

        private Writer(CSVPrinter printer, Options options) {
            this.printer = printer;
            this.options = options;
        }

        /** One row; each value is written as its {@code toString()} (after neutralisation with {@code excel}). */
        public void row(Iterable<?> values) throws IOException {
            if (!options.excel()) {
                printer.printRecord(values);
                return;
            }
            List<Object> cells = new ArrayList<>();
            for (Object v : values) {
                cells.add(v == null ? null : neutralise(v.toString()));
            }
            printer.printRecord(cells);
        }

        @Override
        public void flush() throws IOException {
            printer.flush();
        }

        /** Flushes and closes the underlying output. */
        @Override
        public void close() throws IOException {
            printer.close(true);
        }
    }

    /**
     * A writer that writes the header row to {@code out} now (after a byte-order mark with {@code excel}) and then
     * one row per {@link Writer#row}.
     */
    public static Writer writer(Appendable out, Options options, List<String> header) throws IOException {
        if (options.excel()) {
            out.append(BYTE_ORDER_MARK);
        }
        Writer writer = new Writer(FORMAT.print(out), options);
        writer.row(header);
        return writer;
    }

    /**
     * The cell as written with {@link Options#EXCEL}: with a single quote in front when it starts with {@code =},
     * {@code +}, {@code -}, {@code @}, a tab or a carriage return, unless it is a plain decimal number such as
     * {@code -3}.
     */
    public static String neutralise(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        if (!risky || (first == '-' && NUMBER.matcher(cell).matches())) {
            return cell;
        }
        return "'" + cell;
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
