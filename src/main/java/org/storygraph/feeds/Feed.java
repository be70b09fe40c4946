package org.storygraph.feeds;

import java.time.Duration;
import java.time.Instant;

/**
 * A polled feed as stored ({@code (:Feed)}).
 *
 * @param lastStatus  HTTP status of the last fetch; null before the first, 0 when no response came (timeout, refused)
 * @param lastError   why the last poll failed; null after a success
 * @param failures    consecutive failed polls (0 after a success); drives the back-off
 * @param articles    articles this feed created in the graph, all polls together
 * @param lastHash    SHA-256 of the last body loaded: an unchanged body is not loaded again
 */
public record Feed(String url, Duration every, String etag, String lastModified, Instant lastFetchAt,
        Integer lastStatus, String lastError, int failures, Instant nextFetchAt, long articles, String lastHash) {
}
