package org.storygraph.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.storygraph.common.Csv;

/**
 * The bad-input corpus ({@code src/test/resources/bad-inputs}) and its manifest {@code expected.csv}: one row per
 * file with the outcome of loading it alone. Files under {@code generated/} are too big to commit and are written
 * by {@link #materialise} when a test needs them.
 */
final class BadInputs {

    static final String MANIFEST = "expected.csv";
    static final String GENERATED = "generated/";
    static final int HUGE_BYTES = 50 * 1024 * 1024;
    static final int MANY_RELATED = 10_000;

    private BadInputs() {
    }

    /**
     * One manifest row.
     *
     * @param file     file name in the corpus (or {@code generated/<name>})
     * @param failed   {@code failed}: the file is rejected; {@code loaded}: it lands, possibly with warnings
     * @param line     failed: the reported line (0 when none); loaded: the line of the first expected warning
     * @param expected failed: a substring of the reason; loaded: checks joined by {@code " && "}, each either
     *                 {@code property=value} of the stored article (see {@link #PROPERTIES}) or a substring of one
     *                 of the file's warnings. A loaded file without warning checks must load without warnings.
     */
    record Case(String file, boolean failed, int line, String expected) {

        boolean generated() {
            return file.startsWith(GENERATED);
        }

        /** The warning substrings of a loaded case. */
        List<String> warnings() {
            return checks().stream().filter(c -> property(c) == null).toList();
        }

        /** The {@code property=value} checks of a loaded case, as pairs. */
        List<String[]> properties() {
            return checks().stream().filter(c -> property(c) != null)
                    .map(c -> new String[] {property(c), c.substring(c.indexOf('=') + 1)}).toList();
        }

        private List<String> checks() {
            return failed ? List.of() : Arrays.stream(expected.split(" && ")).map(String::strip).toList();
        }

        private static String property(String check) {
            int eq = check.indexOf('=');
            return eq > 0 && PROPERTIES.contains(check.substring(0, eq)) ? check.substring(0, eq) : null;
        }

        @Override
        public String toString() {
            return file;
        }
    }

    /** What a loaded case may check on its article (the file's own item, read back from the graph). */
    static final List<String> PROPERTIES = List.of("url", "title", "excerpt", "publishedAt", "timeFlag", "quality",
            "heat", "provider", "providerName", "related", "topics");

    static Path corpus() {
        try {
            return Path.of(BadInputs.class.getResource("/bad-inputs/" + MANIFEST).toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Case> manifest() {
        try {
            List<String> lines = Files.readAllLines(corpus().resolve(MANIFEST), StandardCharsets.UTF_8);
            if (!lines.getFirst().equals("file,outcome,line,expected")) {
                throw new IllegalStateException("unexpected manifest header: " + lines.getFirst());
            }
            List<Case> cases = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = csv(line);
                if (f.size() != 4 || !(f.get(1).equals("failed") || f.get(1).equals("loaded"))) {
                    throw new IllegalStateException("bad manifest row: " + line);
                }
                cases.add(new Case(f.get(0), f.get(1).equals("failed"), Integer.parseInt(f.get(2)), f.get(3)));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One CSV line of the house format ({@link Csv}): fields optionally in double quotes, {@code ""} a quote. */
    static List<String> csv(String line) {
        try (CSVParser parser = Csv.FORMAT.parse(new StringReader(line))) {
            return parser.stream().findFirst().map(CSVRecord::toList).orElse(List.of(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The case's file: the committed one, or for {@code generated/} cases a file written into {@code dir} (same
     * relative path).
     */
    static Path materialise(Case c, Path dir) throws IOException {
        if (!c.generated()) {
            return corpus().resolve(c.file());
        }
        Path file = dir.resolve(c.file());
        Files.createDirectories(file.getParent());
        switch (c.file().substring(GENERATED.length())) {
            case "huge-50mb.txt" -> writeHuge(file);
            case "related-10000.txt" -> writeManyRelated(file);
            default -> throw new IllegalArgumentException("no generator for " + c.file());
        }
        return file;
    }

    /** A valid item followed by a body that makes the file exactly 50 MiB. */
    private static void writeHuge(Path file) throws IOException {
        byte[] head = """
                ---
                title: "Fifty megabytes"
                webUrl: https://badinput.example/huge
                ---
                """.getBytes(StandardCharsets.UTF_8);
        byte[] chunk = "All work and no play makes a very large news item.\n".repeat(20_000)
                .getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(head);
            long remaining = HUGE_BYTES - head.length;
            while (remaining > 0) {
                int n = (int) Math.min(chunk.length, remaining);
                out.write(chunk, 0, n);
                remaining -= n;
            }
        }
    }

    /** An item with 10,000 distinct related entries, each complete (no warnings expected). */
    private static void writeManyRelated(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("""
                ---
                title: "Ten thousand related items"
                webUrl: https://badinput.example/related-10000
                publishedDateTime: 2020-06-15T10:00:00Z
                provider:
                  name: Bad Input Daily
                  domain: badinput.example
                related:
                """);
        for (int i = 1; i <= MANY_RELATED; i++) {
            sb.append("  - title: \"Related item number ").append(i).append("\"\n")
                    .append("    webUrl: https://other.example/related/").append(i).append('\n')
                    .append("    publishedDateTime: 2020-06-15T11:00:00Z\n")
                    .append("    provider:\n      name: Other\n      domain: other.example\n");
        }
        sb.append("---\n");
        Files.writeString(file, sb);
    }
}
