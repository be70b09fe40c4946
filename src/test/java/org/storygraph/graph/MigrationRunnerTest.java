package org.storygraph.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.storygraph.StoryGraphTest;

@StoryGraphTest
class MigrationRunnerTest {

    @Autowired
    Graph graph;
    @Autowired
    Neo4jClient client;

    @Test
    void splitsStatementsAtSemicolonsEndingALine() {
        assertThat(MigrationRunner.statements("""
                // comment
                CREATE CONSTRAINT a IF NOT EXISTS
                  FOR (n:A) REQUIRE n.x IS UNIQUE;

                CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.y);
                RETURN 'a;b'
                """)).containsExactly(
                "CREATE CONSTRAINT a IF NOT EXISTS\n  FOR (n:A) REQUIRE n.x IS UNIQUE",
                "CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.y)",
                "RETURN 'a;b'");
    }

    @Test
    void appliedTheSchemaAtStartUpAndIsIdempotent() {
        var runner = new MigrationRunner(graph, "classpath*:cypher/migrations");
        assertThat(runner.migrate()).isEmpty();
        assertThat(client.query("MATCH (m:__StoryGraphMigration) RETURN m.version ORDER BY m.version")
                .fetchAs(Long.class).all()).startsWith(1L, 2L, 3L);
        assertThat(client.query("SHOW CONSTRAINTS YIELD name RETURN name").fetchAs(String.class).all())
                .contains("article_url", "provider_domain", "topic_name", "story_id", "source_file_path");
        assertThat(client.query("SHOW INDEXES YIELD name, type RETURN name + ':' + type").fetchAs(String.class).all())
                .contains("article_text:FULLTEXT", "article_published_at:RANGE");
    }

    @Test
    void refusesAMigrationEditedAfterItWasApplied(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V0001__unique_keys.cypher"),
                "CREATE CONSTRAINT article_url IF NOT EXISTS FOR (a:Article) REQUIRE a.url IS UNIQUE;\n");
        var runner = new MigrationRunner(graph, dir.toUri().toString());
        assertThatThrownBy(runner::migrate).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("V1").hasMessageContaining("was changed after it was applied");
    }

    @Test
    void recordsANewMigrationOnlyWithItsIndexesOnlineAndSkipsTheWorkWhenUpToDate(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V0999__test_index.cypher"),
                "CREATE INDEX migration_test_index IF NOT EXISTS FOR (n:MigrationTestLabel) ON (n.x);\n");
        var runner = new MigrationRunner(graph, dir.toUri().toString());
        try {
            assertThat(runner.migrate()).containsExactly(999);
            assertThat(client.query("SHOW INDEXES YIELD name, state WHERE name = 'migration_test_index' RETURN state")
                    .fetchAs(String.class).one()).contains("ONLINE");
            assertThat(client.query("MATCH (m:__StoryGraphMigration {version: 999}) RETURN m.description")
                    .fetchAs(String.class).one()).contains("test index");
            // up to date: nothing applied again, and the applied file is still checked against its checksum
            assertThat(runner.migrate()).isEmpty();
            Files.writeString(dir.resolve("V0999__test_index.cypher"),
                    "CREATE INDEX migration_test_index2 IF NOT EXISTS FOR (n:MigrationTestLabel) ON (n.y);\n");
            assertThatThrownBy(runner::migrate).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("V999");
        } finally {
            client.query("MATCH (m:__StoryGraphMigration {version: 999}) DELETE m").run();
            client.query("DROP INDEX migration_test_index IF EXISTS").run();
        }
    }
}
