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
import org.storygraph.common.Independence;
import org.storygraph.common.NotFoundException;
import org.storygraph.graph.ReadRetry;
import org.storygraph.timeline.TimelineQueries.ActivityRow;
import org.storygraph.timeline.TimelineQueries.Anchor;
import org.storygraph.timeline.TimelineQueries.BucketTotal;
import org.storygraph.timeline.TimelineQueries.MemberRow;
import org.storygraph.timeline.TimelineQueries.StoryHead;
import org.storygraph.timeline.TimelineViews.ActivityBucket;
import org.storygraph.timeline.TimelineViews.ActivityTimeline;
import org.storygraph.timeline.TimelineViews.ActivityTotals;
import org.storygraph.timeline.TimelineViews.StoryBucket;
import org.storygraph.timeline.TimelineViews.StoryTimeline;
import org.storygraph.timeline.TimelineViews.StoryTotals;

/**
 * Timelines: how a story spread over time, and how active a topic, provider or collection was; as counts, or as
 * shares of all articles in the same bucket. The database gives one row per article with a plausible time (and the
 * bucket totals for shares); the bucketing (zones, DST, gap-free ranges) happens here in java.time.
 */
@Service
@ReadRetry
public class TimelineService {

    /** Bucket sizes: an hour, a local calendar day (23-25 hours across DST), an ISO week (from Monday), a month. */
    public enum Bucket {
        HOUR, DAY, WEEK, MONTH;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a bucket says: its counts, or its counts with the bucket's total and the share of it. */
    public enum Measure {
        COUNT, SHARE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * How to count: {@code measure}; {@code collection} (null for none) restricts the articles counted and the
     * share's denominator to the outlets of that collection; {@code independent} leaves out copies and wire
     * articles ({@link Independence}).
     */
    public record Counting(Measure measure, String collection, boolean independent) {

        public static final Counting DEFAULT = new Counting(Measure.COUNT, null, false);

        boolean shares() {
            return measure == Measure.SHARE;
        }
    }

    private final TimelineQueries queries;

    TimelineService(TimelineQueries queries) {
        this.queries = queries;
    }

    /**
     * A story's spread: buckets from the one holding its first plausible (with {@code independent}: independent)
     * article to the one holding its last. Empty when the story is unknown; a range of more than 10,000 buckets is
     * a 400 naming {@code bucket}. A {@code collection} in {@code counting} is not used here.
     */
    public Optional<StoryTimeline> story(String id, Bucket bucket, ZoneId zone, Counting counting) {
        Optional<StoryHead> head = queries.story(id);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        BucketGrid grid = new BucketGrid(bucket, zone);
        String measure = counting.measure().label();
        List<MemberRow> all = head.get().members();
        List<MemberRow> rows = counting.independent() ? all.stream().filter(r -> !r.copy() && !r.wire()).toList()
                : all;
        Independence independence = counting.independent()
                ? new Independence(true, all.stream().filter(MemberRow::copy).count(),
                        all.stream().filter(MemberRow::wire).count())
                : Independence.NONE;
        if (rows.isEmpty()) {
            return Optional.of(new StoryTimeline(id, head.get().label(), grid.label(), grid.zoneId(), measure, null,
                    null, null, null, new StoryTotals(0, 0, head.get().ignored(), counting.shares() ? 0L : null),
                    independence, counting.shares() ? new Independence(counting.independent(), 0, 0) : null,
                    List.of()));
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
        Denominators totals = denominators(bounds, null, counting);

        List<StoryBucket> buckets = new ArrayList<>(bounds.buckets());
        long cumulativeArticles = 0;
        long cumulativeProviders = 0;
        for (int i = 0; i < bounds.buckets(); i++) {
            cumulativeArticles += articles[i];
            cumulativeProviders += newProviders[i];
            buckets.add(new StoryBucket(grid.render(bounds.at(i)), grid.render(bounds.at(i + 1)), articles[i],
                    newProviders[i], cumulativeArticles, cumulativeProviders, totals.articles(i),
                    totals.share(articles[i], i)));
        }
        return Optional.of(new StoryTimeline(id, head.get().label(), grid.label(), grid.zoneId(), measure,
                grid.render(bounds.first()), grid.render(bounds.last()), first, last,
                new StoryTotals(rows.size(), providerFirst.size(), head.get().ignored(), totals.sum()), independence,
                totals.independence(), List.copyOf(buckets)));
    }

    /**
     * A topic's activity in [from, to), widened to whole buckets; a missing bound defaults to the extent of the
     * topic's (counted) articles. Empty when the topic is unknown; an unknown collection is a {@link NotFoundException}.
     */
    public Optional<ActivityTimeline> topic(String name, Bucket bucket, ZoneId zone, Instant from, Instant to,
            Counting counting) {
        return activity(Anchor.TOPIC, name, new BucketGrid(bucket, zone), from, to, counting);
    }

    /** Like {@link #topic} for a provider's domain (case and a leading {@code www.} do not matter). */
    public Optional<ActivityTimeline> provider(String domain, Bucket bucket, ZoneId zone, Instant from, Instant to,
            Counting counting) {
        return activity(Anchor.PROVIDER, providerKey(domain), new BucketGrid(bucket, zone), from, to, counting);
    }

    /**
     * Like {@link #topic} for the articles of a collection's outlets; shares are of all articles of the graph (a
     * {@code collection} in {@code counting} is not used here).
     */
    public Optional<ActivityTimeline> collection(String name, Bucket bucket, ZoneId zone, Instant from, Instant to,
            Counting counting) {
        return activity(Anchor.COLLECTION, name, new BucketGrid(bucket, zone), from, to,
                new Counting(counting.measure(), null, counting.independent()));
    }

    static String providerKey(String domain) {
        String key = domain.strip().toLowerCase(Locale.ROOT);
        return key.startsWith("www.") ? key.substring(4) : key;
    }

    private Optional<ActivityTimeline> activity(Anchor anchor, String key, BucketGrid grid, Instant from,
            Instant to, Counting counting) {
        if (!queries.exists(anchor, key)) {
            return Optional.empty();
        }
        if (counting.collection() != null && !queries.exists(Anchor.COLLECTION, counting.collection())) {
            throw new NotFoundException("collection", counting.collection());
        }
        return Optional.of(activity(anchor.type(), key, grid, from, to, counting,
                (f, t) -> queries.articles(anchor, key, f, t, counting.collection(), counting.independent())));
    }

    private ActivityTimeline activity(String type, String name, BucketGrid grid, Instant from, Instant to,
            Counting counting, BiFunction<Instant, Instant, List<ActivityRow>> fetch) {
        // Too many buckets: with a caller's range, the range is at fault; with the default one, the bucket size.
        String parameter = from == null && to == null ? "bucket" : "from";
        BucketGrid.Bounds bounds = null;
        List<ActivityRow> rows;
        if (from != null && to != null) {
            bounds = grid.bounds(from, to, parameter);
            rows = fetch.apply(bounds.first(), bounds.last());
        } else {
            rows = fetch.apply(from == null ? null : grid.floor(from), to == null ? null : grid.ceiling(to));
            // the default extent is that of the articles counted
            List<ActivityRow> counted = counting.independent()
                    ? rows.stream().filter(r -> !r.copy() && !r.wire()).toList() : rows;
            if (!counted.isEmpty()) {
                Instant start = from != null ? from
                        : counted.stream().map(ActivityRow::publishedAt).min(Comparator.naturalOrder()).orElseThrow();
                Instant end = to != null ? to
                        : counted.stream().map(ActivityRow::publishedAt).max(Comparator.naturalOrder()).orElseThrow()
                                .plusNanos(1);
                bounds = grid.bounds(start, end, parameter);
            }
        }
        String measure = counting.measure().label();
        if (bounds == null) {
            long copies = rows.stream().filter(ActivityRow::copy).count();
            long wire = rows.stream().filter(ActivityRow::wire).count();
            return new ActivityTimeline(type, name, grid.label(), grid.zoneId(), measure, counting.collection(), null,
                    null, new ActivityTotals(0, 0, 0, counting.shares() ? 0L : null),
                    counting.independent() ? new Independence(true, copies, wire) : Independence.NONE,
                    counting.shares() ? new Independence(counting.independent(), 0, 0) : null, List.of());
        }
        return count(type, name, grid, bounds, rows, counting);
    }

    private ActivityTimeline count(String type, String name, BucketGrid grid, BucketGrid.Bounds bounds,
            List<ActivityRow> rows, Counting counting) {
        int n = bounds.buckets();
        long[] articles = new long[n];
        List<Set<String>> stories = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            stories.add(new HashSet<>());
        }
        Map<String, Instant> storyFirst = new HashMap<>();
        long inRange = 0;
        long copies = 0;
        long wire = 0;
        for (ActivityRow row : rows) {
            int i = bounds.indexOf(row.publishedAt());
            if (i < 0) {
                continue;
            }
            if (counting.independent() && (row.copy() || row.wire())) {
                copies += row.copy() ? 1 : 0;
                wire += row.wire() ? 1 : 0;
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
        Denominators all = denominators(bounds, counting.collection(), counting);

        List<ActivityBucket> buckets = new ArrayList<>(n);
        long newTotal = 0;
        for (int i = 0; i < n; i++) {
            newTotal += newStories[i];
            buckets.add(new ActivityBucket(grid.render(bounds.at(i)), grid.render(bounds.at(i + 1)), articles[i],
                    stories.get(i).size(), newStories[i], all.articles(i), all.share(articles[i], i)));
        }
        return new ActivityTimeline(type, name, grid.label(), grid.zoneId(), counting.measure().label(),
                counting.collection(), grid.render(bounds.first()), grid.render(bounds.last()),
                new ActivityTotals(inRange, storyFirst.size(), newTotal, all.sum()),
                counting.independent() ? new Independence(true, copies, wire) : Independence.NONE,
                all.independence(), List.copyOf(buckets));
    }

    /** The buckets' denominators for shares (of a collection's outlets when not null); none when counting. */
    private Denominators denominators(BucketGrid.Bounds bounds, String collection, Counting counting) {
        if (!counting.shares()) {
            return new Denominators(null, null);
        }
        List<BucketTotal> totals = queries.totals(bounds.instants(), collection);
        long[] articles = new long[bounds.buckets()];
        long copies = 0;
        long wire = 0;
        for (int i = 0; i < articles.length; i++) {
            BucketTotal total = totals.get(i);
            articles[i] = counting.independent() ? total.articles() - total.copies() - total.wire() : total.articles();
            copies += total.copies();
            wire += total.wire();
        }
        return new Denominators(articles, counting.independent() ? new Independence(true, copies, wire)
                : Independence.NONE);
    }

    /** Per-bucket totals for shares; {@code articles} null when counting. */
    private record Denominators(long[] articles, Independence independence) {

        Long articles(int i) {
            return articles == null ? null : articles[i];
        }

        Double share(long count, int i) {
            if (articles == null) {
                return null;
            }
            return articles[i] == 0 ? 0.0 : (double) count / articles[i];
        }

        Long sum() {
            if (articles == null) {
                return null;
            }
            long sum = 0;
            for (long a : articles) {
                sum += a;
            }
            return sum;
        }
    }
}
