package org.storygraph.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.storygraph.common.InvalidParameterException;
import org.storygraph.outlets.ImportReport;
import org.storygraph.outlets.OutletImport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code storygraph providers import FILE}: exit 0 when every row was imported, 1 when rows were rejected. */
@Command(name = "import", description = {"Import an outlet file: CSV (header domain,name,country,language,mediaType,"
        + "owner,collections; collections separated by ; or |) or YAML (a list of outlets with the same keys).",
        "Each outlet named gets exactly the metadata and collections the file gives; bad rows are reported by line "
                + "and left out. Exit code 1 when rows were rejected."})
class ProvidersImportCommand implements Callable<Integer> {

    private final CliContext cli;

    @Parameters(paramLabel = "FILE", description = "the outlet file (.csv, .yaml or .yml)")
    Path file;

    ProvidersImportCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            cli.err().println("storygraph providers import: no such file: " + file);
            return Cli.EXIT_USAGE;
        }
        ImportReport report;
        try {
            report = cli.bean(OutletImport.class).importFile(file);
        } catch (InvalidParameterException e) {
            cli.err().println("storygraph providers import: " + file + ": " + e.getMessage());
            return Cli.EXIT_USAGE;
        }
        PrintStream out = cli.out();
        out.printf("Imported %s (%s): %d rows, %d outlets created, %d updated, %d unchanged, %d rejected%n",
                file, report.format(), report.rows(), report.created(), report.updated(), report.unchanged(),
                report.rowsRejected());
        out.printf("Collections (%d, %d new, %d removed): %s%n", report.collections().size(),
                report.collectionsCreated(), report.collectionsRemoved(), String.join(", ", report.collections()));
        report.warnings().forEach(w -> cli.err().println("warning: " + w));
        for (ImportReport.RejectedRow r : report.rejected()) {
            cli.err().printf("line %d%s: %s%n", r.line(), r.field() == null ? "" : " " + r.field(), r.reason());
        }
        return report.rowsRejected() > 0 ? Cli.EXIT_PARTIAL : 0;
    }
}
