package org.storygraph.cli;

import picocli.CommandLine.Command;

/** {@code storygraph query list | run}: the saved Cypher queries from the command line. */
@Command(name = "query", synopsisSubcommandLabel = "(list | run)",
        subcommands = {QueryListCommand.class, QueryRunCommand.class},
        description = {"List or run the saved Cypher queries (read-only, time-limited).",
                "The same queries and checks as over HTTP (GET /api/queries)."})
class QueryCommand {
}
