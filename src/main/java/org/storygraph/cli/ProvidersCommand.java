package org.storygraph.cli;

import picocli.CommandLine.Command;

/** {@code storygraph providers import | list}: outlet metadata and collections of the providers. */
@Command(name = "providers", synopsisSubcommandLabel = "(import | list)",
        subcommands = {ProvidersImportCommand.class, ProvidersListCommand.class},
        description = {"Import outlet metadata (name, country, language, media type, owner, collections) from a CSV "
                + "or YAML file, or list the providers with it.",
                "GET /api/providers and /api/collections show the same; docs/outlets.md has the file formats."})
class ProvidersCommand {
}
