package org.storygraph.query;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component "savedQueries": how many serve, and the error of each broken file. */
@Component("savedQueries")
class QueryHealth implements HealthIndicator {

    private final QueryCatalog catalog;

    QueryHealth(QueryCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Health health() {
        Map<String, String> broken = new LinkedHashMap<>();
        catalog.all().stream().filter(q -> !q.valid()).forEach(q -> broken.put(q.file(), q.error()));
        // broken files do not stop the others from serving: the service stays UP and names them
        return Health.up()
                .withDetail("source", catalog.source())
                .withDetail("queries", catalog.all().size())
                .withDetail("broken", broken)
                .build();
    }
}
