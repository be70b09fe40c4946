package org.storygraph.clustering;

import java.io.PrintStream;
import java.util.List;

import org.springframework.stereotype.Component;
import org.storygraph.cli.Command;

/**
 * {@code storygraph recluster [--checksum]}: rebuilds every story from scratch, with progress on stderr; with
 * {@code --checksum} it then prints the graph's checksum (see {@code storygraph checksum}).
 */
@Component
class ReclusterCommand implements Command {

    private final StoryClusterer clusterer;
    private final org.storygraph.backup.GraphDump dump;

    ReclusterCommand(StoryClusterer clusterer, org.storygraph.backup.GraphDump dump) {
        this.clusterer = clusterer;
        this.dump = dump;
    }

    @Override
    public String name() {
        return "recluster";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        boolean checksum = args.equals(List.of("--checksum"));
        if (!args.isEmpty() && !checksum) {
            err.println("usage: storygraph recluster [--checksum]");
            return 2;
        }
        StoryClusterer.Result result = clusterer.recluster(err::println);
        out.printf("Reclustered %d articles into %d stories (%d duplicates) in %.1f s%n", result.articles(),
                result.storiesCreated() - result.storiesMerged(), result.duplicates(), result.millis() / 1000.0);
        if (checksum) {
            out.println(dump.checksum());
        }
        return 0;
    }
}
