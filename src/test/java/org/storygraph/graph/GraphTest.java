package org.storygraph.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.NoSuchRecordException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;
import org.storygraph.StoryGraphTest;

/** The one way to the graph, against the shared test database: its own nodes only, removed afterwards. */
@StoryGraphTest
class GraphTest {

    record Topic(String name, long weight) {
    }

    @Autowired
    Graph graph;
    @Autowired
    Neo4jBookmarkManager bookmarks;

    private final String prefix = "graph-test-" + UUID.randomUUID() + "-";

    @BeforeEach
    void topics() {
        graph.write(tx -> tx.run("""
                UNWIND range(1, 3) AS i
                CREATE (:Topic {name: $prefix + i, weight: i})
                """, Map.of("prefix", prefix)).consume());
    }

    @AfterEach
    void removeTopics() {
        graph.write(tx -> tx.run("MATCH (t:Topic) WHERE t.name STARTS WITH $prefix DETACH DELETE t",
                Map.of("prefix", prefix)).consume());
    }

    private static Topic topic(Record r) {
        return new Topic(r.get("name").asString(), r.get("weight").asLong());
    }

    @Test
    void existsByUniqueKey() {
        assertThat(graph.exists(NodeKey.TOPIC_NAME, prefix + 2)).isTrue();
        assertThat(graph.exists(NodeKey.TOPIC_NAME, prefix + 4)).isFalse();
        assertThat(graph.exists(NodeKey.TOPIC_NAME, null)).isFalse();
        assertThat(graph.exists(NodeKey.PROVIDER_DOMAIN, prefix + 2)).isFalse();
    }

    @Test
    void existsByPattern() {
        assertThat(graph.exists("MATCH (t:Topic) WHERE t.name STARTS WITH $prefix RETURN t LIMIT 1",
                Map.of("prefix", prefix))).isTrue();
        assertThat(graph.exists("MATCH (t:Topic) WHERE t.name STARTS WITH $prefix AND t.weight > 3 RETURN t",
                Map.of("prefix", prefix))).isFalse();
    }

    @Test
    void mapsRecordsWithANamedMapper() {
        String cypher = """
                MATCH (t:Topic) WHERE t.name STARTS WITH $prefix AND ($min IS NULL OR t.weight >= $min)
                RETURN t.name AS name, t.weight AS weight ORDER BY weight
                """;
        HashMap<String, Object> params = new HashMap<>(Map.of("prefix", prefix));
        params.put("min", null); // null parameters ("no filter") are bound
        assertThat(graph.list(cypher, params, GraphTest::topic)).containsExactly(new Topic(prefix + 1, 1),
                new Topic(prefix + 2, 2), new Topic(prefix + 3, 3));
        assertThat(graph.one(cypher, Map.of("prefix", prefix, "min", 3), GraphTest::topic))
                .contains(new Topic(prefix + 3, 3));
        assertThat(graph.one(cypher, Map.of("prefix", prefix, "min", 4), GraphTest::topic)).isEmpty();
        assertThatThrownBy(() -> graph.one(cypher, Map.of("prefix", prefix, "min", 2), GraphTest::topic))
                .isInstanceOf(NoSuchRecordException.class);
        assertThat(graph.count("MATCH (t:Topic) WHERE t.name STARTS WITH $prefix RETURN count(t)",
                Map.of("prefix", prefix))).isEqualTo(3);
    }

    @Test
    void sessionsUseTheConfiguredDatabaseAndAccessMode() {
        assertThat(graph.database()).isEqualTo("neo4j");
        try (var session = graph.session(AccessMode.READ)) {
            assertThat(session.run("CALL db.info() YIELD name RETURN name").single().get(0).asString())
                    .isEqualTo("neo4j");
            assertThatThrownBy(() -> session.run("CREATE (:Topic {name: $name})", Map.of("name", prefix + 9))
                    .consume()).hasMessageContaining("read");
        }
        assertThat(graph.exists(NodeKey.TOPIC_NAME, prefix + 9)).isFalse();
    }

    @Test
    void driverSessionsShareTheClientsBookmarks() {
        var before = bookmarks.getBookmarks();
        graph.write(tx -> tx.run("MATCH (t:Topic {name: $name}) SET t.weight = 10", Map.of("name", prefix + 1))
                .consume());
        assertThat(bookmarks.getBookmarks()).isNotEmpty().isNotEqualTo(before);
    }
}
