package org.storygraph.cli;

import java.util.concurrent.Callable;

import org.storygraph.backup.GraphDump;

import picocli.CommandLine.Command;

/** {@code storygraph checksum}: the order-independent checksum a backup and its restore must agree on. */
@Command(name = "checksum", description = "Print an order-independent checksum of the graph's content.")
class ChecksumCommand implements Callable<Integer> {

    private final CliContext cli;

    ChecksumCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        cli.out().println(cli.bean(GraphDump.class).checksum());
        return 0;
    }
}
