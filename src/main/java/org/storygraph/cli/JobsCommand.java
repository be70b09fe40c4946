package org.storygraph.cli;

import picocli.CommandLine.Command;

/** {@code storygraph jobs list | show}: the background jobs recorded in the graph. */
@Command(name = "jobs", synopsisSubcommandLabel = "(list | show)",
        subcommands = {JobsListCommand.class, JobsShowCommand.class},
        description = {"List or show the background jobs (loads, reclusters, exports) recorded in the graph.",
                "The same records as GET /api/jobs; a running service writes their progress."})
class JobsCommand {
}
