package org.storygraph.timeline;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import org.springframework.stereotype.Service;
import org.storygraph.graph.ReadRetry;
import org.storygraph.timeline.TimelineQueries.ActivityRow;
import org.storygraph.timeline.TimelineQueries.Anchor;
import org.storygraph.timeline.TimelineQueries.MemberRow;
import org.storygraph.timeline.TimelineQueries.StoryHead;
import org.storygraph.timeline.TimelineViews.ActivityBucket;
import org.storygraph.timeline.TimelineViews.ActivityTimeline;
import org.storygraph.timeline.TimelineViews.ActivityTotals;
import org.storygraph.timeline.TimelineViews.StoryBucket;
import org.storygraph.timeline.TimelineViews.StoryTimeline;
import org.storygraph.timeline.TimelineViews.StoryTotals;

/**
 * Timelines: how a story spread over time, and how active a topic or provider was. The database gives one row per
 * article with a plausible time; the bucketing (zones, DST, gap-free ranges) happens here in java.time.
 */
@Service
@ReadRetry
public class TimelineService {

    /** Bucket sizes: an hour, or a local calendar day (23-25 hours across DST changes). */
    public enum Bucket {
        HOUR, DAY;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final TimelineQueries queries;

    TimelineService(TimelineQueries queries) {
        this.queries = queries;
    }

    /**
     * A story's spread: buckets from the one holding its first plausible article to the one holding its last.
     * Empty when the story is unknown; a range of more than 10,000 buckets is a 400 naming {@code bucket}.
     */
    public Optional<StoryTimeline> story(String id, Bucket bucket, ZoneId zone) {
        Optional<StoryHead> head = queries.story(id);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        BucketGrid grid = new BucketGrid(bucket, zone);
        List<MemberRow> rows = queries.members(id);
        if (rows.isEmpty()) {
            return Optional.of(new StoryTimeline(id, head.get().label(), grid.label(), grid.zoneId(), null, null,
                    null, null, new StoryTotals(0, 0, head.get().ignored()), List.of()));
        }
        Instant first = rows.stream().map(MemberRow::publishedAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = rows.stream().map(MemberRow::publishedAt).max(Comparator.naturalOrder()).orElseThrow();
        BucketGrid.Bounds bounds = grid.bounds(first, last.plusNanos(1), "bucket");

        long[] articles = new long[bounds.buckets()];
        Map<String, Instant> providerFirst = new HashMap<>();
        for (MemberRow row : rows) {
            articles[bounds.indexOf(row.publishedAt())]++;
            if (row.provider() != null) {
                providerFirst.merge(row.provider(), row.publishedAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        long[] newProviders = new long[bounds.buckets()];
        providerFirst.values().forEach(t -> newProviders[bounds.indexOf(t)]++);

        List<StoryBucket> buckets = new ArrayList<>(bounds.buckets());
        long cumulativeArticles = 0;
        long cumulativeProviders = 0;
        for (int i = 0; i < bounds.buckets(); i++) {
            cumulativeArticles += articles[i];
            cumulativeProviders += newProviders[i];
            buckets.add(new StoryBucket(grid.render(bounds.at(i)), grid.render(bounds.at(i + 1)), articles[i],
                    newProviders[i], cumulativeArticles, cumulativeProviders));
        }
        return Optional.of(new StoryTimeline(id, head.get().label(), grid.label(), grid.zoneId(),
                grid.render(bounds.first()), grid.render(bounds.last()), first, last,
                new StoryTotals(rows.size(), providerFirst.size(), head.get().ignored()), List.copyOf(buckets)));
    }

    /**
     * A topic's activity in [from, to), widened to whole buckets; a missing bound defaults to the extent of the
     * topic's articles. Empty when the topic is unknown.
     */
    public Optional<ActivityTimeline> topic(String name, Bucket bucket, ZoneId zone, Instant from, Instant to) {
        return activity(Anchor.TOPIC, name, new BucketGrid(bucket, zone), from, to);
    }

    /** Like {@link #topic} for a provider's domain (case and a leading {@code www.} do not matter). */
    public Optional<ActivityTimeline> provider(String domain, Bucket bucket, ZoneId zone, Instant from, Instant to) {
        return activity(Anchor.PROVIDER, providerKey(domain), new BucketGrid(bucket, zone), from, to);
    }

    static String providerKey(String domain) {
        String key = domain.strip().toLowerCase(Locale.ROOT);
        return key.startsWith("www.") ? key.substring(4) : key;
    }

    private Optional<ActivityTimeline> activity(Anchor anchor, String key, BucketGrid grid, Instant from,
            Instant to) {
        if (!queries.exists(anchor, key)) {
            return Optional.empty();
        }
        return Optional.of(activity(anchor.type(), key, grid, from, to, (f, t) -> queries.articles(anchor, key, f, t)));
    }

    private static ActivityTimeline activity(String type, String name, BucketGrid grid, Instant from, Instant to,
            BiFunction<Instant, Instant, List<ActivityRow>> fetch) {
        // Too many buckets: with a caller's range, the range is at fault; with the default one, the bucket size.
        String parameter = from == null && to == null ? "bucket" : "from";
        BucketGrid.Bounds bounds = null;
        List<ActivityRow> rows;
        if (from != null && to != null) {
            bounds = grid.bounds(from, to, parameter);
            rows = fetch.apply(bounds.first(), bounds.last());
        } else {
            rows = fetch.apply(from == null ? null : grid.floor(from), to == null ? null : grid.ceiling(to));
            if (!rows.isEmpty()) {
                Instant start = from != null ? from
                        : rows.stream().map(ActivityRow::publishedAt).min(Comparator.naturalOrder()).orElseThrow();
                Instant end = to != null ? to
                        : rows.stream().map(ActivityRow::publishedAt).max(Comparator.naturalOrder()).orElseThrow()
                                .plusNanos(1);
                bounds = grid.bounds(start, end, parameter);
            }
        }
        if (bounds == null) {
            return new ActivityTimeline(type, name, grid.label(), grid.zoneId(), null, null,
                    new ActivityTotals(0, 0, 0), List.of());
        }
        return count(type, name, grid, bounds, rows);
    }

    private static ActivityTimeline count(String type, String name, BucketGrid grid, BucketGrid.Bounds bounds,
            List<ActivityRow> rows) {
        int n = bounds.buckets();
        long[] articles = new long[n];
        List<Set<String>> stories = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            stories.add(new HashSet<>());
        }
        Map<String, Instant> storyFirst = new HashMap<>();
        long inRange = 0;
        for (ActivityRow row : rows) {
            int i = bounds.indexOf(row.publishedAt());
            if (i < 0) {
                continue;
            }
            inRange++;
            articles[i]++;
            if (row.story() != null) {
                stories.get(i).add(row.story());
                storyFirst.putIfAbsent(row.story(), row.storyFirst());
            }
        }
        // a story is new where its first plausible article lies, which may be an article of another topic/provider
        long[] newStories = new long[n];
        for (Instant first : storyFirst.values()) {
            int i = bounds.indexOf(first);
            if (i >= 0) {
                newStories[i]++;
            }
        }

        List<ActivityBucket> buckets = new ArrayList<>(n);
        long newTotal = 0;
        for (int i = 0; i < n; i++) {
            newTotal += newStories[i];
            buckets.add(new ActivityBucket(grid.render(bounds.at(i)), grid.render(bounds.at(i + 1)), articles[i],
                    stories.get(i).size(), newStories[i]));
        }
        return new ActivityTimeline(type, name, grid.label(), grid.zoneId(), grid.render(bounds.first()),
                grid.render(bounds.last()), new ActivityTotals(inRange, storyFirst.size(), newTotal),
                List.copyOf(buckets));
    }
}
