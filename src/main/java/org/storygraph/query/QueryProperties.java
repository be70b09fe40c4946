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
 * @param validationCache file that keeps the outcome of each query's validation against this database (keyed by the
 *                       file's text and the database's version and schema), so a command does not EXPLAIN unchanged
 *                       queries again; default: {@code saved-queries.validated} in the embedded database's directory,
 *                       none with a Neo4j server (set a path to have one there too)
 */
@ConfigurationProperties("storygraph.queries")
public record QueryProperties(
        @DefaultValue("cypher/queries") Path dir,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("60s") Duration maxTimeout,
        @DefaultValue("10000") int maxRows,
        @DefaultValue("true") boolean validateAtStart,
        Path validationCache) {
}
