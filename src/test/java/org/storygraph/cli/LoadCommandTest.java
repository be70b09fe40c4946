package org.storygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.storygraph.GraphFixtures;
import org.storygraph.StoryGraphApplication;
import org.storygraph.StoryGraphTest;
import org.storygraph.TestDatabase;

/** The CLI in-process: its own context without a web server, against the shared database. */
@StoryGraphTest
class LoadCommandTest {

    @Autowired
    GraphFixtures graph;

    private record Run(int code, String out, String err) {
    }

    private static Run cli(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Cli.run(StoryGraphApplication.class, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void loadsAndPrintsTheReport(@TempDir Path dir) throws Exception {
        graph.clear();
        Files.copy(Path.of("seeds/004_b001c2bd3364b9d0.txt"), dir.resolve("good.txt"));
        Files.writeString(dir.resolve("bad.txt"), "---\ntitle: x\n");
        Run run = cli("load", dir.toString(), "--storygraph.neo4j.uri=" + TestDatabase.boltUri());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("2 read, 1 loaded, 0 unchanged, 1 failed")
                .contains("5 created, 0 updated")
                .contains("bad.txt:1: unterminated front matter");
        assertThat(run.err()).contains("load: 2/2 files (100%)");
        assertThat(graph.count("MATCH (a:Article) RETURN count(a)")).isEqualTo(5);

        Run again = cli("load", dir.resolve("good.txt").toString(), "--json",
                "--storygraph.neo4j.uri=" + TestDatabase.boltUri());
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("\"filesUnchanged\" : 1");
    }

    @Test
    void followsSymbolicLinksNamedOnTheCommandLine(@TempDir Path dir) throws Exception {
        graph.clear();
        Path real = Files.createDirectories(dir.resolve("real"));
        Files.copy(Path.of("seeds/004_b001c2bd3364b9d0.txt"), real.resolve("004.txt"));
        Files.copy(Path.of("seeds/000_a45113e434592cae.txt"), dir.resolve("000.txt"));
        Path folderLink = Files.createSymbolicLink(dir.resolve("folder-link"), real);
        Path fileLink = Files.createSymbolicLink(dir.resolve("file-link.txt"), dir.resolve("000.txt"));

        Run folder = cli("load", folderLink.toString(), "--storygraph.neo4j.uri=" + TestDatabase.boltUri());
        assertThat(folder.code()).isZero();
        assertThat(folder.out()).contains("1 read, 1 loaded").contains("5 created");
        Run file = cli("load", fileLink.toString(), "--storygraph.neo4j.uri=" + TestDatabase.boltUri());
        assertThat(file.code()).isZero();
        assertThat(file.out()).contains("1 read, 1 loaded");
        // the link and the file it names are one file: loading the file itself finds it unchanged
        Run again = cli("load", dir.resolve("000.txt").toString(), "--storygraph.neo4j.uri=" + TestDatabase.boltUri());
        assertThat(again.out()).contains("1 read, 0 loaded, 1 unchanged");
    }

    @Test
    void aLoadOfNoLoadableFileExitsNonZeroNamingThePathsAndPatterns(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.pdf"), "not news");
        Run run = cli("load", dir.toString(), "--storygraph.neo4j.uri=" + TestDatabase.boltUri());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("no loadable file in " + dir).contains("*.md").contains("*.csv")
                .contains("*.jsonl");
    }

    @Test
    void readsCsvColumnsNamedByAMappingFile() {
        graph.clear();
        Path formats = Path.of("src/test/resources/ingest/formats");
        Run run = cli("load", formats.resolve("custom.csv").toString(), "--mapping",
                formats.resolve("custom-mapping.yaml").toString(), "--storygraph.neo4j.uri=" + TestDatabase.boltUri());
        assertThat(run.code()).isEqualTo(1); // one row has no URL
        assertThat(run.out()).contains("1 read, 1 loaded").contains("1 created").contains("items:    1 failed")
                .contains("custom.csv:3: row skipped: missing or empty 'url'")
                .contains("columns ignored (no article field): Notes");
        Run bad = cli("load", formats.resolve("custom.csv").toString(), "--mapping", "no-such-mapping.yaml",
                "--storygraph.neo4j.uri=" + TestDatabase.boltUri());
        assertThat(bad.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(bad.err()).contains("cannot use the mapping file no-such-mapping.yaml");
    }

    @Test
    void saysPlainlyWhenAnotherProcessHoldsTheDatabase(@TempDir Path dir) throws Exception {
        Path lockFile = dir.resolve("data").resolve("databases").resolve("store_lock");
        Files.createDirectories(lockFile.getParent());
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var lock = channel.lock()) {
            Run run = cli("load", "seeds", "--storygraph.neo4j.embedded.data-dir=" + dir);
            assertThat(run.code()).isEqualTo(Cli.EXIT_DATABASE_IN_USE);
            assertThat(run.err()).contains("is in use by another process").contains("/api/ingest")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void answersUsageErrorsWithoutStartingAnything() {
        assertThat(cli("help").code()).isZero();
        assertThat(cli("frobnicate").code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(cli("load", "--storygraph.neo4j.uri=" + TestDatabase.boltUri()).code()).isEqualTo(Cli.EXIT_USAGE);
    }
}
