package org.storygraph.cli;

import picocli.CommandLine.Command;

/** {@code storygraph feeds add | list | remove}: the RSS and Atom feeds the service polls. */
@Command(name = "feeds", synopsisSubcommandLabel = "(add | list | remove)",
        subcommands = {FeedsAddCommand.class, FeedsListCommand.class, FeedsRemoveCommand.class},
        description = {"Add, list or remove the RSS and Atom feeds the service polls.",
                "The running service polls them (storygraph.feeds.*); GET /api/feeds shows their state."})
class FeedsCommand {
}
