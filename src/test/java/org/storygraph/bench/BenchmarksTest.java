package org.storygraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storygraph.StoryGraphApplication;
import org.storygraph.clustering.LabelFiles;
import org.storygraph.cli.Cli;

/** The benchmarks' entry point (what ./storygraph generate, benchmark-cluster, benchmark-load run): no database. */
class BenchmarksTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Cli.run(new Benchmarks(), StoryGraphApplication.class, args,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void generatesACorpusWithItsGoldStories(@TempDir Path dir) throws Exception {
        Run run = run("generate", "--articles=1_00", "--seed", "1", "--out", dir.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Generated 100 articles in ");
        assertThat(Files.readAllLines(dir.resolve("truth.csv"))).hasSize(101).first().isEqualTo("webUrl,story");
        assertThat(Files.readString(dir.resolve("truth.csv"))).endsWith("\r\n");
        Map<String, String> truth = LabelFiles.read(dir.resolve("truth.csv"));
        assertThat(truth).hasSize(100);
        assertThat(truth.keySet()).allSatisfy(url -> assertThat(url).startsWith("http"));
        assertThat(truth.values()).doesNotContain("");
        try (var files = Files.list(dir.resolve("0000"))) {
            assertThat(files.count()).isEqualTo(100);
        }
    }

    @Test
    void listsAndDescribesTheBenchmarks() {
        Run help = run("help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("generate", "benchmark-cluster", "benchmark-load", "benchmark-bolt");
        Run cluster = run("benchmark-cluster", "--help");
        assertThat(cluster.out()).contains("usage: storygraph benchmark-cluster", "--articles=N", "--incremental=M",
                "(default 100000)");
    }

    @Test
    void refusesBadValuesBeforeStartingADatabase() {
        Run generate = run("generate", "--articles", "0", "--out", "x");
        assertThat(generate.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(generate.err()).contains("--articles must be at least 1");
        assertThat(run("generate", "--out", "x").err()).contains("Missing required option: '--articles=N'");
        Run load = run("benchmark-load", "--naive", "lots");
        assertThat(load.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(load.err()).contains("Invalid value for option '--naive'", "'lots'");
        assertThat(run("benchmark-cluster", "--frobnicate").err()).contains("Unknown option: '--frobnicate'");
        Run bolt = run("benchmark-bolt", "--uri", "bolt://127.0.0.1:1", "--threads", "0");
        assertThat(bolt.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(bolt.err()).contains("--threads must be at least 1");
    }
}
