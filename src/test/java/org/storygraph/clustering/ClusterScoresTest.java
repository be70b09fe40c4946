package org.storygraph.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ClusterScoresTest {

    static final Path DEV = Path.of("../shared/datasets/uci-news-dev");

    @Test
    void perfectAndTrivialClusterings() {
        List<String> gold = List.of("a", "a", "b", "b", "b");
        ClusterScores perfect = ClusterScores.of(gold, List.of("x", "x", "y", "y", "y"));
        assertThat(perfect.f1()).isEqualTo(1.0);
        assertThat(perfect.ari()).isCloseTo(1.0, within(1e-12));
        assertThat(perfect.nmi()).isCloseTo(1.0, within(1e-12));
        ClusterScores one = ClusterScores.of(gold, List.of("x", "x", "x", "x", "x"));
        // precision = (2*2/5 + 3*3/5)/5 = 13/25
        assertThat(one.precision()).isCloseTo(13.0 / 25, within(1e-12));
        assertThat(one.recall()).isEqualTo(1.0);
    }

    /** The reference rows of the dataset README, recomputed from truth.csv and the files' categories. */
    @Test
    void reproducesTheDatasetReadmeBaselines() throws Exception {
        assumeTrue(Files.isDirectory(DEV), "the UCI dev set is not beside the project (../shared)");
        Map<String, String> truth = EvaluateCommand.readTruth(DEV.resolve("truth.csv"));
        Map<String, String> category = new java.util.HashMap<>();
        try (var files = Files.list(DEV)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("uci_")).toList()) {
                String text = Files.readString(f);
                String url = text.replaceAll("(?s).*\nwebUrl: \"([^\"]*)\".*", "$1");
                String cat = text.replaceAll("(?s).*\ncategory: ([^\n]*)\n.*", "$1");
                category.put(url, cat);
            }
        }
        List<String> gold = new ArrayList<>(truth.values());
        List<String> alone = new ArrayList<>(truth.keySet());
        List<String> byCategory = truth.keySet().stream().map(category::get).toList();

        ClusterScores singletons = ClusterScores.of(gold, alone);
        assertThat(singletons.precision()).isEqualTo(1.0);
        assertThat(singletons.recall()).isCloseTo(0.0121, within(5e-5));
        assertThat(singletons.f1()).isCloseTo(0.0238, within(5e-5));
        assertThat(singletons.nmi()).isCloseTo(0.5895, within(5e-5));

        ClusterScores categories = ClusterScores.of(gold, byCategory);
        assertThat(categories.precision()).isCloseTo(0.1300, within(5e-5));
        assertThat(categories.recall()).isEqualTo(1.0);
        assertThat(categories.f1()).isCloseTo(0.2300, within(5e-5));
        assertThat(categories.ari()).isCloseTo(0.1496, within(5e-5));
        assertThat(categories.nmi()).isCloseTo(0.4926, within(5e-5));
    }
}
