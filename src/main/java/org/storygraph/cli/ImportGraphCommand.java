package org.storygraph.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.storygraph.backup.GraphChecksum;
import org.storygraph.backup.GraphDump;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code storygraph import-graph FILE}: restores a backup of export-graph into an empty database. */
@Command(name = "import-graph", description = "Restore a backup of export-graph into an empty database.")
class ImportGraphCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the backup, JSON lines")
    Path file;

    private final CliContext cli;

    ImportGraphCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        GraphDump dump = cli.bean(GraphDump.class);
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            GraphChecksum.Result result = dump.restore(r);
            cli.out().println("import-graph: checksum " + result);
            return 0;
        } catch (IllegalStateException | IllegalArgumentException e) {
            cli.err().println("import-graph: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
