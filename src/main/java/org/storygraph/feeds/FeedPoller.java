package org.storygraph.feeds;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.storygraph.common.NotFoundException;
import org.storygraph.ingest.IngestService;

/**
 * Polls feeds: each due feed is fetched ({@link FeedFetcher}), a changed response goes to ingest, and the outcome is
 * recorded on the feed. After a success the next poll is one interval later; after {@code n} consecutive errors it is
 * {@code every * 2^n} later, at most {@code maxBackoff}. Polls never overlap (one at a time per service).
 */
@Service
public class FeedPoller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

    /** One poll of one feed. */
    public record Poll(String url, String outcome, Integer status, int created, int updated, String error) {
    }

    private final FeedStore store;
    private final FeedFetcher fetcher;
    private final FeedIngest ingest;
    private final FeedsProperties properties;
    private final Clock clock;

    @Autowired
    FeedPoller(FeedStore store, IngestService ingest, FeedsProperties properties) {
        this(store, FeedIngest.into(ingest), properties, Clock.systemUTC());
    }

    FeedPoller(FeedStore store, FeedIngest ingest, FeedsProperties properties, Clock clock) {
        this.store = store;
        this.fetcher = new FeedFetcher(properties);
        this.ingest = ingest;
        this.properties = properties;
        this.clock = clock;
    }

    /** Polls every feed that is due now; what the schedule calls. */
    public synchronized List<Poll> pollDue() {
        List<Poll> polls = new ArrayList<>();
        for (Feed feed : store.due(clock.instant())) {
            polls.add(poll(feed));
        }
        return polls;
    }

    /** Polls one feed now, due or not. */
    public synchronized Poll poll(String url) {
        return poll(store.find(url).orElseThrow(() -> new NotFoundException("feed", url)));
    }

    private Poll poll(Feed feed) {
        Instant started = clock.instant();
        Duration every = feed.every() == null ? properties.defaultEvery() : feed.every();
        FeedFetcher.Result result;
        try {
            result = fetcher.fetch(feed.url(), feed.etag(), feed.lastModified());
        } catch (RuntimeException e) {
            result = new FeedFetcher.Failed(0, "fetch failed: " + e);
        }
        Instant now = clock.instant();
        Poll poll = switch (result) {
            case FeedFetcher.NotModified nm -> {
                store.record(feed.url(), now, 304, null, 0, now.plus(every), 0, nm.etag(), nm.lastModified(),
                        feed.lastHash());
                yield new Poll(feed.url(), "not modified", 304, 0, 0, null);
            }
            case FeedFetcher.Failed f -> failed(feed, now, every, f.status(), f.error());
            case FeedFetcher.Fetched ok -> {
                String hash = sha256(ok.body());
                if (hash.equals(feed.lastHash())) {
                    store.record(feed.url(), now, ok.status(), null, 0, now.plus(every), 0, ok.etag(),
                            ok.lastModified(), hash);
                    yield new Poll(feed.url(), "unchanged", ok.status(), 0, 0, null);
                }
                FeedIngest.Outcome loaded;
                try {
                    loaded = ingest.load(feed.url(), ok.body(), ok.contentType());
                } catch (RuntimeException e) {
                    loaded = new FeedIngest.Outcome(0, 0, "loading failed: " + e.getMessage());
                }
                if (loaded.error() != null) {
                    yield failed(feed, now, every, ok.status(), loaded.error());
                }
                store.record(feed.url(), now, ok.status(), null, 0, now.plus(every), loaded.created(), ok.etag(),
                        ok.lastModified(), hash);
                yield new Poll(feed.url(), "loaded", ok.status(), loaded.created(), loaded.updated(), null);
            }
        };
        log.info("Feed {}: {} (HTTP {}) in {} ms, {} articles created, {} updated{}", feed.url(), poll.outcome(),
                poll.status(), Duration.between(started, now).toMillis(), poll.created(), poll.updated(),
                poll.error() == null ? "" : ": " + poll.error());
        return poll;
    }

    /** An error: counted, the validators kept (the feed did not change for us), the next poll backed off. */
    private Poll failed(Feed feed, Instant now, Duration every, int status, String error) {
        int failures = feed.failures() + 1;
        Instant next = now.plus(backoff(every, failures));
        store.record(feed.url(), now, status, error, failures, next, 0, feed.etag(), feed.lastModified(),
                feed.lastHash());
        return new Poll(feed.url(), "failed", status, 0, 0, error);
    }

    /** {@code every * 2^failures}, at most {@code maxBackoff} (and never shorter than {@code every}). */
    Duration backoff(Duration every, int failures) {
        Duration max = properties.maxBackoff().compareTo(every) < 0 ? every : properties.maxBackoff();
        if (failures >= 30) {
            return max;
        }
        Duration wait = every.multipliedBy(1L << failures);
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        fetcher.close();
    }
}
