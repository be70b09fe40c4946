package org.storygraph.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

import org.storygraph.feeds.FeedService;
import org.storygraph.feeds.FeedView;

import picocli.CommandLine.Command;

/** {@code storygraph feeds list}: each feed with its interval and last poll. */
@Command(name = "list", description = "The feeds with their interval, last fetch, status, error and article count.")
class FeedsListCommand implements Callable<Integer> {

    private final CliContext cli;

    FeedsListCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        List<FeedView> feeds = cli.bean(FeedService.class).list();
        PrintStream out = cli.out();
        for (FeedView f : feeds) {
            out.printf("%s%n    every %s, last fetch %s, status %s, %d articles, next fetch %s%s%n", f.url(),
                    f.every(), f.lastFetchAt() == null ? "never" : f.lastFetchAt(),
                    f.lastStatus() == null ? "-" : f.lastStatus(), f.articles(), f.nextFetchAt(),
                    f.lastError() == null ? "" : String.format("%n    error (%d in a row): %s", f.failures(),
                            f.lastError()));
        }
        out.printf("(%d feeds)%n", feeds.size());
        return 0;
    }
}
