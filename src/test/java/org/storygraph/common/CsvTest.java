package org.storygraph.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvTest {

    private static final List<String> AWKWARD = List.of("plain", "comma, inside", "a \"quoted\" word",
            "two\nlines", "windows\r\nline", "lone\rcarriage", "\"", "#hash first", " blank first", "blank last ",
            "=SUM(A1)", "ünïcödé 😀", "x");

    private static String write(List<String> header, List<List<String>> rows) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = Csv.writer(out, header)) {
            for (List<String> row : rows) {
                csv.printRecord(row);
            }
        }
        return out.toString();
    }

    private static List<List<String>> read(String text) throws IOException {
        try (CSVParser csv = Csv.reader(new StringReader(text))) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(csv.getHeaderNames());
            csv.forEach(r -> rows.add(r.toList()));
            return rows;
        }
    }

    @Test
    void writesRfc4180WithAHeaderCrlfAndQuotesOnlyWhereNeeded() throws IOException {
        assertThat(write(List.of("id", "title"), List.of(List.of("1", "plain"), List.of("2", "a, \"b\"\nc"))))
                .isEqualTo("id,title\r\n1,plain\r\n2,\"a, \"\"b\"\"\nc\"\r\n");
        assertThat(write(List.of("a", "b", "c"), List.of(Arrays.asList("x", null, "")))).isEqualTo("a,b,c\r\nx,,\r\n");
        assertThat(Csv.FORMAT.format("multi\nline")).isEqualTo("\"multi\nline\"");
        assertThat(Csv.FORMAT.format("plain")).isEqualTo("plain");
    }

    @Test
    void everyValueRoundTrips() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String value : AWKWARD) {
            rows.add(List.of(value, "first", value, ""));
        }
        List<String> header = List.of("value", "first", "again", "empty");
        List<List<String>> back = read(write(header, rows));
        assertThat(back.getFirst()).isEqualTo(header);
        assertThat(back.subList(1, back.size())).isEqualTo(rows);
    }

    @Test
    void readsWhatOthersWriteToo() throws IOException {
        // LF line ends, blank lines, a header of other names, a quote inside an unquoted field
        assertThat(read("webUrl,story\n\nhttps://a.com/x,s1\n\"https://b.com/0,7\",s2\nit's 5\" tall,s3\n"))
                .containsExactly(List.of("webUrl", "story"), List.of("https://a.com/x", "s1"),
                        List.of("https://b.com/0,7", "s2"), List.of("it's 5\" tall", "s3"));
        try (CSVParser csv = Csv.reader(new StringReader("a,b\r\n1,2\r\n"))) {
            CSVRecord row = csv.iterator().next();
            assertThat(row.get("b")).isEqualTo("2");
            assertThat(row.get(0)).isEqualTo("1");
        }
        assertThat(read("")).containsExactly(List.of());
    }

    @Test
    void excelOptionWritesAByteOrderMarkAndNeutralisesFormulaCells() throws IOException {
        List<String> risky = List.of("=SUM(A1:A9)", "+1+1", "-2+3", "@SUM(1)", "\tTAB", "\rCR", "-", "+3", "-x");
        List<String> safe = List.of("-3", "-0.5", "-1.5E3", "3", "a=b", " =blank first", "", "'quoted");
        StringWriter out = new StringWriter();
        try (Csv.Writer csv = Csv.writer(out, Csv.Options.EXCEL, List.of("=header", "b"))) {
            for (String value : risky) {
                csv.row(List.of(value, "x"));
            }
            for (String value : safe) {
                csv.row(java.util.Arrays.asList(value, null));
            }
        }
        String text = out.toString();
        assertThat(text).startsWith("\uFEFF'=header,b\r\n");
        List<List<String>> rows = read(text.substring(1));
        assertThat(rows.getFirst()).containsExactly("'=header", "b");
        for (int i = 0; i < risky.size(); i++) {
            assertThat(rows.get(1 + i)).containsExactly("'" + risky.get(i), "x");
        }
        for (int i = 0; i < safe.size(); i++) {
            assertThat(rows.get(1 + risky.size() + i)).containsExactly(safe.get(i), "");
        }
        // the same rows without the option: no mark, every value as it is
        StringWriter plain = new StringWriter();
        try (Csv.Writer csv = Csv.writer(plain, Csv.Options.PLAIN, List.of("=header", "b"))) {
            for (String value : risky) {
                csv.row(List.of(value, "x"));
            }
        }
        assertThat(plain.toString()).startsWith("=header,b\r\n");
        List<List<String>> back = read(plain.toString());
        for (int i = 0; i < risky.size(); i++) {
            assertThat(back.get(1 + i)).containsExactly(risky.get(i), "x");
        }
    }
}
