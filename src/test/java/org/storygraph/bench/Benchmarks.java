package org.storygraph.bench;

import org.storygraph.StoryGraphApplication;
import org.storygraph.cli.Cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The benchmark commands, which live in the test tree and not in the application jar: {@code generate},
 * {@code benchmark-cluster}, {@code benchmark-load} and {@code benchmark-bolt}. The {@code storygraph} script runs
 * them on the test class path ({@code ./storygraph generate ...}); they parse and run like the jar's commands (see
 * {@link Cli}).
 */
@Command(name = "storygraph", synopsisSubcommandLabel = "COMMAND",
        subcommands = {GenerateCommand.class, ClusterBenchmarkCommand.class, LoadBenchmarkCommand.class,
                BoltBenchmarkCommand.class,
                HelpCommand.class},
        description = "StoryGraph's benchmarks and corpus generator (run from the test tree; see docs/benchmarks.md).",
        footer = {"", "storygraph COMMAND --help shows a command's options; options take --name=value or --name value.",
                "Configuration: --storygraph.neo4j.embedded.data-dir=DIR (an empty one, kept afterwards) etc."})
public final class Benchmarks {

    public static void main(String[] args) {
        System.exit(Cli.run(new Benchmarks(), StoryGraphApplication.class, args, System.out, System.err));
    }
}
