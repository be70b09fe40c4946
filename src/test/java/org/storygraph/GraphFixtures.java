package org.storygraph;

import java.nio.file.Path;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.storygraph.graph.GraphChanged;
import org.storygraph.ingest.IngestService;
import org.storygraph.ingest.LoadReport;

/** Arranges the shared test graph: empty, or holding exactly the seeds. */
@Component
public class GraphFixtures {

    public static final Path SEEDS = Path.of("seeds");

    private final Neo4jClient client;
    private final IngestService ingest;
    private final ApplicationEventPublisher events;

    GraphFixtures(Neo4jClient client, IngestService ingest, ApplicationEventPublisher events) {
        this.client = client;
        this.ingest = ingest;
        this.events = events;
    }

    /** Deletes all data; the schema and the record of applied migrations stay. */
    public void clear() {
        client.query("MATCH (n) WHERE NOT n:__StoryGraphMigration DETACH DELETE n")
                .run();
        events.publishEvent(new GraphChanged("test fixture"));
    }

    public LoadReport seeds() {
        clear();
        return ingest.load(List.of(SEEDS));
    }

    public long count(String cypher) {
        return client.query(cypher).fetchAs(Long.class).one().orElseThrow();
    }
}
