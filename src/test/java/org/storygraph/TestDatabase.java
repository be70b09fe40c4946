package org.storygraph;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;
import org.storygraph.graph.EmbeddedNeo4j;

/**
 * One embedded Neo4j per test JVM, shared by every test context: contexts connect to it over Bolt as they would to
 * a server ({@code storygraph.neo4j.uri}), so the 5-9 s database start is paid once, however many contexts Spring's
 * test cache builds.
 */
public final class TestDatabase {

    private static EmbeddedNeo4j database;

    private TestDatabase() {
    }

    public static synchronized EmbeddedNeo4j get() {
        if (database == null) {
            Path dir = Path.of("target", "test-neo4j");
            deleteRecursively(dir);
            database = EmbeddedNeo4j.start(dir, 128L * 1024 * 1024, "127.0.0.1:0", Duration.ofMillis(100));
            Runtime.getRuntime().addShutdownHook(new Thread(database::close, "test-neo4j-shutdown"));
        }
        return database;
    }

    public static URI boltUri() {
        return get().boltUri();
    }

    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new IllegalStateException("Cannot delete " + p, e);
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Points a test context at the shared database. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                    "storygraph.neo4j.uri=" + boltUri());
        }
    }
}
