package org.storygraph.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.TransientException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.storygraph.graph.Graph;

/**
 * Runs saved queries safely: parameters are checked against the header (unknown or ill-typed → 400 naming the
 * parameter) and always bound, never spliced into the text; the query runs in a READ transaction (the database
 * refuses any write) with the query's timeout; at most {@code limit} rows are returned. Errors that happen before
 * the first row become problems with proper status codes (timeout → 504); results are then streamed.
 */
@Service
public class QueryRunner {

    private final QueryCatalog catalog;
    private final Graph graph;
    private final QueryMetrics metrics;

    QueryRunner(QueryCatalog catalog, Graph graph, ObjectProvider<MeterRegistry> registry) {
        this.catalog = catalog;
        this.graph = graph;
        this.metrics = new QueryMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** Starts a run with parameters from a JSON object. */
    public Execution start(String name, Map<String, Object> json) {
        return start(name, json, ParamTypes::parseJson);
    }

    /** Starts a run with parameters written as text ({@code --param k=v}). */
    public Execution startWithText(String name, Map<String, String> text) {
        return start(name, new HashMap<>(text), (type, value) -> ParamTypes.parseText(type, (String) value));
    }

    /**
     * Starts a run with parameters from a URL's query string: each name with its values in order (see
     * {@link ParamTypes#parseQueryString}); the same checks, limits and read-only execution as {@link #start}.
     */
    @SuppressWarnings("unchecked")
    public Execution startWithQueryString(String name, Map<String, List<String>> query) {
        return start(name, new HashMap<>(query), (type, values) -> ParamTypes.parseQueryString(type,
                (List<String>) values));
    }

    private Execution start(String name, Map<String, Object> given,
            BiFunction<String, Object, Object> convert) {
        SavedQuery query = catalog.find(name).orElseThrow(() -> new QueryException(QueryException.Kind.NOT_FOUND,
                "Saved query not found", "No saved query named '" + name + "'", null));
        if (!query.valid()) {
            throw new QueryException(QueryException.Kind.UNPROCESSABLE, "Saved query is broken",
                    "Saved query '" + name + "' cannot run: " + query.error(), null);
        }
        Map<String, Object> params = bind(query, given == null ? Map.of() : given, convert);
        return execute(query, params);
    }

    static Map<String, Object> bind(SavedQuery query, Map<String, Object> given,
            BiFunction<String, Object, Object> convert) {
        for (String key : given.keySet()) {
            if (query.params().stream().noneMatch(p -> p.name().equals(key))) {
                throw QueryException.badParameter(key, "Unknown parameter '" + key + "' for saved query '"
                        + query.name() + "' (it takes: " + query.params().stream().map(QueryParam::name).toList()
                        + ")");
            }
        }
        Map<String, Object> params = new HashMap<>();
        for (QueryParam p : query.params()) {
            Object value;
            if (given.containsKey(p.name())) {
                try {
                    value = convert.apply(p.type(), given.get(p.name()));
                } catch (IllegalArgumentException e) {
                    throw QueryException.badParameter(p.name(), "Parameter '" + p.name() + "' must be a " + p.type()
                            + ": " + e.getMessage());
                }
            } else if (!p.required()) {
                value = ParamTypes.parseText(p.type(), p.defaultValue());
            } else {
                throw QueryException.badParameter(p.name(), "Parameter '" + p.name() + "' (" + p.type()
                        + ") is required");
            }
            params.put(p.name(), value);
        }
        return params;
    }

    /** Runs any query text read-only with the given limits; used for saved queries (and by tests). */
    Execution execute(SavedQuery query, Map<String, Object> params) {
        long started = System.nanoTime();
        metrics.run(query);
        Session session = graph.session(AccessMode.READ);
        Transaction tx = null;
        try {
            tx = session.beginTransaction(TransactionConfig.builder().withTimeout(query.timeout())
                    .withMetadata(Map.of("app", "storygraph-saved-query", "query", query.name())).build());
            Result result = tx.run(query.cypher(), params);
            List<String> columns = result.keys();
            result.hasNext(); // surfaces errors (syntax, access mode, timeout) before anything is written
            return new Execution(query, columns, session, tx, result, started, metrics);
        } catch (RuntimeException e) {
            closeQuietly(tx, session);
            throw metrics.failed(query, translate(query, e));
        }
    }

    static RuntimeException translate(SavedQuery query, RuntimeException e) {
        if (e instanceof QueryException q) {
            return q;
        }
        if (e instanceof Neo4jException n) {
            String code = n.code() == null ? "" : n.code();
            if (code.contains("TransactionTimedOut") || code.contains("Terminated")) {
                return new QueryException(QueryException.Kind.TIMEOUT, "Saved query timed out",
                        "Saved query '" + query.name() + "' ran longer than its limit of "
                                + query.timeout().toMillis() / 1000.0 + " s and was stopped", null);
            }
            if (code.contains("AccessMode") || code.contains("Forbidden")) {
                return new QueryException(QueryException.Kind.FORBIDDEN, "Saved queries are read-only",
                        "Saved query '" + query.name() + "' tried to write; nothing was written", null);
            }
            if (e instanceof TransientException) {
                return new QueryException(QueryException.Kind.UNAVAILABLE, "Database busy",
                        "The database could not run the query now; try again", null);
            }
            if (e instanceof ClientException) {
                return new QueryException(QueryException.Kind.INVALID, "Saved query failed",
                        "Saved query '" + query.name() + "' failed: " + n.getMessage(), null);
            }
        }
        return e;
    }

    private static void closeQuietly(Transaction tx, Session session) {
        try {
            if (tx != null && tx.isOpen()) {
                tx.close();
            }
        } catch (RuntimeException ignored) {
            // closing after a failure
        } finally {
            session.close();
        }
    }

    /** An open run: columns now, rows as they arrive. Close it (it rolls back the read transaction). */
    public static final class Execution implements AutoCloseable {
        private final SavedQuery query;
        private final List<String> columns;
        private final Session session;
        private final Transaction tx;
        private final Result result;
        private final long started;
        private final QueryMetrics metrics;
        private boolean truncated;
        private int rows;

        Execution(SavedQuery query, List<String> columns, Session session, Transaction tx, Result result,
                long started, QueryMetrics metrics) {
            this.metrics = metrics;
            this.query = query;
            this.columns = List.copyOf(columns);
            this.session = session;
            this.tx = tx;
            this.result = result;
            this.started = started;
        }

        public List<String> columns() {
            return columns;
        }

        public SavedQuery query() {
            return query;
        }

        /**
         * The next row as plain values, or null at the end or at the row limit (then {@link #truncated()} tells).
         * Failures (a timeout half-way) surface as a {@link QueryException}.
         */
        public List<Object> next() {
            try {
                if (!result.hasNext()) {
                    return null;
                }
                if (rows >= query.limit()) {
                    if (!truncated) {
                        metrics.truncated(query);
                    }
                    truncated = true;
                    return null;
                }
                Record record = result.next();
                rows++;
                List<Object> row = new ArrayList<>(columns.size());
                for (int i = 0; i < columns.size(); i++) {
                    row.add(ResultValues.plain(record.get(i)));
                }
                return row;
            } catch (RuntimeException e) {
                throw metrics.failed(query, translate(query, e));
            }
        }

        public boolean truncated() {
            return truncated;
        }

        public int rowCount() {
            return rows;
        }

        public long elapsedMillis() {
            return (System.nanoTime() - started) / 1_000_000;
        }

        @Override
        public void close() {
            closeQuietly(tx, session);
        }
    }
}
