package org.storygraph.ingest;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.storygraph.graph.Graph;

/** When the service starts on a graph without articles, loads the seed corpus so there is something to explore. */
@Component
@Profile("!cli")
@Order(0)
class SeedLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

    private final IngestService ingest;
    private final IngestProperties properties;
    private final Graph graph;

    SeedLoader(IngestService ingest, IngestProperties properties, Graph graph) {
        this.ingest = ingest;
        this.properties = properties;
        this.graph = graph;
    }

    @Override
    public void run(ApplicationArguments args) {
        var seeds = properties.seeds();
        if (!seeds.loadWhenEmpty()) {
            return;
        }
        if (graph.exists("MATCH (a:Article) RETURN a LIMIT 1", Map.of())) {
            return;
        }
        if (!Files.isDirectory(seeds.dir())) {
            log.warn("The graph is empty and the seed directory {} does not exist; nothing loaded",
                    seeds.dir().toAbsolutePath());
            return;
        }
        log.info("The graph is empty: loading seeds from {}", seeds.dir().toAbsolutePath());
        LoadReport report = ingest.load(List.of(seeds.dir()));
        if (report.filesRead() == 0 && report.filesFailed() == 0) {
            log.warn("The seed directory {} holds no loadable file (include patterns {}); nothing loaded",
                    seeds.dir().toAbsolutePath(), String.join(" ", properties.include()));
        }
        if (report.hasFailures()) {
            log.warn("Seed load had failures:\n{}", report.summary());
        }
    }
}
