package org.storygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The bad-input manifest describes exactly the corpus, and docs/reliability.md lists every case. */
class BadInputManifestTest {

    @Test
    void everyCorpusFileHasExactlyOneRowAndEveryRowAFile() throws Exception {
        List<String> rows = BadInputs.manifest().stream().map(BadInputs.Case::file).toList();
        assertThat(rows).doesNotHaveDuplicates();
        List<String> files;
        try (var list = Files.list(BadInputs.corpus())) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> !n.equals(BadInputs.MANIFEST)).toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(30);
        assertThat(rows.stream().filter(r -> !r.startsWith(BadInputs.GENERATED)))
                .containsExactlyInAnyOrderElementsOf(files);
        assertThat(rows).contains("generated/huge-50mb.txt", "generated/related-10000.txt");
    }

    @Test
    void everyCaseIsWalkedWhenItsDirectoryIsLoaded() {
        // a file the directory walk skipped would silently drop out of the whole-corpus test
        assertThat(BadInputs.manifest()).allSatisfy(c -> assertThat(c.file()).matches(".*\\.(txt|md|yaml)"));
    }

    @Test
    void reliabilityDocListsEveryCase() throws Exception {
        String doc = Files.readString(Path.of("docs/reliability.md"));
        assertThat(BadInputs.manifest()).allSatisfy(c -> assertThat(doc).contains("`" + c.file() + "`"));
    }

    @Test
    void readsQuotedCsvFields() {
        assertThat(BadInputs.csv("a.txt,failed,3,\"x, \"\"y\"\" && z\""))
                .containsExactly("a.txt", "failed", "3", "x, \"y\" && z");
    }
}
