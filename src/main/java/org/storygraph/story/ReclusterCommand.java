package org.storygraph.story;

import java.io.PrintStream;
import java.util.List;

import org.springframework.stereotype.Component;
import org.storygraph.cli.Command;

/** {@code storygraph recluster}: rebuilds every story from scratch, with progress on stderr. */
@Component
class ReclusterCommand implements Command {

    private final StoryClusterer clusterer;

    ReclusterCommand(StoryClusterer clusterer) {
        this.clusterer = clusterer;
    }

    @Override
    public String name() {
        return "recluster";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            err.println("usage: storygraph recluster");
            return 2;
        }
        StoryClusterer.Result result = clusterer.recluster(err::println);
        out.printf("Reclustered %d articles into %d stories (%d duplicates) in %.1f s%n", result.articles(),
                result.storiesCreated() - result.storiesMerged(), result.duplicates(), result.millis() / 1000.0);
        return 0;
    }
}
