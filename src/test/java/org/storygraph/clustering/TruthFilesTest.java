package org.storygraph.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storygraph.bench.GenerateCommand;
import org.storygraph.common.Csv;

/** Gold labels and predictions: what the generator and the house format write, evaluation reads. */
class TruthFilesTest {

    @TempDir
    Path dir;

    @Test
    void readsQuotedUrlsStrippedFirstRowWinningBlankRowsSkipped() throws Exception {
        Path file = dir.resolve("truth.csv");
        try (Writer w = Files.newBufferedWriter(file); CSVPrinter csv = Csv.writer(w, "webUrl", "story")) {
            csv.printRecord("http://www.ynetnews.com/articles/0,7340,L-4597888,00.html", "s1");
            csv.printRecord("https://a.com/say-\"hi\"", "s2");
            csv.printRecord(" https://b.com/x ", " s3 ");
            csv.printRecord("https://a.com/say-\"hi\"", "later");
        }
        Files.writeString(file, "\n  \n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(EvaluateCommand.readTruth(file)).containsExactly(
                Map.entry("http://www.ynetnews.com/articles/0,7340,L-4597888,00.html", "s1"),
                Map.entry("https://a.com/say-\"hi\"", "s2"), Map.entry("https://b.com/x", "s3"));
    }

    @Test
    void readsTheGeneratorsTruthFile() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        Path corpus = dir.resolve("corpus");
        assertThat(GenerateCommand.run(List.of("--articles", "40", "--seed", "3", "--out", corpus.toString()), print,
                print)).isZero();
        String text = Files.readString(corpus.resolve("truth.csv"));
        assertThat(text).startsWith("webUrl,story\r\n").endsWith("\r\n");
        Map<String, String> truth = EvaluateCommand.readTruth(corpus.resolve("truth.csv"));
        assertThat(truth).hasSize(40);
        assertThat(truth.keySet()).allSatisfy(url -> assertThat(url).startsWith("http"));
        assertThat(truth.values()).doesNotContain("");
    }
}
