package org.storygraph.timeline;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.storygraph.timeline.TimelineService.Bucket;
import org.storygraph.timeline.TimelineService.Counting;
import org.storygraph.timeline.TimelineService.Measure;
import org.storygraph.timeline.TimelineViews.ActivityTimeline;
import org.storygraph.timeline.TimelineViews.StoryTimeline;
import org.storygraph.common.InvalidParameterException;
import org.storygraph.common.NotFoundException;
import org.storygraph.common.TimeRange;

@RestController
@RequestMapping("/api")
@Tag(name = "timelines",
        description = "How a story spread over time; how active a topic, provider or collection was; counts or shares")
class TimelineController {

    private static final String BUCKET = "hour, day, week (ISO, from Monday) or month";
    private static final String MEASURE = "count (default) or share: each bucket also carries allArticles, the "
            + "articles of the whole graph (of the collection when filtered) in the bucket, and share = articles / "
            + "allArticles";
    private static final String COLLECTION = "only articles of the outlets in this collection; shares are then of "
            + "the collection's articles";
    private static final String INDEPENDENT = "leave out syndicated copies (DUPLICATE_OF) and articles of wire "
            + "outlets, from the counts and the shares' denominators; 'independence' says how many";
    private static final String TZ = "IANA time zone of the bucket boundaries, e.g. Europe/Berlin (default UTC)";
    private static final String FROM = "range start: 2020-06-11, 2020-06-11T09:53 (both in tz) or with an offset; "
            + "default: the first article";
    private static final String TO = "range end, exclusive (same forms); default: the last article";

    private final TimelineService timelines;

    TimelineController(TimelineService timelines) {
        this.timelines = timelines;
    }

    @GetMapping("/stories/{id}/timeline")
    @Operation(summary = "How a story spread: articles and new providers per bucket, cumulative curves",
            description = "Gap-free buckets from the one holding the story's first article to the one holding its "
                    + "last; articles without a plausible publication time are left out (counted in totals).")
    StoryTimeline story(@PathVariable String id,
            @Parameter(description = BUCKET + " (default hour)") @RequestParam(defaultValue = "hour") String bucket,
            @Parameter(description = TZ) @RequestParam(required = false) String tz,
            @Parameter(description = MEASURE) @RequestParam(defaultValue = "count") String measure,
            @Parameter(description = INDEPENDENT) @RequestParam(defaultValue = "false") boolean independent) {
        return timelines.story(id, bucket(bucket), zone(tz), new Counting(measure(measure), null, independent))
                .orElseThrow(() -> new NotFoundException("story", id));
    }

    @GetMapping("/topics/{name}/timeline")
    @Operation(summary = "A topic's activity: its articles, stories and new stories per bucket",
            description = "Gap-free buckets over [from, to) widened to whole buckets; without from/to the extent "
                    + "of the topic's articles. A story is new in the bucket of its first article (on any topic).")
    ActivityTimeline topic(@PathVariable String name,
            @Parameter(description = BUCKET + " (default day)") @RequestParam(defaultValue = "day") String bucket,
            @Parameter(description = FROM) @RequestParam(required = false) String from,
            @Parameter(description = TO) @RequestParam(required = false) String to,
            @Parameter(description = TZ) @RequestParam(required = false) String tz,
            @Parameter(description = MEASURE) @RequestParam(defaultValue = "count") String measure,
            @Parameter(description = COLLECTION) @RequestParam(required = false) String collection,
            @Parameter(description = INDEPENDENT) @RequestParam(defaultValue = "false") boolean independent) {
        Bucket size = bucket(bucket);
        ZoneId zone = zone(tz);
        TimeRange range = TimeRange.parse(from, to, zone);
        Counting counting = new Counting(measure(measure), collection(collection), independent);
        return timelines.topic(name, size, zone, range.from(), range.to(), counting)
                .orElseThrow(() -> new NotFoundException("topic", name));
    }

    @GetMapping("/providers/{domain}/timeline")
    @Operation(summary = "A provider's activity: its articles, stories and new stories per bucket",
            description = "Gap-free buckets over [from, to) widened to whole buckets; without from/to the extent "
                    + "of the provider's articles. A story is new in the bucket of its first article (by anyone).")
    ActivityTimeline provider(@PathVariable String domain,
            @Parameter(description = BUCKET + " (default day)") @RequestParam(defaultValue = "day") String bucket,
            @Parameter(description = FROM) @RequestParam(required = false) String from,
            @Parameter(description = TO) @RequestParam(required = false) String to,
            @Parameter(description = TZ) @RequestParam(required = false) String tz,
            @Parameter(description = MEASURE) @RequestParam(defaultValue = "count") String measure,
            @Parameter(description = COLLECTION) @RequestParam(required = false) String collection,
            @Parameter(description = INDEPENDENT) @RequestParam(defaultValue = "false") boolean independent) {
        Bucket size = bucket(bucket);
        ZoneId zone = zone(tz);
        TimeRange range = TimeRange.parse(from, to, zone);
        Counting counting = new Counting(measure(measure), collection(collection), independent);
        return timelines.provider(domain, size, zone, range.from(), range.to(), counting)
                .orElseThrow(() -> new NotFoundException("provider", domain));
    }

    @GetMapping("/collections/{name}/timeline")
    @Operation(summary = "A collection's activity: articles of its outlets, their stories and new stories per bucket",
            description = "Gap-free buckets over [from, to) widened to whole buckets; without from/to the extent "
                    + "of the collection's articles. Shares are of all articles of the graph in the bucket.")
    ActivityTimeline collection(@PathVariable String name,
            @Parameter(description = BUCKET + " (default day)") @RequestParam(defaultValue = "day") String bucket,
            @Parameter(description = FROM) @RequestParam(required = false) String from,
            @Parameter(description = TO) @RequestParam(required = false) String to,
            @Parameter(description = TZ) @RequestParam(required = false) String tz,
            @Parameter(description = MEASURE) @RequestParam(defaultValue = "count") String measure,
            @Parameter(description = INDEPENDENT) @RequestParam(defaultValue = "false") boolean independent) {
        Bucket size = bucket(bucket);
        ZoneId zone = zone(tz);
        TimeRange range = TimeRange.parse(from, to, zone);
        return timelines.collection(name, size, zone, range.from(), range.to(),
                new Counting(measure(measure), null, independent))
                .orElseThrow(() -> new NotFoundException("collection", name));
    }

    private static Bucket bucket(String bucket) {
        try {
            return Bucket.valueOf(bucket.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("bucket", "'bucket' must be hour, day, week or month");
        }
    }

    private static Measure measure(String measure) {
        try {
            return Measure.valueOf(measure.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("measure", "'measure' must be count or share");
        }
    }

    private static String collection(String collection) {
        if (collection == null) {
            return null;
        }
        if (collection.isBlank()) {
            throw new InvalidParameterException("collection", "'collection' must name a collection");
        }
        return collection.strip();
    }

    private static ZoneId zone(String tz) {
        if (tz == null || tz.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(tz.strip());
        } catch (DateTimeException e) {
            throw new InvalidParameterException("tz", "'tz' must be a time zone id such as Europe/Berlin or UTC");
        }
    }
}
