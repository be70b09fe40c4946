package org.storygraph.jobs;

import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * Gauges {@code storygraph.jobs{state=…}}: the {@code (:Job)} nodes in each state (Prometheus:
 * {@code storygraph_jobs{state="running"}}). One query per scrape serves all states (counts are reused for a
 * second).
 */
@Component
class JobMetrics implements MeterBinder {

    private final JobService jobs;
    private volatile Map<JobState, Long> counts;
    private volatile long countedAt;

    JobMetrics(JobService jobs) {
        this.jobs = jobs;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (JobState state : JobState.values()) {
            Gauge.builder("storygraph.jobs", this, m -> m.count(state))
                    .tag("state", state.value())
                    .description("Jobs recorded in the graph, by state")
                    .register(registry);
        }
    }

    private double count(JobState state) {
        long now = System.nanoTime();
        Map<JobState, Long> c = counts;
        if (c == null || now - countedAt > 1_000_000_000L) {
            try {
                c = jobs.countByState();
            } catch (RuntimeException e) {
                return Double.NaN; // the database is not there (starting or stopping)
            }
            counts = c;
            countedAt = now;
        }
        return c.getOrDefault(state, 0L);
    }
}
