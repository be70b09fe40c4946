package org.storygraph.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storygraph.common.Csv;

/** Gold labels and predictions in the house CSV format, as evaluation reads them. */
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
        assertThat(LabelFiles.read(file)).containsExactly(
                Map.entry("http://www.ynetnews.com/articles/0,7340,L-4597888,00.html", "s1"),
                Map.entry("https://a.com/say-\"hi\"", "s2"), Map.entry("https://b.com/x", "s3"));
    }
}
