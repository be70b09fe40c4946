package org.storygraph.ingest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The health component {@code seedLoad} (in the readiness group, {@code /actuator/health/readiness}):
 * {@code OUT_OF_SERVICE} until {@link SeedLoader} has finished — the seed corpus loaded and clustered into an empty
 * graph, or nothing to do — so an orchestrator sends no traffic to an instance still filling its graph. The schema
 * migrations have their own component ({@code schema}); liveness does not wait for either.
 */
@Component
class SeedLoadHealthIndicator implements HealthIndicator {

    private final SeedLoader loader;

    /** Without a loader (the command line's profile loads no seeds) there is nothing to wait for. */
    @Autowired
    SeedLoadHealthIndicator(ObjectProvider<SeedLoader> loader) {
        this(loader.getIfAvailable());
    }

    SeedLoadHealthIndicator(SeedLoader loader) {
        this.loader = loader;
    }

    @Override
    public Health health() {
        if (loader == null) {
            return Health.up().withDetail("seeds", "not loaded by this process").build();
        }
        String outcome = loader.outcome();
        if (outcome != null) {
            return (outcome.startsWith(SeedLoader.FAILED) ? Health.down() : Health.up())
                    .withDetail("seeds", outcome).build();
        }
        String loading = loader.loading();
        return Health.outOfService()
                .withDetail("seeds", loading == null ? "not started" : "loading from " + loading)
                .build();
    }
}
