package org.storygraph.story;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.storygraph.clustering.StoryClusterer;
import org.storygraph.common.Page;
import org.storygraph.common.SortOrder;
import org.storygraph.jobs.Job;
import org.storygraph.jobs.JobKind;
import org.storygraph.jobs.JobResponses;
import org.storygraph.jobs.JobService;
import org.storygraph.common.TimeRange;
import org.storygraph.story.StoryViews.ReclusterResult;
import org.storygraph.story.StoryViews.StoryDetail;
import org.storygraph.story.StoryViews.StoryGraph;
import org.storygraph.story.StoryViews.StorySummary;
import org.storygraph.common.NotFoundException;

@RestController
@RequestMapping("/api")
@Tag(name = "stories", description = "Stories: the same event told by many outlets")
class StoryController {

    private final StoryQueries queries;
    private final StoryClusterer clusterer;
    private final JobService jobs;

    StoryController(StoryQueries queries, StoryClusterer clusterer, JobService jobs) {
        this.queries = queries;
        this.clusterer = clusterer;
        this.jobs = jobs;
    }

    @GetMapping("/stories")
    @Operation(summary = "List stories", description = "from/to select stories whose span overlaps the range.")
    Page<StorySummary> stories(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @Parameter(description = "topic name one of its articles has") @RequestParam(required = false) String topic,
            @Parameter(description = "provider domain that covered it") @RequestParam(required = false) String provider,
            @Parameter(description = "at least this many providers") @RequestParam(required = false) @Min(1) Integer minProviders,
            @Parameter(description = "name of a collection an outlet that covered it is in")
            @RequestParam(required = false) String collection,
            @Parameter(description = "media type of an outlet that covered it (wire, national, local, …)")
            @RequestParam(required = false) String mediaType,
            @Parameter(description = "country of an outlet that covered it (e.g. US)")
            @RequestParam(required = false) String country,
            @Parameter(description = "words an article of the story has in its title or excerpt")
            @RequestParam(required = false) String q,
            @Parameter(description = "only stories created or changed (members, size, label, times) after this "
                    + "time: " + TimeRange.FORMATS + " (UTC without zone)")
            @RequestParam(required = false) String changedSince,
            @Parameter(description = "sort=field[,asc|desc], repeatable; fields: size, providers, recency (each "
                    + "descending unless asked otherwise); default size,desc", array = @ArraySchema(schema = @Schema(
                    type = "string", allowableValues = {"size", "size,desc", "size,asc", "providers", "providers,desc",
                            "providers,asc", "recency", "recency,desc", "recency,asc"})))
            @RequestParam(required = false) List<String> sort,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        TimeRange range = TimeRange.parse(from, to);
        SortOrder order = StoryQueries.SORTS.parse(sort);
        Instant since = TimeRange.instant("changedSince", changedSince, ZoneOffset.UTC);
        return queries.stories(new StoryQueries.StoryFilter(range.from(), range.to(), topic, provider, minProviders,
                q, blankToNull(collection), blankToNull(mediaType), blankToNull(country), since), order, page, size);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @GetMapping("/stories/{id}")
    @Operation(summary = "One story: label, span and its articles in time order with providers")
    StoryDetail story(@PathVariable String id) {
        return queries.story(id).orElseThrow(() -> new NotFoundException("story", id));
    }

    @GetMapping("/stories/{id}/graph")
    @Operation(summary = "A story as nodes (articles, providers) and edges (PUBLISHED_BY, RELATED_TO, DUPLICATE_OF)")
    StoryGraph graph(@PathVariable String id) {
        return queries.graph(id).orElseThrow(() -> new NotFoundException("story", id));
    }

    @GetMapping("/articles/{id}/story")
    @Operation(summary = "The story an article belongs to")
    StorySummary storyOfArticle(@PathVariable String id) {
        return queries.storyOfArticle(id).orElseThrow(() -> queries.articleExists(id)
                ? new NotFoundException("story for article", id) : new NotFoundException("article", id));
    }

    @PostMapping("/stories/recluster")
    @Operation(summary = "Rebuild all stories, as a background job (needs the API key)",
            description = "Answers 202 Accepted with Location /api/jobs/{id} and the job; progress counts articles, "
                    + "the result is the recluster's outcome. DELETE /api/jobs/{id} stops it between chunks "
                    + "(storygraph.story.recluster-chunk articles): the chunks before keep their stories, the "
                    + "articles after have none until the next recluster.")
    @ApiResponse(responseCode = "202", description = "the recluster job, queued")
    ResponseEntity<Job> recluster() {
        return JobResponses.accepted(jobs.submit(JobKind.RECLUSTER, "articles", Map.of(), job -> {
            int[] last = new int[2];
            StoryClusterer.Result r = clusterer.recluster(line -> { }, new StoryClusterer.ReclusterProgress() {
                @Override
                public void update(int done, int total) {
                    last[0] = done;
                    last[1] = total;
                    job.progress(done, total);
                }

                @Override
                public boolean cancelled() {
                    return job.cancelRequested();
                }
            });
            String stopped = job.cancelRequested() && last[0] < last[1]
                    ? String.format("cancelled after %,d of %,d articles", last[0], last[1]) : null;
            return new ReclusterResult(r.articles(), r.storiesCreated() - r.storiesMerged(), r.duplicates(),
                    r.millis(), stopped, r.runId());
        }));
    }
}
