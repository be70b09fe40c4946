package org.storygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.storygraph.GraphFixtures;
import org.storygraph.StoryGraphTest;
import org.storygraph.graph.Graph;

/**
 * The readiness component {@code seedLoad}: out of service before and while a real seed load fills an empty graph,
 * up once it finished (and at once when the graph already holds articles).
 */
@StoryGraphTest
class SeedLoadReadinessTest {

    @Autowired
    IngestService ingest;
    @Autowired
    IngestProperties properties;
    @Autowired
    Graph graph;
    @Autowired
    GraphFixtures fixtures;

    private SeedLoader loader() {
        // the test context loads no seeds by itself; this loader does, as the service's does on an empty graph
        IngestProperties seedsOn = new IngestProperties(properties.maxFileSize(), properties.batchSize(),
                properties.maxAliases(), properties.maxNestingDepth(), properties.include(),
                properties.allowedRoots(), new IngestProperties.Seeds(GraphFixtures.SEEDS, true),
                properties.syncUpload());
        return new SeedLoader(ingest, seedsOn, graph);
    }

    @Test
    void outOfServiceUntilTheSeedLoadFinished() throws InterruptedException {
        fixtures.clear();
        SeedLoader loader = loader();
        SeedLoadHealthIndicator indicator = new SeedLoadHealthIndicator(loader);
        assertThat(indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> loader.run(null));
        Set<String> seen = new LinkedHashSet<>(); // status and detail of every distinct answer while it ran
        while (!run.isDone()) {
            Health h = indicator.health();
            seen.add(h.getStatus().getCode() + " " + h.getDetails().get("seeds"));
            Thread.sleep(5);
        }
        run.join();
        List<String> answers = List.copyOf(seen);
        assertThat(answers).as("answers while loading")
                .anySatisfy(s -> assertThat(s).startsWith("OUT_OF_SERVICE loading from "))
                .allSatisfy(s -> assertThat(s).matches("(OUT_OF_SERVICE (not started|loading from .*)|UP loaded .*)"));
        // up only at the very end: nothing out of service after the first up
        int firstUp = java.util.stream.IntStream.range(0, answers.size())
                .filter(i -> answers.get(i).startsWith("UP")).findFirst().orElse(-1);
        if (firstUp >= 0) {
            assertThat(answers.subList(firstUp, answers.size())).allSatisfy(s -> assertThat(s).startsWith("UP"));
        }

        Health done = indicator.health();
        assertThat(done.getStatus()).isEqualTo(Status.UP);
        assertThat(done.getDetails().get("seeds").toString()).startsWith("loaded ");
        assertThat(fixtures.count("MATCH (a:Article) RETURN count(a)")).isPositive();
        assertThat(fixtures.count("MATCH (s:Story) RETURN count(s)")).as("clustered before ready").isPositive();

        SeedLoader again = loader();
        again.run(null);
        assertThat(new SeedLoadHealthIndicator(again).health().getDetails().get("seeds").toString())
                .startsWith("not needed");
    }
}
