package org.storygraph.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;
import org.springframework.stereotype.Component;

/**
 * The one way to the graph; features run their Cypher through it and nothing else.
 * <ul>
 * <li>Reads: {@link #list}, {@link #one} and {@link #count} are {@link Neo4jClient} queries whose records a named
 * mapper method turns into record DTOs. Read services retry transient errors ({@link ReadRetry}).</li>
 * <li>Existence: {@link #exists(NodeKey, Object)} for a unique key, {@link #exists(String, Map)} for any pattern;
 * managed read transactions, retried by the driver.</li>
 * <li>Work that needs its own transactions or streams its results (loads, clustering, exports, dumps, saved
 * queries): {@link #read}, {@link #write}, or a {@link #session(AccessMode) session}.</li>
 * </ul>
 * The database is chosen once ({@code storygraph.neo4j.database}, the {@link DatabaseSelectionProvider} of
 * {@link GraphConfiguration}) and every session shares the client's bookmarks, so a read sees what an earlier write
 * of this instance committed, on a cluster too. Cypher is always parameterised: parameters are bound, never
 * spliced into the text.
 */
@Component
public class Graph {

    private final Neo4jClient client;
    private final Driver driver;
    private final DatabaseSelectionProvider databases;
    private final BookmarkManager bookmarks;

    Graph(Neo4jClient client, Driver driver, DatabaseSelectionProvider databases, Neo4jBookmarkManager bookmarks) {
        this.client = client;
        this.driver = driver;
        this.databases = databases;
        this.bookmarks = new SharedBookmarks(bookmarks);
    }

    /** Every record of the query, each mapped by {@code mapper}. */
    public <T> List<T> list(String cypher, Map<String, ?> parameters, Function<Record, T> mapper) {
        return List.copyOf(fetch(cypher, parameters, mapper).all());
    }

    /** The query's only record, mapped; empty without a record, {@code NoSuchRecordException} with more. */
    public <T> Optional<T> one(String cypher, Map<String, ?> parameters, Function<Record, T> mapper) {
        return fetch(cypher, parameters, mapper).one();
    }

    /** A query returning one number in one record (a count); 0 without a record. */
    public long count(String cypher, Map<String, ?> parameters) {
        return one(cypher, parameters, r -> r.get(0).asLong()).orElse(0L);
    }

    /** Whether the node with this unique key exists. */
    public boolean exists(NodeKey key, Object value) {
        return value != null && exists(key.cypher(), Map.of("value", value));
    }

    /** Whether the query returns a record (end it with {@code LIMIT 1} when it could return many). */
    public boolean exists(String cypher, Map<String, ?> parameters) {
        Map<String, Object> bound = copy(parameters);
        return read(tx -> tx.run(cypher, bound).hasNext());
    }

    /** Runs {@code work} in a managed read transaction (retried by the driver on transient errors). */
    public <T> T read(TransactionCallback<T> work) {
        try (Session session = session(AccessMode.READ)) {
            return session.executeRead(work);
        }
    }

    /** Runs {@code work} in a managed write transaction (retried by the driver on transient errors). */
    public <T> T write(TransactionCallback<T> work) {
        try (Session session = session(AccessMode.WRITE)) {
            return session.executeWrite(work);
        }
    }

    /**
     * A session of its own on the configured database, for explicit transactions, auto-commit statements
     * ({@code CALL {…} IN TRANSACTIONS}, schema commands) and results streamed past a method's return. Close it.
     */
    public Session session(AccessMode mode) {
        var config = SessionConfig.builder().withDefaultAccessMode(mode).withBookmarkManager(bookmarks);
        String database = database();
        if (database != null) {
            config.withDatabase(database);
        }
        return driver.session(config.build());
    }

    /**
     * What the database is, as far as query plans go: the server agent (e.g. {@code Neo4j/2026.08.1}), the
     * database's name and the schema migrations applied to it with their checksums. Equal identities plan a query
     * alike, so results of validating a query against one hold for the other.
     */
    public String identity() {
        return read(tx -> {
            var result = tx.run("""
                    MATCH (m:__StoryGraphMigration)
                    RETURN m.version AS version, m.checksum AS checksum ORDER BY version""");
            StringBuilder migrations = new StringBuilder();
            result.forEachRemaining(r -> migrations.append(r.get("version").asInt()).append(':')
                    .append(r.get("checksum").asString("")).append(' '));
            var summary = result.consume();
            return summary.server().agent() + " | " + summary.database().name() + " | " + migrations.toString().trim();
        });
    }

    /** The configured database's name (null: the server's default database). */
    String database() {
        return databases.getDatabaseSelection().getValue();
    }

    private <T> Neo4jClient.RecordFetchSpec<T> fetch(String cypher, Map<String, ?> parameters,
            Function<Record, T> mapper) {
        @SuppressWarnings("unchecked") // the mapper decides the type; the class only picks the default mapping
        Class<T> mapped = (Class<T>) Object.class;
        return client.query(cypher).bindAll(copy(parameters)).fetchAs(mapped)
                .mappedBy((types, record) -> mapper.apply(record));
    }

    /** Parameter maps may hold nulls ("no filter"), which {@link Map#of} cannot. */
    private static Map<String, Object> copy(Map<String, ?> parameters) {
        return new HashMap<>(parameters);
    }

    /** The client's bookmarks as the driver's sessions take them. */
    private record SharedBookmarks(Neo4jBookmarkManager shared) implements BookmarkManager {

        @Override
        public void updateBookmarks(Set<Bookmark> previous, Set<Bookmark> next) {
            shared.updateBookmarks(previous, next);
        }

        @Override
        public Set<Bookmark> getBookmarks() {
            return Set.copyOf(shared.getBookmarks());
        }
    }
}
