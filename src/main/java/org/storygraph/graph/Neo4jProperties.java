package org.storygraph.graph;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where the graph lives. One precedence decides: {@code storygraph.neo4j.uri} if set, else Spring Boot's own
 * {@code spring.neo4j.uri} ({@code SPRING_NEO4J_URI}), else the embedded database; a configured server that cannot
 * be reached stops start-up (never a fallback to embedded). Boot's pool, timeout and security settings
 * ({@code spring.neo4j.pool.*}, ...) apply in every mode and never select a server.
 *
 * @param uri      Bolt/Neo4j URI of a Neo4j server or cluster ({@code neo4j://host:7687}, {@code neo4j+s://...});
 *                 wins over {@code spring.neo4j.uri}. Empty (the default) and no {@code spring.neo4j.uri}: an
 *                 embedded database starts in-process instead.
 * @param username user for a server (default {@code neo4j}), used with {@code password}; ignored by the embedded
 *                 database
 * @param password password for a server; when set, {@code username}/{@code password} win over
 *                 {@code spring.neo4j.authentication.*}; when empty, Boot's {@code spring.neo4j.authentication.*}
 *                 ({@code SPRING_NEO4J_AUTHENTICATION_USERNAME}, ...) apply, and without those no auth is sent.
 *                 Ignored by the embedded database
 * @param database database name (default {@code neo4j})
 * @param embedded settings of the embedded database
 */
@ConfigurationProperties("storygraph.neo4j")
public record Neo4jProperties(
        URI uri,
        @DefaultValue("neo4j") String username,
        String password,
        @DefaultValue("neo4j") String database,
        @DefaultValue Embedded embedded) {

    /**
     * True when {@code storygraph.neo4j.uri} is empty. The application then runs its own embedded database unless
     * {@code spring.neo4j.uri} names a server.
     */
    public boolean embeddedMode() {
        return uri == null || uri.toString().isBlank();
    }

    /**
     * @param dataDir       directory of the embedded database (default {@code data/neo4j})
     * @param pageCache     Neo4j page cache size (default 256MB); with the heap this bounds the memory used
     * @param boltAddress   loopback address Bolt listens on; port 0 picks a free port (default {@code 127.0.0.1:0})
     * @param shutdownWait  how long Bolt waits for connections and threads on shutdown (default 200ms)
     */
    public record Embedded(
            @DefaultValue("data/neo4j") Path dataDir,
            @DefaultValue("256MB") DataSize pageCache,
            @DefaultValue("127.0.0.1:0") String boltAddress,
            @DefaultValue("200ms") Duration shutdownWait) {
    }
}
