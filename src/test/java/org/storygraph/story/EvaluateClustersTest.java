package org.storygraph.story;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.storygraph.StoryGraphApplication;
import org.storygraph.cli.Cli;

/**
 * The quality benchmark end to end on the UCI dev set (skipped when ../shared is not beside the project): the CLI
 * loads the corpus into a fresh embedded database, clusters it, and its scores reach the targets.
 * docs/benchmarks.md records the figures of the same commands.
 */
class EvaluateClustersTest {

    private static double run(Path predictions, String... extra) {
        List<String> args = new ArrayList<>(List.of("evaluate-clusters", ClusterScoresTest.DEV.toString(),
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
    private static double rescore(Path predictions) throws Exception {
        Map<String, String> truth = EvaluateCommand.readTruth(ClusterScoresTest.DEV.resolve("truth.csv"));
        Map<String, String> predicted = new java.util.HashMap<>();
        List<String> lines = Files.readAllLines(predictions);
        assertThat(lines.getFirst()).isEqualTo("webUrl,cluster");
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = EvaluateCommand.parseCsvLine(line);
            predicted.put(f.get(0), f.get(1));
        }
        assertThat(predicted.keySet()).containsAll(truth.keySet());
        List<String> gold = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        truth.forEach((url, story) -> {
            gold.add(story);
            labels.add(predicted.get(url));
        });
        return ClusterScores.of(gold, labels).f1();
    }

    @Test
    void reachesTheTargetsOnTheDevSetInOneBatchAndInTenRandomBatches() throws Exception {
        assumeTrue(Files.isDirectory(ClusterScoresTest.DEV), "the UCI dev set is not beside the project (../shared)");
        Path dir = Files.createDirectories(Path.of("target", "evaluation"));
        Path one = dir.resolve("predictions-1.csv");
        double f1 = run(one);
        assertThat(f1).isGreaterThanOrEqualTo(0.90);
        assertThat(rescore(one)).isEqualTo(f1, org.assertj.core.api.Assertions.within(5e-5));

        Path ten = dir.resolve("predictions-10.csv");
        double incremental = run(ten, "--batches", "10", "--seed", "1");
        assertThat(incremental).isGreaterThanOrEqualTo(f1 - 0.02);
    }
}
