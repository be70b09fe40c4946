package org.storygraph.cli;

import java.util.concurrent.Callable;

import org.storygraph.common.InvalidParameterException;
import org.storygraph.common.NotFoundException;
import org.storygraph.feeds.FeedService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code storygraph feeds remove URL}: stops polling; the feed's articles stay in the graph. */
@Command(name = "remove", description = "Stop polling a feed (its articles stay in the graph).")
class FeedsRemoveCommand implements Callable<Integer> {

    private final CliContext cli;

    @Parameters(paramLabel = "URL", description = "the feed's URL, as listed")
    String url;

    FeedsRemoveCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        try {
            cli.bean(FeedService.class).remove(url);
            cli.out().printf("Removed %s%n", url.strip());
            return 0;
        } catch (NotFoundException | InvalidParameterException e) {
            cli.err().println("storygraph feeds remove: " + e.getMessage());
            return 1;
        }
    }
}
