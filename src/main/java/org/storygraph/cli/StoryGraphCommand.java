package org.storygraph.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** {@code storygraph COMMAND}: the command words; {@code storygraph help} lists them. */
@Command(name = "storygraph", synopsisSubcommandLabel = "COMMAND",
        subcommands = {LoadCommand.class, ReclusterCommand.class, EvaluateCommand.class, ExportCommand.class,
                QueryCommand.class, FeedsCommand.class, ProvidersCommand.class, JobsCommand.class,
                ExportGraphCommand.class, ImportGraphCommand.class, ChecksumCommand.class,
                HelpCommand.class},
        description = {"StoryGraph's command line. Without a command, storygraph starts the service (embedded "
                + "Neo4j, REST API and explorer on :8080)."},
        footer = {"",
                "Benchmarks (not in the jar; the ./storygraph script runs them from src/test):",
                "  generate           write a synthetic corpus (and its truth.csv)",
                "  benchmark-cluster  full and incremental clustering times, embedding speed",
                "  benchmark-load     the loader vs naive saves vs bare CREATE",
                "",
                "storygraph COMMAND --help shows a command's options.",
                "Options take --name=value or --name value.",
                "Configuration: --storygraph.neo4j.uri=neo4j://host:7687 etc., or STORYGRAPH_*",
                "environment variables.",
                "Exit codes: 0 done, 1 partial failure (e.g. some files failed to load), 2 usage",
                "error, 3 the embedded database is held by a running service."})
final class StoryGraphCommand {

    /** The benchmark commands, which ./storygraph runs from the test tree ({@code org.storygraph.bench}). */
    static final java.util.List<String> BENCHMARKS = java.util.List.of("generate", "benchmark-cluster",
            "benchmark-load");
}
