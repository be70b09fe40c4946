package org.storygraph.graph;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Gauges of what the graph holds: {@code storygraph_graph_stories} and {@code storygraph_graph_articles}. Both come
 * from one query that Neo4j answers from its count store (a label count, never a scan), and the answer is kept for
 * {@link #MAX_AGE} so a burst of scrapes (or both gauges of one scrape) costs one query; a committed write through
 * this instance ({@link GraphChanged}) drops it at once. A database that cannot be asked gives {@code NaN}.
 */
@Component
class GraphSizeMetrics implements MeterBinder {

    /** How long a count is reused before the database is asked again. */
    static final Duration MAX_AGE = Duration.ofSeconds(5);

    /** Both counts; each CALL is answered from the count store (NodeCountFromCountStore). */
    static final String COUNTS = """
            CALL () { MATCH (s:Story) RETURN count(s) AS stories }
            CALL () { MATCH (a:Article) RETURN count(a) AS articles }
            RETURN stories, articles
            """;

    private static final Logger log = LoggerFactory.getLogger(GraphSizeMetrics.class);

    private record Counts(double stories, double articles, long takenAtNanos) {
    }

    private final Graph graph;
    private final AtomicLong writes = new AtomicLong();
    private volatile Counts counts;

    GraphSizeMetrics(Graph graph) {
        this.graph = graph;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("storygraph.graph.stories", this, m -> m.counts().stories())
                .description("Stories in the graph")
                .register(registry);
        Gauge.builder("storygraph.graph.articles", this, m -> m.counts().articles())
                .description("Articles in the graph")
                .register(registry);
    }

    @EventListener
    void onGraphChanged(GraphChanged event) {
        writes.incrementAndGet();
        counts = null;
    }

    private synchronized Counts counts() {
        Counts c = counts;
        long now = System.nanoTime();
        long before = writes.get();
        if (c != null && now - c.takenAtNanos() < MAX_AGE.toNanos()) {
            return c;
        }
        try {
            c = graph.one(COUNTS, Map.of(), r -> new Counts(r.get("stories").asLong(), r.get("articles").asLong(), now))
                    .orElseThrow();
        } catch (RuntimeException e) {
            log.debug("Cannot count stories and articles for the metrics", e);
            c = new Counts(Double.NaN, Double.NaN, now);
        }
        if (writes.get() == before) { // not counted across a write
            counts = c;
        }
        return c;
    }
}
