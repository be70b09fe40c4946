package org.storygraph.timeline;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.storygraph.common.Independence;

/**
 * Record DTOs of the timeline endpoints. Bucket boundaries ({@code start}, {@code end}) and ranges ({@code from},
 * {@code to}) are ISO-8601 date-times with the offset of the requested zone ({@code 2020-06-24T00:00:00+02:00},
 * {@code 2020-06-11T09:00:00Z} in UTC); a bucket runs from {@code start} inclusive to {@code end} exclusive.
 *
 * <p>With {@code measure=share} every bucket also carries {@code allArticles}, the plausible articles of the whole
 * graph (of the collection's outlets when filtered by {@code collection}) in the same bucket, and
 * {@code share = articles / allArticles} (0 when {@code allArticles} is 0); with {@code measure=count} both are
 * left out. {@code independence} says how many copies and wire articles {@code ?independent=true} left out of the
 * counts, {@code allIndependence} (shares only) how many it left out of the {@code allArticles} denominators.
 */
public final class TimelineViews {

    private TimelineViews() {
    }

    /**
     * One bucket of a story's spread.
     *
     * @param newProviders        providers whose first article in the story falls in this bucket
     * @param cumulativeProviders distinct providers up to and including this bucket: the spread curve
     * @param allArticles         (shares) all articles of the graph in this bucket
     * @param share               (shares) {@code articles / allArticles}
     */
    public record StoryBucket(String start, String end, long articles, long newProviders, long cumulativeArticles,
            long cumulativeProviders, @JsonInclude(JsonInclude.Include.NON_NULL) Long allArticles,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double share) {
    }

    /**
     * @param articles        articles with a plausible publication time (those the buckets count)
     * @param providers       distinct providers of those articles
     * @param ignoredArticles members without a publication time or with a flagged ({@code timeFlag}) one
     * @param allArticles     (shares) the sum of the buckets' {@code allArticles}
     */
    public record StoryTotals(long articles, long providers, long ignoredArticles,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long allArticles) {
    }

    /**
     * A story's spread over time: gap-free buckets from the one holding its first plausible article to the one
     * holding its last ({@code from}/{@code to} null and no buckets when it has none). {@code measure} is
     * {@code count} or {@code share}.
     */
    public record StoryTimeline(String storyId, String label, String bucket, String tz, String measure, String from,
            String to, Instant firstPublishedAt, Instant lastPublishedAt, StoryTotals totals,
            Independence independence, @JsonInclude(JsonInclude.Include.NON_NULL) Independence allIndependence,
            List<StoryBucket> buckets) {
    }

    /**
     * One bucket of a topic's, provider's or collection's activity.
     *
     * @param articles    articles of the topic/provider/collection published in the bucket
     * @param stories     distinct stories with such an article in the bucket
     * @param newStories  stories with such an article (anywhere in the range) whose first plausible article falls
     *                    in the bucket
     * @param allArticles (shares) all articles in the bucket: of the graph, or of the collection's outlets
     * @param share       (shares) {@code articles / allArticles}
     */
    public record ActivityBucket(String start, String end, long articles, long stories, long newStories,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long allArticles,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double share) {
    }

    /**
     * Sums over the range; {@code stories} counts distinct stories, so it can be less than the buckets' sum;
     * {@code allArticles} (shares) the sum of the buckets' denominators.
     */
    public record ActivityTotals(long articles, long stories, long newStories,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long allArticles) {
    }

    /**
     * A topic's, provider's or collection's activity over time. {@code type} is {@code topic}, {@code provider} or
     * {@code collection}; {@code name} the topic name, provider domain or collection name; {@code collection} the
     * collection filter (null without one); {@code from}/{@code to} the range the buckets cover (whole buckets).
     */
    public record ActivityTimeline(String type, String name, String bucket, String tz, String measure,
            @JsonInclude(JsonInclude.Include.NON_NULL) String collection, String from, String to,
            ActivityTotals totals, Independence independence,
            @JsonInclude(JsonInclude.Include.NON_NULL) Independence allIndependence, List<ActivityBucket> buckets) {
    }
}
