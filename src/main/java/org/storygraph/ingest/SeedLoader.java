package org.storygraph.ingest;

import java.nio.file.Files;
import java.util.List;

import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.storygraph.graph.Neo4jProperties;

/** When the service starts on a graph without articles, loads the seed corpus so there is something to explore. */
@Component
@Profile("!cli")
@Order(0)
class SeedLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

    private final IngestService ingest;
    private final IngestProperties properties;
    private final Driver driver;
    private final String database;

    SeedLoader(IngestService ingest, IngestProperties properties, Driver driver, Neo4jProperties neo4j) {
        this.ingest = ingest;
        this.properties = properties;
        this.driver = driver;
        this.database = neo4j.database();
    }

    @Override
    public void run(ApplicationArguments args) {
        var seeds = properties.seeds();
        if (!seeds.loadWhenEmpty()) {
            return;
        }
        boolean empty;
        try (var session = driver.session(SessionConfig.forDatabase(database))) {
            empty = session.executeRead(tx -> tx.run("MATCH (a:Article) RETURN count(a) = 0 AS empty")
                    .single().get("empty").asBoolean());
        }
        if (!empty) {
            return;
        }
        if (!Files.isDirectory(seeds.dir())) {
            log.warn("The graph is empty and the seed directory {} does not exist; nothing loaded",
                    seeds.dir().toAbsolutePath());
            return;
        }
        log.info("The graph is empty: loading seeds from {}", seeds.dir().toAbsolutePath());
        LoadReport report = ingest.load(List.of(seeds.dir()));
        if (report.hasFailures()) {
            log.warn("Seed load had failures:\n{}", report.summary());
        }
    }
}
