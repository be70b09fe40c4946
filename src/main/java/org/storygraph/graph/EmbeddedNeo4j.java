package org.storygraph.graph;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Neo4j DBMS with Bolt on a loopback address, so the application talks to it with the ordinary driver,
 * exactly as it would to a server. Authentication is off: the port is only reachable from this machine.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    /** Directories opened by this JVM: probing their lock file from here would release Neo4j's own POSIX lock. */
    private static final java.util.Set<Path> OPEN_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path dataDir;
    private final DatabaseManagementService dbms;
    private final GraphDatabaseService db;
    private final URI boltUri;

    private EmbeddedNeo4j(Path dataDir, DatabaseManagementService dbms, GraphDatabaseService db, URI boltUri) {
        this.dataDir = dataDir;
        this.dbms = dbms;
        this.db = db;
        this.boltUri = boltUri;
    }

    /**
     * Starts (or opens) the database in {@code dataDir}.
     *
     * @throws DatabaseInUseException when another process already holds the store
     */
    public static EmbeddedNeo4j start(Path dataDir, long pageCacheBytes, String boltAddress, Duration shutdownWait) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the database directory " + dir + ": " + e.getMessage(), e);
        }
        if (!OPEN_HERE.add(dir)) {
            throw new DatabaseInUseException(dir, null);
        }
        try {
            return open(dir, pageCacheBytes, boltAddress, shutdownWait);
        } catch (RuntimeException e) {
            OPEN_HERE.remove(dir);
            throw e;
        }
    }

    private static EmbeddedNeo4j open(Path dir, long pageCacheBytes, String boltAddress, Duration shutdownWait) {
        ensureNotLocked(dir);
        long started = System.nanoTime();
        Map<Setting<?>, Object> settings = Map.of(
                BoltConnector.enabled, true,
                BoltConnector.listen_address, new SocketAddress(host(boltAddress), port(boltAddress)),
                BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED,
                GraphDatabaseSettings.auth_enabled, false,
                // LOAD CSV must never read the server's files (saved queries are checked too)
                GraphDatabaseSettings.allow_file_urls, false,
                GraphDatabaseSettings.pagecache_memory, pageCacheBytes,
                // a lock wait fails after two minutes instead of hanging for ever (seen once at 100k articles with
                // -Xmx1g: an OutOfMemoryError killed a Bolt connection whose transaction kept its locks)
                GraphDatabaseSettings.lock_acquisition_timeout, Duration.ofMinutes(2),
                BoltConnectorInternalSettings.connection_shutdown_wait_time, shutdownWait,
                BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, shutdownWait);
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(dir).setConfig(settings).build();
        } catch (RuntimeException e) {
            if (isLockFailure(e)) {
                throw new DatabaseInUseException(dir, e);
            }
            throw e;
        }
        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        var address = ((GraphDatabaseAPI) db).getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        URI uri = URI.create("bolt://" + address.getHost() + ":" + address.getPort());
        log.info("Embedded Neo4j started in {} ms: data in {}, Bolt on {}",
                (System.nanoTime() - started) / 1_000_000, dir, uri);
        return new EmbeddedNeo4j(dir, dbms, db, uri);
    }

    public URI boltUri() {
        return boltUri;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** In-process access, for tools that must bypass Bolt (tests, benchmarks' lower bounds). */
    public GraphDatabaseService database() {
        return db;
    }

    @Override
    public void close() {
        long started = System.nanoTime();
        try {
            dbms.shutdown();
        } finally {
            OPEN_HERE.remove(dataDir);
        }
        log.info("Embedded Neo4j stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Neo4j locks its store with a file lock; when another JVM (a running service, a second CLI) holds it, Neo4j
     * fails deep inside its start-up with a long stack trace. Probing the same lock file first lets us say so plainly.
     */
    private static void ensureNotLocked(Path dir) {
        Path lockFile = dir.resolve("data").resolve("databases").resolve("store_lock");
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new DatabaseInUseException(dir, null);
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw new DatabaseInUseException(dir, e);
        } catch (IOException e) {
            log.debug("Could not probe the store lock {}: {}", lockFile, e.getMessage());
        }
    }

    private static boolean isLockFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("FileLockException")) {
                return true;
            }
        }
        return false;
    }

    private static String host(String address) {
        int colon = address.lastIndexOf(':');
        return colon < 0 ? address : address.substring(0, colon);
    }

    private static int port(String address) {
        int colon = address.lastIndexOf(':');
        return colon < 0 ? 0 : Integer.parseInt(address.substring(colon + 1));
    }
}
