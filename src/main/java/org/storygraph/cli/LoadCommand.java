package org.storygraph.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.storygraph.common.Json;
import org.storygraph.ingest.IngestService;
import org.storygraph.ingest.LoadProgress;
import org.storygraph.ingest.LoadReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code storygraph load PATH... [--json]}: loads files and directories, prints progress on stderr and the report on
 * stdout; exits 1 when any file failed.
 */
@Command(name = "load", description = {"Load files or directories (recursively) into the graph.",
        "The report goes to stdout, progress to stderr; exits 1 when some files failed (each with file, line and "
                + "reason in the report), 3 when a running service holds the database (then send the files to its "
                + "POST /api/ingest)."})
class LoadCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "files or directories")
    List<Path> paths;

    @Option(names = "--json", description = "print the report as JSON")
    boolean asJson;

    private final CliContext cli;

    LoadCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        LoadReport report = cli.bean(IngestService.class).load(paths, new LoadProgress.Throttled(2_000) {
            @Override
            protected void print(String line) {
                cli.err().println(line);
            }
        });
        cli.out().print(asJson ? cli.bean(Json.class).write(report) + System.lineSeparator() : report.summary());
        return report.hasFailures() ? Cli.EXIT_PARTIAL : 0;
    }
}
