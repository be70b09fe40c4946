package org.storygraph.timeline;

import java.time.Instant;
import java.util.List;

/**
 * Record DTOs of the timeline endpoints. Bucket boundaries ({@code start}, {@code end}) and ranges ({@code from},
 * {@code to}) are ISO-8601 date-times with the offset of the requested zone ({@code 2020-06-24T00:00:00+02:00},
 * {@code 2020-06-11T09:00:00Z} in UTC); a bucket runs from {@code start} inclusive to {@code end} exclusive.
 */
public final class TimelineViews {

    private TimelineViews() {
    }

    /**
     * One bucket of a story's spread.
     *
     * @param newProviders        providers whose first article in the story falls in this bucket
     * @param cumulativeProviders distinct providers up to and including this bucket: the spread curve
     */
    public record StoryBucket(String start, String end, long articles, long newProviders, long cumulativeArticles,
            long cumulativeProviders) {
    }

    /**
     * @param articles        articles with a plausible publication time (those the buckets count)
     * @param providers       distinct providers of those articles
     * @param ignoredArticles members without a publication time or with a flagged ({@code timeFlag}) one
     */
    public record StoryTotals(long articles, long providers, long ignoredArticles) {
    }

    /**
     * A story's spread over time: gap-free buckets from the one holding its first plausible article to the one
     * holding its last ({@code from}/{@code to} null and no buckets when it has none).
     */
    public record StoryTimeline(String storyId, String label, String bucket, String tz, String from, String to,
            Instant firstPublishedAt, Instant lastPublishedAt, StoryTotals totals, List<StoryBucket> buckets) {
    }

    /**
     * One bucket of a topic's or provider's activity.
     *
     * @param articles   articles of the topic/provider published in the bucket
     * @param stories    distinct stories with such an article in the bucket
     * @param newStories stories with such an article (anywhere in the range) whose first plausible article falls
     *                   in the bucket
     */
    public record ActivityBucket(String start, String end, long articles, long stories, long newStories) {
    }

    /** Sums over the range; {@code stories} counts distinct stories, so it can be less than the buckets' sum. */
    public record ActivityTotals(long articles, long stories, long newStories) {
    }

    /**
     * A topic's or provider's activity over time. {@code type} is {@code topic} or {@code provider}; {@code name}
     * the topic name or provider domain; {@code from}/{@code to} the range the buckets cover (whole buckets).
     */
    public record ActivityTimeline(String type, String name, String bucket, String tz, String from, String to,
            ActivityTotals totals, List<ActivityBucket> buckets) {
    }
}
