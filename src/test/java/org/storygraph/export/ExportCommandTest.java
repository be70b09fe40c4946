package org.storygraph.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.storygraph.GraphFixtures;
import org.storygraph.StoryGraphApplication;
import org.storygraph.StoryGraphTest;
import org.storygraph.TestDatabase;
import org.storygraph.cli.Cli;
import org.storygraph.coverage.CoverageService;

/** {@code storygraph export} in-process: its own context without a web server, against the shared database. */
@StoryGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportCommandTest {

    @Autowired
    GraphFixtures graph;
    @Autowired
    Neo4jClient client;
    @Autowired
    CoverageService coverage;

    /** First of the seeds' largest story, "protests": 06-16T15:30 wbur.org, 23:27 wpxi.com, 06-17T11:00 thehill.com. */
    static final String HERE_AND_NOW = "https://wbur.org/hereandnow/2020/06/16/police-face-recognition-tech";

    private String protests;

    @BeforeAll
    void seeds() {
        graph.seeds();
        protests = client.query("MATCH (:Article {url: $u})-[:IN_STORY]->(s:Story) RETURN s.id")
                .bind(HERE_AND_NOW).to("u").fetchAs(String.class).one().orElseThrow();
    }

    private record Run(int code, String out, String err) {
    }

    private static Run cli(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Cli.run(StoryGraphApplication.class, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String db() {
        return "--storygraph.neo4j.uri=" + TestDatabase.boltUri();
    }

    @Test
    void exportsAStoryToAFileAndASpanAndTheLeadLagNetworkToStdout(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out").resolve("story.gexf");
        Run story = cli("export", "--story=" + protests, "--format=gexf", "--out", file.toString(), db());
        assertThat(story.code()).as(story.err()).isZero();
        assertThat(story.out()).isEmpty();
        assertThat(story.err()).contains("story " + protests).contains(file.toAbsolutePath().toString());
        long members = graph.count("MATCH (:Story {id: '" + protests + "'})<-[:IN_STORY]-(a) RETURN count(a)");
        assertThat(members).isEqualTo(3);
        Imported gexf = Imported.gexf(Files.readString(file));
        assertThat(gexf.nodeCounts()).containsEntry("article", members).containsEntry("story", 1L);
        assertThat(dir.resolve("out")).isDirectoryNotContaining("glob:**.partial");

        Run span = cli("export", "--from", "2020-06-10", "--to", "2020-06-20", "--format", "graphml", db());
        assertThat(span.code()).as(span.err()).isZero();
        long articles = graph.count("""
                MATCH (a:Article) WHERE a.publishedAt >= datetime('2020-06-10T00:00:00Z')
                  AND a.publishedAt < datetime('2020-06-20T00:00:00Z') RETURN count(a)""");
        assertThat(Imported.graphml(span.out()).nodeCounts()).containsEntry("article", articles);

        Run leadLag = cli("export", "--leadlag", "--format", "CSV", db());
        assertThat(leadLag.code()).as(leadLag.err()).isZero();
        List<Map<String, String>> rows = Csv.records(leadLag.out());
        // one edge per ordered pair of a story's providers, earlier to later: 3 in the protests story and 1 in
        // each of the five two-provider stories, all pairs distinct
        assertThat(rows).hasSize(coverage.leadLag(null, null, 1, 100_000).edges().size()).hasSize(8);

        // stories overlapping [06-16T00:00, 06-16T16:00): only the protests story (15:30 .. 06-17T11:00); the
        // bizjournals/geekwire story begins at 16:30, just after the window; the others lie wholly before or after it
        Run windowed = cli("export", "--leadlag", "--from", "2020-06-16", "--to", "2020-06-16T16:00", "--min-shared",
                "1", db());
        assertThat(windowed.code()).as(windowed.err()).isZero();
        List<Map<String, String>> window = Csv.records(windowed.out());
        assertThat(window).hasSize(3);
        // lags in minutes: wpxi 477 after wbur, thehill 1170 after wbur and 1170 - 477 = 693 after wpxi
        assertThat(window.stream().map(r -> r.get("Source") + " " + r.get("Target") + " "
                + Double.parseDouble(r.get("medianLagMinutes"))).toList()).containsExactlyInAnyOrder(
                "wbur.org wpxi.com 477.0", "wbur.org thehill.com 1170.0", "wpxi.com thehill.com 693.0");
    }

    @Test
    void answersUsageErrorsAndUnknownStories() {
        Run unknown = cli("export", "--story", "nope", db());
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("no story with id 'nope'");
        for (String[] args : List.of(new String[] {"export"}, new String[] {"export", "--from", "2020-06-10"},
                new String[] {"export", "--story", "x", "--leadlag"},
                new String[] {"export", "--story", "x", "--from", "2020-06-10"},
                new String[] {"export", "--from", "2020-06-20", "--to", "2020-06-10"},
                new String[] {"export", "--from", "yesterday", "--to", "2020-06-10"},
                new String[] {"export", "--leadlag", "--format", "xlsx"},
                new String[] {"export", "--leadlag", "--min-shared", "0"},
                new String[] {"export", "--story"},
                new String[] {"export", "--leadlag", "--frobnicate"})) {
            String[] withDb = java.util.Arrays.copyOf(args, args.length + 1);
            withDb[args.length] = db();
            Run run = cli(withDb);
            assertThat(run.code()).as(String.join(" ", args)).isEqualTo(Cli.EXIT_USAGE);
            assertThat(run.err()).as(String.join(" ", args)).contains("usage: storygraph export");
        }
    }

    @Test
    void pointsAtTheServiceWhenItHoldsTheDatabase(@TempDir Path dir) throws Exception {
        Path lockFile = dir.resolve("data").resolve("databases").resolve("store_lock");
        Files.createDirectories(lockFile.getParent());
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var lock = channel.lock()) {
            Run run = cli("export", "--leadlag", "--storygraph.neo4j.embedded.data-dir=" + dir);
            assertThat(run.code()).isEqualTo(Cli.EXIT_DATABASE_IN_USE);
            assertThat(run.err()).contains("is in use by another process").contains("/api/export")
                    .doesNotContain("/api/ingest").doesNotContain("Exception");
        }
    }
}
