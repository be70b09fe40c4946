package org.storygraph.feeds;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.storygraph.common.InvalidParameterException;
import org.storygraph.common.NotFoundException;

/** The feed list: add (or change the interval of) a feed, list them, remove one. */
@Service
public class FeedService {

    /** What {@link #add} did. */
    public record Added(FeedView feed, boolean created) {
    }

    private final FeedStore store;
    private final FeedsProperties properties;
    private final Clock clock = Clock.systemUTC();

    FeedService(FeedStore store, FeedsProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /**
     * Adds a feed, due at once; a feed already there keeps its state and takes the new interval.
     *
     * @param every polling interval ({@code 15m}, {@code 1h}, ISO-8601); null for the default
     * @throws InvalidParameterException for a URL that is not absolute http(s) or an interval too short or unreadable
     */
    public Added add(String url, String every) {
        String checked = checkUrl(url);
        Duration interval = properties.defaultEvery();
        if (every != null) {
            interval = Intervals.parse(every);
            if (interval == null) {
                throw new InvalidParameterException("every", "'" + every + "' is not an interval (15m, 2h, 1d, "
                        + "90s or ISO-8601 such as PT15M)");
            }
        }
        if (interval.compareTo(properties.minEvery()) < 0) {
            throw new InvalidParameterException("every", "an interval of " + Intervals.format(interval)
                    + " is shorter than the minimum of " + Intervals.format(properties.minEvery()));
        }
        boolean created = store.add(checked, interval, clock.instant());
        return new Added(FeedView.of(store.find(checked).orElseThrow()), created);
    }

    public List<FeedView> list() {
        return store.all().stream().map(FeedView::of).toList();
    }

    /** @throws NotFoundException when no feed has this URL */
    public void remove(String url) {
        String key = url == null ? "" : url.strip();
        if (!store.remove(key)) {
            throw new NotFoundException("feed", key);
        }
    }

    static String checkUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidParameterException("url", "a feed URL is required");
        }
        String s = url.strip();
        try {
            URI uri = new URI(s);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new InvalidParameterException("url", "'" + s + "' is not an http or https URL");
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                throw new InvalidParameterException("url", "'" + s + "' has no host");
            }
            if (uri.getRawUserInfo() != null) {
                throw new InvalidParameterException("url", "a feed URL must not hold user information");
            }
            return s;
        } catch (URISyntaxException e) {
            throw new InvalidParameterException("url", "'" + s + "' is not a valid URL: " + e.getReason());
        }
    }
}
