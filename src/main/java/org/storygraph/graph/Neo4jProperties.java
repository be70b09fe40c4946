package org.storygraph.graph;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where the graph lives.
 *
 * @param uri      Bolt/Neo4j URI of a Neo4j server or cluster ({@code neo4j://host:7687}, {@code neo4j+s://...}).
 *                 Empty (the default) starts an embedded database in-process instead.
 * @param username user for a server (default {@code neo4j}); ignored by the embedded database
 * @param password password for a server; ignored by the embedded database
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

    /** True when no server URI is configured and the app runs its own embedded database. */
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
