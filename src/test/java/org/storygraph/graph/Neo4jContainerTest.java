package org.storygraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.storygraph.ingest.IngestService;
import org.storygraph.ingest.LoadReport;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * The core checks against a real Neo4j server in a container, through the same server-mode configuration
 * docker-compose.yml uses (URI, username, password). Skipped cleanly where no Docker engine exists, as on the
 * development and CI machines of this project; the same checks run on the embedded database in SeedIngestTest.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = "storygraph.ingest.seeds.load-when-empty=false")
class Neo4jContainerTest {

    @Container
    static final Neo4jContainer NEO4J = new Neo4jContainer("neo4j:2026.08.1-community")
            .withAdminPassword("storygraph-test-password");

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        registry.add("storygraph.neo4j.uri", NEO4J::getBoltUrl);
        registry.add("storygraph.neo4j.username", () -> "neo4j");
        registry.add("storygraph.neo4j.password", NEO4J::getAdminPassword);
    }

    @Autowired
    IngestService ingest;
    @Autowired
    Neo4jClient client;

    @Test
    void loadsTheSeedsIntoAServer() {
        LoadReport report = ingest.load(List.of(java.nio.file.Path.of("seeds")));
        assertThat(report.filesLoaded()).isEqualTo(5);
        assertThat(client.query("MATCH (a:Article) RETURN count(a)").fetchAs(Long.class).one()).contains(27L);
        assertThat(client.query("MATCH (p:Provider) RETURN count(p)").fetchAs(Long.class).one()).contains(25L);
        assertThat(client.query("MATCH ()-[r:RELATED_TO]->() RETURN count(r)").fetchAs(Long.class).one()).contains(24L);
        assertThat(ingest.load(List.of(java.nio.file.Path.of("seeds"))).filesUnchanged()).isEqualTo(5);
    }
}
