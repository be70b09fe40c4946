package org.storygraph.story;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The story change feed, {@code GET /api/stories/changes} (server-sent events).
 *
 * @param heartbeat how often an idle stream gets a comment line, so that proxies keep it open (default 15s)
 * @param timeout   how long one stream stays open; the client reconnects with {@code Last-Event-ID} and misses
 *                  nothing (default 30m)
 * @param replay    most events sent again to a client that reconnects with {@code Last-Event-ID}: the newest this
 *                  many after that id (default 1000; older changes stay readable at {@code /api/runs/{id}/changes})
 */
@ConfigurationProperties("storygraph.changes")
record ChangeFeedProperties(
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("30m") Duration timeout,
        @DefaultValue("1000") int replay) {
}
