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
import org.storygraph.timeline.TimelineViews.ActivityTimeline;
import org.storygraph.timeline.TimelineViews.StoryTimeline;
import org.storygraph.common.InvalidParameterException;
import org.storygraph.common.NotFoundException;
import org.storygraph.common.TimeRange;

@RestController
@RequestMapping("/api")
@Tag(name = "timelines", description = "How a story spread over time; how active a topic or provider was")
class TimelineController {

    private static final String BUCKET = "hour or day";
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
            @Parameter(description = TZ) @RequestParam(required = false) String tz) {
        return timelines.story(id, bucket(bucket), zone(tz)).orElseThrow(() -> new NotFoundException("story", id));
    }

    @GetMapping("/topics/{name}/timeline")
    @Operation(summary = "A topic's activity: its articles, stories and new stories per bucket",
            description = "Gap-free buckets over [from, to) widened to whole buckets; without from/to the extent "
                    + "of the topic's articles. A story is new in the bucket of its first article (on any topic).")
    ActivityTimeline topic(@PathVariable String name,
            @Parameter(description = BUCKET + " (default day)") @RequestParam(defaultValue = "day") String bucket,
            @Parameter(description = FROM) @RequestParam(required = false) String from,
            @Parameter(description = TO) @RequestParam(required = false) String to,
            @Parameter(description = TZ) @RequestParam(required = false) String tz) {
        Bucket size = bucket(bucket);
        ZoneId zone = zone(tz);
        TimeRange range = TimeRange.parse(from, to, zone);
        return timelines.topic(name, size, zone, range.from(), range.to())
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
            @Parameter(description = TZ) @RequestParam(required = false) String tz) {
        Bucket size = bucket(bucket);
        ZoneId zone = zone(tz);
        TimeRange range = TimeRange.parse(from, to, zone);
        return timelines.provider(domain, size, zone, range.from(), range.to())
                .orElseThrow(() -> new NotFoundException("provider", domain));
    }

    private static Bucket bucket(String bucket) {
        try {
            return Bucket.valueOf(bucket.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("bucket", "'bucket' must be hour or day");
        }
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
