package org.storygraph.feeds;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How feeds are polled.
 *
 * @param poll           poll due feeds on a schedule (default true; off in the {@code cli} profile and in tests,
 *                       which call {@link FeedPoller#pollDue()} themselves)
 * @param tick           how often the scheduler looks for due feeds (default 1m)
 * @param defaultEvery   a feed's interval when {@code feeds add} gives none (default 15m)
 * @param minEvery       shortest interval accepted (default 1m), to be polite to the feed's server
 * @param maxSize        largest response read (default 5MB, as {@code storygraph.ingest.max-file-size}, which applies
 *                       too); a larger one is cut off and recorded as an error
 * @param timeout        time limit of one fetch, from connecting to the last byte (default 30s)
 * @param connectTimeout time limit to connect (default 10s)
 * @param maxBackoff     longest wait after repeated errors (default 24h); the wait doubles with each consecutive
 *                       error, starting from twice the feed's interval
 * @param maxRedirects   redirects followed per fetch (default 5), only within the same scheme
 * @param userAgent      the {@code User-Agent} header sent
 */
@ConfigurationProperties("storygraph.feeds")
public record FeedsProperties(
        @DefaultValue("true") boolean poll,
        @DefaultValue("1m") Duration tick,
        @DefaultValue("15m") Duration defaultEvery,
        @DefaultValue("1m") Duration minEvery,
        @DefaultValue("5MB") DataSize maxSize,
        @DefaultValue("30s") Duration timeout,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("24h") Duration maxBackoff,
        @DefaultValue("5") int maxRedirects,
        @DefaultValue("StoryGraph/0.1 (feed poller)") String userAgent) {
}
