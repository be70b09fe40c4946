package org.storygraph.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.storygraph.backup.GraphChecksum;
import org.storygraph.backup.GraphDump;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code storygraph export-graph [--out FILE]}: backs up the whole graph as JSON lines; the checksum
 * {@code import-graph} must reproduce goes to stderr.
 */
@Command(name = "export-graph", description = {"Back up the whole graph as JSON lines.",
        "To stdout without --out; its checksum goes to stderr. import-graph restores it."})
class ExportGraphCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "FILE", description = "write the backup to FILE")
    Path file;

    private final CliContext cli;

    ExportGraphCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        GraphDump dump = cli.bean(GraphDump.class);
        try {
            GraphChecksum.Result result;
            if (file == null) {
                BufferedWriter w = new BufferedWriter(new OutputStreamWriter(cli.out(), StandardCharsets.UTF_8));
                result = dump.export(w);
            } else {
                try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    result = dump.export(w);
                }
            }
            cli.err().println("export-graph: checksum " + result);
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
