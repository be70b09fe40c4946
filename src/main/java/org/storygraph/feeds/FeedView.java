package org.storygraph.feeds;

import java.time.Instant;

/** A feed as {@code GET /api/feeds} and {@code storygraph feeds list} show it; {@code every} as {@code 15m}. */
public record FeedView(String url, String every, Instant lastFetchAt, Integer lastStatus, String lastError,
        int failures, Instant nextFetchAt, long articles) {

    static FeedView of(Feed f) {
        return new FeedView(f.url(), Intervals.format(f.every()), f.lastFetchAt(), f.lastStatus(), f.lastError(),
                f.failures(), f.nextFetchAt(), f.articles());
    }
}
