package org.storygraph.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.storygraph.StoryGraphTest;
import org.storygraph.graph.Graph;
import org.storygraph.graph.Neo4jProperties;

/**
 * The saved queries' validation outcomes are kept in a file keyed by the query's text and the database: an unchanged
 * query takes its outcome from the file (shown by planting an outcome EXPLAIN would never give), an edited one is
 * validated again, broken ones stay broken; without a file nothing is kept.
 */
@StoryGraphTest
class ValidationCacheTest {

    private static final String GOOD = """
            // name: good
            // description: Counts articles.
            MATCH (a:Article) RETURN count(a) AS n
            """;
    private static final String BAD = """
            // name: bad
            // description: Not Cypher.
            MATCH (a:Article RETURN a
            """;

    @Autowired
    Graph graph;
    @TempDir
    Path dir;
    Path queries;
    Path cacheFile;

    @BeforeEach
    void files() throws IOException {
        queries = Files.createDirectories(dir.resolve("queries"));
        cacheFile = dir.resolve("cache").resolve("saved-queries.validated");
        Files.writeString(queries.resolve("good.cypher"), GOOD);
        Files.writeString(queries.resolve("bad.cypher"), BAD);
    }

    private QueryCatalog catalog(Path cache) {
        var properties = new QueryProperties(queries, Duration.ofSeconds(10), Duration.ofSeconds(60), 100, false, cache);
        var neo4j = new Neo4jProperties(URI.create("neo4j://elsewhere:7687"), "neo4j", null, "neo4j",
                new Neo4jProperties.Embedded(dir.resolve("unused"), null, "127.0.0.1:0", Duration.ZERO));
        return new QueryCatalog(properties, graph, neo4j);
    }

    private static SavedQuery named(List<SavedQuery> all, String name) {
        return all.stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void recordsEachOutcomeAndTakesItFromTheFileWhileTextAndDatabaseAreUnchanged() throws IOException {
        List<SavedQuery> first = catalog(cacheFile).reload();
        assertThat(named(first, "good").valid()).isTrue();
        assertThat(named(first, "bad").error()).startsWith("EXPLAIN failed");
        List<String> lines = Files.readAllLines(cacheFile);
        assertThat(lines).hasSize(3).first().asString().startsWith("#");
        String goodKey = ValidationCache.key("good.cypher", GOOD, graph.identity());
        assertThat(lines).contains(goodKey + "\t");

        // an outcome no EXPLAIN gives, planted for the unchanged good query: the catalogue must take it from the file
        Files.writeString(cacheFile, String.join("\n", lines).replace(goodKey + "\t", goodKey + "\tplanted outcome"));
        List<SavedQuery> second = catalog(cacheFile).reload();
        assertThat(named(second, "good").error()).isEqualTo("planted outcome");
        assertThat(named(second, "bad").error()).isEqualTo(named(first, "bad").error());

        // an edited file misses the cache and is validated again
        Files.writeString(queries.resolve("good.cypher"), GOOD.replace("count(a) AS n", "count(a) AS articles"));
        assertThat(named(catalog(cacheFile).reload(), "good").valid()).isTrue();
        assertThat(Files.readAllLines(cacheFile)).noneMatch(l -> l.contains("planted"));
    }

    @Test
    void keysDependOnFileTextAndDatabase() {
        String key = ValidationCache.key("good.cypher", GOOD, "Neo4j/2026.08.1 | neo4j | 1:a");
        assertThat(key).hasSize(64)
                .isNotEqualTo(ValidationCache.key("other.cypher", GOOD, "Neo4j/2026.08.1 | neo4j | 1:a"))
                .isNotEqualTo(ValidationCache.key("good.cypher", GOOD + " ", "Neo4j/2026.08.1 | neo4j | 1:a"))
                .isNotEqualTo(ValidationCache.key("good.cypher", GOOD, "Neo4j/2026.09.0 | neo4j | 1:a"))
                .isNotEqualTo(ValidationCache.key("good.cypher", GOOD, "Neo4j/2026.08.1 | neo4j | 1:a 2:b"))
                .isEqualTo(ValidationCache.key("good.cypher", GOOD, "Neo4j/2026.08.1 | neo4j | 1:a"));
    }

    @Test
    void theDatabaseIdentityNamesServerDatabaseAndMigrations() {
        assertThat(graph.identity()).matches("Neo4j/\\S+ \\| neo4j \\| 1:\\S+( \\d+:\\S+)*");
    }

    @Test
    void withoutAFileEveryQueryIsValidatedAndNothingIsWritten() {
        List<SavedQuery> all = catalog(null).reload();
        assertThat(named(all, "good").valid()).isTrue();
        assertThat(named(all, "bad").valid()).isFalse();
        assertThat(dir.resolve("cache")).doesNotExist();
    }
}
