package org.storygraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.ApplicationContext;
import org.storygraph.StoryGraphTest;
import org.storygraph.TestDatabase;

/** With {@code storygraph.neo4j.uri} set the application is a plain driver client: no embedded database starts. */
@StoryGraphTest
class ServerModeTest {

    @Autowired
    ApplicationContext context;

    @Test
    void connectsToTheConfiguredServerWithoutStartingAnEmbeddedDatabase() {
        assertThat(context.getBeanProvider(EmbeddedNeo4j.class).getIfAvailable()).isNull();
        assertThat(context.getBean(Neo4jConnectionDetails.class).getUri()).isEqualTo(TestDatabase.boltUri());
    }
}
