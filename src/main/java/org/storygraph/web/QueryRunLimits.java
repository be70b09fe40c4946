package org.storygraph.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on saved-query runs ({@code /api/queries/NAME/run}, every method) per client address, so that one client
 * cannot hold every database thread. Over a limit the run is refused with {@code 429 Too Many Requests} and a
 * {@code Retry-After} header (seconds). The client address is {@code request.getRemoteAddr()}: behind a reverse proxy
 * set Spring's {@code server.forward-headers-strategy} ({@code native} or {@code framework}) so that it is the
 * client's address from {@code X-Forwarded-For}/{@code Forwarded}, not the proxy's.
 *
 * @param enabled       limit runs at all (default true)
 * @param maxConcurrent runs of one client at the same time (default 4)
 * @param perMinute     runs one client may start in any sliding minute (default 120)
 * @param maxClients    clients remembered at once (default 10,000); idle ones are forgotten after {@code idle},
 *                      the least recently seen first when there are more, so memory stays bounded
 * @param idle          how long a client without runs is remembered (default 5m; at least a minute, so the
 *                      per-minute window stays exact)
 */
@ConfigurationProperties("storygraph.web.query-limits")
public record QueryRunLimits(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("4") int maxConcurrent,
        @DefaultValue("120") int perMinute,
        @DefaultValue("10000") int maxClients,
        @DefaultValue("5m") Duration idle) {

    public QueryRunLimits {
        if (maxConcurrent < 1 || perMinute < 1 || maxClients < 1) {
            throw new IllegalArgumentException("storygraph.web.query-limits: max-concurrent, per-minute and "
                    + "max-clients must be at least 1");
        }
        if (idle.compareTo(Duration.ofMinutes(1)) < 0) {
            idle = Duration.ofMinutes(1);
        }
    }
}
