package org.storygraph.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counters of saved-query runs, tagged with the query's name (a finite set: the files of the catalogue; a name
 * that is not in it is refused before anything is counted): {@code storygraph_query_runs_total},
 * {@code storygraph_query_timeouts_total} (stopped at the query's time limit) and
 * {@code storygraph_query_truncations_total} (more rows than the query's limit).
 */
final class QueryMetrics {

    private final MeterRegistry registry;

    QueryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void run(SavedQuery query) {
        counter("storygraph.query.runs", "Saved-query runs started", query).increment();
    }

    void timedOut(SavedQuery query) {
        counter("storygraph.query.timeouts", "Saved-query runs stopped at their time limit", query).increment();
    }

    void truncated(SavedQuery query) {
        counter("storygraph.query.truncations", "Saved-query runs cut at their row limit", query).increment();
    }

    /** Counts {@code e} when it is a time-out; returns it. */
    RuntimeException failed(SavedQuery query, RuntimeException e) {
        if (e instanceof QueryException q && q.kind() == QueryException.Kind.TIMEOUT) {
            timedOut(query);
        }
        return e;
    }

    private Counter counter(String name, String description, SavedQuery query) {
        return Counter.builder(name).description(description).tag("query", query.name()).register(registry);
    }
}
