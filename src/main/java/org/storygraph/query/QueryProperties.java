package org.storygraph.query;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Saved queries.
 *
 * @param dir            directory of {@code *.cypher} saved queries (default {@code cypher/queries}); when it does
 *                       not exist the queries packaged in the jar are served
 * @param timeout        transaction timeout of a run unless the query's header says otherwise (default 10s)
 * @param maxTimeout     the most a query header may ask for (default 60s)
 * @param maxRows        rows returned at most unless the query's header asks for fewer (default 10000); more rows
 *                       set {@code truncated: true}
 * @param validateAtStart validate the catalogue in the background as soon as the application has started (default
 *                       true), so broken files show at once in the log and in {@code /actuator/health}; false (the
 *                       {@code cli} profile) validates on first use only
 */
@ConfigurationProperties("storygraph.queries")
public record QueryProperties(
        @DefaultValue("cypher/queries") Path dir,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("60s") Duration maxTimeout,
        @DefaultValue("10000") int maxRows,
        @DefaultValue("true") boolean validateAtStart) {
}
