package org.storygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.storygraph.clustering.LabelFiles;
import org.storygraph.StoryGraphApplication;
import org.storygraph.clustering.ClusterScores;

/**
 * The quality benchmark end to end on both dev sets (skipped when ../shared is not beside the project): the CLI
 * loads a corpus into a fresh embedded database, clusters it in one batch and in ten random batches, and its scores
 * stay at the figures docs/benchmarks.md records for the same commands (a floor a little below them, so that a
 * regression fails and noise does not), with the incremental result within 0.02 of the single batch; and the gold
 * labels as the command reads them reproduce the dataset README's baselines.
 */
class EvaluateClustersTest {

    static final Path DEV = Path.of("../shared/datasets/uci-news-dev");
    static final Path EMERGENT = DEV.resolveSibling("emergent-dev");
    static final Path UCI_EVENTS = DEV.resolve("truth-events.csv");

    private static double run(Path dir, Path truth, Path predictions, String... extra) {
        List<String> args = new ArrayList<>(List.of("evaluate-clusters", dir.toString(), "--truth", truth.toString(),
                "--out", predictions.toString()));
        args.addAll(List.of(extra));
        var out = new ByteArrayOutputStream();
        int code = Cli.run(StoryGraphApplication.class, args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("bcubed_f1=([0-9.]+)").matcher(printed);
        assertThat(m.find()).as(printed).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** Scores the written predictions file independently of the command's own computation. */
    private static double rescore(Path truthFile, Path predictions) throws Exception {
        Map<String, String> truth = LabelFiles.read(truthFile);
        assertThat(Files.readAllLines(predictions).getFirst()).isEqualTo("webUrl,cluster");
        Map<String, String> predicted = LabelFiles.read(predictions);
        assertThat(predicted.keySet()).containsAll(truth.keySet());
        List<String> gold = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        truth.forEach((url, story) -> {
            gold.add(story);
            labels.add(predicted.get(url));
        });
        return ClusterScores.of(gold, labels).f1();
    }

    private static void check(Path dir, Path truth, double floor) throws Exception {
        assumeTrue(Files.isDirectory(dir), dir + " is not beside the project (../shared)");
        Path out = Files.createDirectories(Path.of("target", "evaluation"));
        String name = dir.getFileName().toString();
        Path one = out.resolve(name + "-1.csv");
        double f1 = run(dir, truth, one);
        assertThat(f1).isGreaterThanOrEqualTo(floor);
        assertThat(rescore(truth, one)).isEqualTo(f1, within(5e-5));

        Path ten = out.resolve(name + "-10.csv");
        double incremental = run(dir, truth, ten, "--batches", "10", "--seed", "1");
        assertThat(incremental).isCloseTo(f1, within(0.02));
    }

    @Test
    void denseSameDayNewsAgainstEventLabels() throws Exception {
        check(DEV, UCI_EVENTS, 0.88);
    }

    @Test
    void storiesThatRunForWeeks() throws Exception {
        check(EMERGENT, EMERGENT.resolve("truth.csv"), 0.93);
    }

    /** The reference rows of the dataset README, recomputed from truth.csv and the files' categories. */
    @Test
    void reproducesTheDatasetReadmeBaselines() throws Exception {
        assumeTrue(Files.isDirectory(DEV), "the UCI dev set is not beside the project (../shared)");
        Map<String, String> truth = LabelFiles.read(DEV.resolve("truth.csv"));
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
