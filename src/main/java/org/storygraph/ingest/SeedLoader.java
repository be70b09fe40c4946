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
    /** The start of the outcome of a seed load that threw. */
    static final String FAILED = "failed: ";

    private final Graph graph;
    /** Null until {@link #run} finished: then what it did ("loaded ...", "not needed ...", "failed: ..."). */
    private volatile String outcome;
    private volatile String loading;

    SeedLoader(IngestService ingest, IngestProperties properties, Graph graph) {
        this.ingest = ingest;
        this.properties = properties;
        this.graph = graph;
    }

    /** What the seed load did, or null while it has not finished ({@link SeedLoadHealthIndicator}). */
    String outcome() {
        return outcome;
    }

    /** The seed directory being loaded now, or null. */
    String loading() {
        return loading;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            outcome = load();
        } catch (RuntimeException e) {
            outcome = FAILED + e.getMessage(); // the exception stops start-up; readiness says why meanwhile
            throw e;
        } finally {
            loading = null;
        }
    }

    private String load() {
        var seeds = properties.seeds();
        if (!seeds.loadWhenEmpty()) {
            return "off (storygraph.ingest.seeds.load-when-empty=false)";
        }
        if (graph.exists("MATCH (a:Article) RETURN a LIMIT 1", Map.of())) {
            return "not needed: the graph holds articles";
        }
        if (!Files.isDirectory(seeds.dir())) {
            log.warn("The graph is empty and the seed directory {} does not exist; nothing loaded",
                    seeds.dir().toAbsolutePath());
            return "no seed directory " + seeds.dir().toAbsolutePath();
        }
        log.info("The graph is empty: loading seeds from {}", seeds.dir().toAbsolutePath());
        loading = seeds.dir().toAbsolutePath().toString();
        LoadReport report = ingest.load(List.of(seeds.dir()));
        if (report.filesRead() == 0 && report.filesFailed() == 0) {
            log.warn("The seed directory {} holds no loadable file (include patterns {}); nothing loaded",
                    seeds.dir().toAbsolutePath(), String.join(" ", properties.include()));
        }
        if (report.hasFailures()) {
            log.warn("Seed load had failures:\n{}", report.summary());
        }
        return "loaded " + (report.articlesCreated() + report.articlesUpdated()) + " articles from "
                + report.filesLoaded() + " files (load " + report.id() + ")";
    }
}
