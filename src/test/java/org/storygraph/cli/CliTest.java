package org.storygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storygraph.StoryGraphApplication;

/**
 * Parsing, help and usage errors, all answered before any application context starts. Every run points the
 * embedded database at a directory another process holds: a command that started its context would exit 3.
 */
class CliTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err, long millis) {
    }

    private Run cli(String... args) throws Exception {
        Path lockFile = dir.resolve("data").resolve("databases").resolve("store_lock");
        Files.createDirectories(lockFile.getParent());
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var lock = channel.lock()) {
            String[] all = java.util.Arrays.copyOf(args, args.length + 1);
            all[args.length] = "--storygraph.neo4j.embedded.data-dir=" + dir;
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            long started = System.nanoTime();
            int code = Cli.run(StoryGraphApplication.class, all, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private List<String> commands;

    @BeforeEach
    void commands() {
        var context = new CliContext(StoryGraphApplication.class, List.of(), System.out, System.err);
        commands = List.copyOf(Cli.commandLine(new StoryGraphCommand(), context).getSubcommands().keySet());
    }

    @Test
    void helpListsEveryCommandAndTheBenchmarks() throws Exception {
        assertThat(commands).contains("load", "recluster", "evaluate-clusters", "export", "query", "export-graph",
                "import-graph", "checksum", "help");
        for (String help : List.of("help", "--help", "-h")) {
            Run run = cli(help);
            assertThat(run.code()).as(help).isZero();
            assertThat(run.err()).as(help).isEmpty();
            assertThat(run.out()).as(help).startsWith("usage: storygraph");
            for (String command : commands) {
                assertThat(run.out()).as(help).containsPattern("(?m)^  " + command + " ");
            }
            assertThat(run.out()).contains("generate", "benchmark-cluster", "benchmark-load", "--name=value",
                    "storygraph COMMAND --help");
        }
    }

    @Test
    void everyCommandDescribesItselfWithoutStartingTheDatabase() throws Exception {
        Run export = cli("export", "--help");
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).startsWith("usage: storygraph export")
                .contains("--story=ID", "--from=T", "--to=T", "--leadlag", "--min-shared=N", "--limit=N",
                        "--format=FORMAT", "csv, json, graphml or gexf (default csv)", "--out=FILE");
        assertThat(export.millis()).isLessThan(5_000);
        assertThat(cli("help", "export").out()).isEqualTo(export.out());
        for (String command : commands) {
            Run run = cli(command, "--help");
            assertThat(run.code()).as(command).isZero();
            assertThat(run.out()).as(command).contains("usage: storygraph " + command);
        }
        Run queryRun = cli("query", "run", "--help");
        assertThat(queryRun.code()).isZero();
        assertThat(queryRun.out()).contains("usage: storygraph query run", "--param=NAME=VALUE",
                "table, json, csv (default table)");
    }

    @Test
    void unknownCommandsAndOptionsAreUsageErrors() throws Exception {
        Run command = cli("frobnicate");
        assertThat(command.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(command.err()).startsWith("storygraph: unknown command 'frobnicate'").contains("usage: storygraph");

        Run option = cli("export", "--leadlag", "--frobnicate");
        assertThat(option.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(option.err()).startsWith("storygraph export: Unknown option: '--frobnicate'")
                .contains("usage: storygraph export");

        Run subcommand = cli("query");
        assertThat(subcommand.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(subcommand.err()).contains("storygraph query: Missing required subcommand", "list", "run");
        assertThat(cli("query", "run").code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(cli("load").err()).contains("Missing required parameter: 'PATH'");
    }

    @Test
    void badValuesNameTheOption() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("truth.csv"), "webUrl,story\n");
        Run batches = cli("evaluate-clusters", corpus.toString(), "--batches", "x");
        assertThat(batches.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(batches.err()).startsWith("storygraph evaluate-clusters: Invalid value for option '--batches': "
                + "must be a positive whole number, not 'x'").contains("usage: storygraph evaluate-clusters");
        assertThat(cli("evaluate-clusters", corpus.toString(), "--batches=0").err())
                .contains("'--batches': must be a positive whole number, not '0'");
        assertThat(cli("evaluate-clusters", corpus.toString(), "--errors", "many").err())
                .contains("Invalid value for option '--errors': 'many' is not an int");
        Run truth = cli("evaluate-clusters", dir.resolve("nowhere").toString());
        assertThat(truth.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(truth.err()).contains("the gold labels " + dir.resolve("nowhere").resolve("truth.csv")
                + " must exist");

        Run format = cli("export", "--leadlag", "--format=xlsx");
        assertThat(format.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(format.err()).contains("Invalid value for option '--format': expected csv, json, graphml or gexf, "
                + "not 'xlsx'");
        assertThat(cli("export", "--from", "yesterday", "--to", "2020-06-10").err())
                .contains("Invalid value for option '--from': expected an ISO-8601 date or date-time such as 2020-06-11");
        assertThat(cli("export", "--leadlag", "--min-shared=0").err())
                .contains("Invalid value for option '--min-shared': must be a positive whole number, not '0'");
        assertThat(cli("query", "run", "largest-stories", "--format", "xml").err())
                .contains("Invalid value for option '--format'", "table, json, csv");
        assertThat(cli("query", "run", "largest-stories", "--param", "limit").err())
                .contains("--param", "KEY=VALUE");
    }

    @Test
    void commandsThatGetPastParsingMeetTheHeldDatabase() throws Exception {
        // both option forms parse; the command then starts its context on the held database and says so
        for (String[] args : List.of(new String[] {"export", "--leadlag", "--format=gexf"},
                new String[] {"export", "--leadlag", "--format", "GEXF"})) {
            Run run = cli(args);
            assertThat(run.code()).as(String.join(" ", args)).isEqualTo(Cli.EXIT_DATABASE_IN_USE);
            assertThat(run.err()).contains("is in use by another process");
        }
    }

    @Test
    void springPropertiesAreNotCommandOptions() {
        assertThat(Cli.isPropertyOption("--storygraph.neo4j.uri=neo4j://x:7687")).isTrue();
        assertThat(Cli.isPropertyOption("--logging.level.org.storygraph=DEBUG")).isTrue();
        assertThat(Cli.isPropertyOption("--format=gexf")).isFalse();
        assertThat(Cli.isPropertyOption("--out=/tmp/a.b")).isFalse();
        assertThat(Cli.isCommandLine(new String[] {"--help"})).isTrue();
        assertThat(Cli.isCommandLine(new String[] {"load", "seeds"})).isTrue();
        assertThat(Cli.isCommandLine(new String[] {"--server.port=8081"})).isFalse();
        assertThat(Cli.isCommandLine(new String[0])).isFalse();
    }
}
