package org.storygraph.graph;

import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Brings the schema up to date once every bean exists, before any runner (seed load, CLI command) touches data.
 * Also the health component {@code schema} (in the readiness group): {@code OUT_OF_SERVICE} until the migrations
 * ran, then {@code UP} with the versions this start applied.
 */
@Component("schema")
class SchemaMigrations implements SmartInitializingSingleton, HealthIndicator {

    private final Graph graph;
    private volatile List<Integer> applied;

    SchemaMigrations(Graph graph) {
        this.graph = graph;
    }

    @Override
    public void afterSingletonsInstantiated() {
        applied = new MigrationRunner(graph, "classpath*:cypher/migrations").migrate();
    }

    @Override
    public Health health() {
        List<Integer> done = applied;
        return done == null ? Health.outOfService().withDetail("migrations", "not run yet").build()
                : Health.up().withDetail("appliedAtStart", done).build();
    }
}
