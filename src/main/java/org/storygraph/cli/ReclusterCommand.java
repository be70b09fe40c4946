package org.storygraph.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import org.storygraph.backup.GraphDump;
import org.storygraph.clustering.StoryClusterer;
import org.storygraph.jobs.JobKind;
import org.storygraph.jobs.JobService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code storygraph recluster [--checksum]}: rebuilds every story from scratch, with progress on stderr; with
 * {@code --checksum} it then prints the graph's checksum (see {@code storygraph checksum}).
 */
@Command(name = "recluster", description = "Rebuild every story from scratch (progress on stderr).")
class ReclusterCommand implements Callable<Integer> {

    @Option(names = "--checksum", description = "then print the graph's checksum (as storygraph checksum does)")
    boolean checksum;

    private final CliContext cli;

    ReclusterCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        StoryClusterer clusterer = cli.bean(StoryClusterer.class);
        // recorded as a job (storygraph jobs list), run here in this process
        StoryClusterer.Result result = cli.bean(JobService.class).runHere(JobKind.RECLUSTER, "articles",
                Map.of("from", "cli"), job -> clusterer.recluster(cli.err()::println, job::progress));
        cli.out().printf("Reclustered %d articles into %d stories (%d duplicates) in %.1f s (run %s)%n",
                result.articles(), result.storiesCreated() - result.storiesMerged(), result.duplicates(),
                result.millis() / 1000.0, result.runId());
        if (checksum) {
            cli.out().println(cli.bean(GraphDump.class).checksum());
        }
        return 0;
    }
}
