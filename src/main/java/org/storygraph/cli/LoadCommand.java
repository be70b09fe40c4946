package org.storygraph.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.storygraph.common.Json;
import org.storygraph.ingest.ColumnMapping;
import org.storygraph.ingest.IngestService;
import org.storygraph.ingest.LoadProgress;
import org.storygraph.ingest.LoadReport;
import org.storygraph.jobs.JobKind;
import org.storygraph.jobs.JobService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code storygraph load PATH... [--mapping FILE] [--json]}: loads files and directories, prints progress on stderr
 * and the report on stdout; exits 1 when any file or item failed, or when the paths held no loadable file.
 */
@Command(name = "load", description = {"Load files or directories (recursively) into the graph.",
        "Formats: YAML front matter (.md, .txt, .yaml), CSV (.csv), JSON Lines (.jsonl, .ndjson).",
        "Symbolic links named as PATH are followed. The report goes to stdout, progress to stderr; exits 1 when some "
                + "files or items failed (each with file, line and reason in the report) or when the paths held no "
                + "loadable file, 3 when a running service holds the database (then send the files to its "
                + "POST /api/ingest)."})
class LoadCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "files or directories")
    List<Path> paths;

    @Option(names = "--json", description = "print the report as JSON")
    boolean asJson;

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "YAML file naming the CSV columns (or JSON keys) of the article fields, e.g. 'title: Headline'")
    Path mapping;

    private final CliContext cli;

    LoadCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        ColumnMapping columns = ColumnMapping.BUILT_IN;
        if (mapping != null) {
            try {
                columns = ColumnMapping.read(mapping);
            } catch (IOException | IllegalArgumentException e) {
                cli.err().println("storygraph load: cannot use the mapping file " + mapping + ": " + e.getMessage());
                return Cli.EXIT_USAGE;
            }
        }
        IngestService ingest = cli.bean(IngestService.class);
        ColumnMapping mapped = columns;
        // recorded as a job (storygraph jobs list), run here in this process
        LoadReport report = cli.bean(JobService.class).runHere(JobKind.INGEST, "files",
                Map.of("paths", paths.stream().map(Path::toString).toList(), "from", "cli"), job -> {
                    LoadProgress.Throttled printed = new LoadProgress.Throttled(2_000) {
                        @Override
                        protected void print(String line) {
                            cli.err().println(line);
                        }
                    };
                    return ingest.load(paths, (done, total, articles) -> {
                        printed.update(done, total, articles);
                        job.progress(done, total);
                    }, mapped);
                });
        cli.out().print(asJson ? cli.bean(Json.class).write(report) + System.lineSeparator() : report.summary());
        if (report.filesRead() == 0 && report.filesFailed() == 0) {
            cli.err().println("storygraph load: no loadable file in " + paths.stream().map(Path::toString)
                    .collect(Collectors.joining(", ")) + " (files taken from folders: "
                    + String.join(" ", ingest.includePatterns()) + ")");
            return Cli.EXIT_PARTIAL;
        }
        return report.hasFailures() ? Cli.EXIT_PARTIAL : 0;
    }
}
