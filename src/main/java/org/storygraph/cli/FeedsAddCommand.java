package org.storygraph.cli;

import java.util.concurrent.Callable;

import org.storygraph.common.InvalidParameterException;
import org.storygraph.feeds.FeedService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code storygraph feeds add URL [--every 15m]}. */
@Command(name = "add", description = {"Add a feed, polled from the next tick of the service; for a feed already "
        + "there, change its interval."})
class FeedsAddCommand implements Callable<Integer> {

    private final CliContext cli;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "URL", description = "the feed's http or https URL")
    String url;

    @Option(names = "--every", paramLabel = "INTERVAL",
            description = "polling interval: 90s, 15m, 2h, 1d or ISO-8601 (default storygraph.feeds.default-every, 15m)")
    String every;

    FeedsAddCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        try {
            FeedService.Added added = cli.bean(FeedService.class).add(url, every);
            cli.out().printf("%s %s, every %s%n", added.created() ? "Added" : "Updated", added.feed().url(),
                    added.feed().every());
            return 0;
        } catch (InvalidParameterException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
