package org.storygraph.coverage;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.storygraph.coverage.CoverageViews.LeadLagPage;
import org.storygraph.coverage.CoverageViews.ProviderOverlap;
import org.storygraph.coverage.CoverageViews.ProviderProfile;
import org.storygraph.coverage.CoverageViews.StoryCoverage;
import org.storygraph.common.NotFoundException;
import org.storygraph.common.Page;
import org.storygraph.common.TimeRange;

@RestController
@RequestMapping("/api")
@Tag(name = "coverage", description = "Who covered a story, who was first, who leads whom")
class CoverageController {

    private static final String GROUP_BY = "group by the outlets' collection (an outlet in several counts in each), "
            + "country or mediaType; outlets without one fall into the group 'unknown'";
    private static final String INDEPENDENT = "leave out syndicated copies (DUPLICATE_OF) and articles of outlets of "
            + "media type wire; 'independence' says how many";

    private final CoverageService coverage;

    CoverageController(CoverageService coverage) {
        this.coverage = coverage;
    }

    @GetMapping("/stories/{id}/coverage")
    @Operation(summary = "Providers that covered a story: first/last time, articles, share, lag after the first "
            + "report (minutes), rank; the first reporter(s); with groupBy the same per group of outlets")
    StoryCoverage story(@PathVariable String id,
            @Parameter(description = GROUP_BY, schema = @Schema(allowableValues = {"collection", "country",
                    "mediaType"}))
            @RequestParam(required = false) String groupBy,
            @Parameter(description = INDEPENDENT) @RequestParam(defaultValue = "false") boolean independent) {
        return coverage.story(id, CoverageGroup.parse(groupBy), independent)
                .orElseThrow(() -> new NotFoundException("story", id));
    }

    @GetMapping("/providers/{domain}")
    @Operation(summary = "A provider: stories covered, how often first, median lag, providers it most often "
            + "precedes and follows")
    ProviderProfile provider(@PathVariable String domain,
            @Parameter(description = "how many preceded/followed providers to list")
            @RequestParam(defaultValue = "10") @Min(1) @Max(100) int relations,
            @Parameter(description = INDEPENDENT) @RequestParam(defaultValue = "false") boolean independent) {
        return coverage.provider(domain.toLowerCase(java.util.Locale.ROOT), relations, independent)
                .orElseThrow(() -> new NotFoundException("provider", domain));
    }

    @GetMapping("/coverage/leadlag")
    @Operation(summary = "Lead/lag network: A→B weighted by how often A published before B on shared stories",
            description = "A page of directed edges over the stories with two or more providers that overlap "
                    + "[from, to): between providers, or with groupBy between groups of outlets (a group's time on "
                    + "a story is its earliest outlet's). With groupBy or independent=true the page also holds "
                    + "'groupBy' and 'independence'.")
    LeadLagPage leadLag(
            @Parameter(description = "stories overlapping [from, to): " + TimeRange.FORMATS)
            @RequestParam(required = false) String from,
            @Parameter(description = "end of the range (exclusive)") @RequestParam(required = false) String to,
            @Parameter(description = "only pairs sharing at least this many stories")
            @RequestParam(defaultValue = "1") @Min(1) int minShared,
            @Parameter(description = "sort=field[,asc|desc], repeatable; fields: leads, shared (most first unless "
                    + "asked otherwise), lag (median lag in minutes, shortest first); default leads,desc&sort=shared,desc",
                    array = @ArraySchema(schema = @Schema(type = "string", allowableValues = {"leads", "leads,desc",
                            "leads,asc", "shared", "shared,desc", "shared,asc", "lag", "lag,asc", "lag,desc"})))
            @RequestParam(required = false) List<String> sort,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @Parameter(description = "edges per page (default 500)")
            @RequestParam(required = false) @Min(1) @Max(10000) Integer size,
            @Parameter(description = "old name of size", deprecated = true)
            @RequestParam(required = false) @Min(1) @Max(10000) Integer limit,
            @Parameter(description = GROUP_BY, schema = @Schema(allowableValues = {"collection", "country",
                    "mediaType"}))
            @RequestParam(required = false) String groupBy,
            @Parameter(description = INDEPENDENT) @RequestParam(defaultValue = "false") boolean independent) {
        TimeRange range = TimeRange.parse(from, to);
        return coverage.leadLag(range, minShared, CoverageGroup.parse(groupBy), independent,
                CoverageService.LEAD_LAG_SORTS.parse(sort), page, pageSize(size, limit, 500));
    }

    @GetMapping("/coverage/overlap")
    @Operation(summary = "Provider pairs by shared stories, with the Jaccard index of their story sets",
            description = "A page of unordered pairs (a before b alphabetically) over the stories with two or more "
                    + "providers that overlap [from, to); the Jaccard index counts each provider's stories in that "
                    + "range.")
    Page<ProviderOverlap> overlap(
            @Parameter(description = "stories overlapping [from, to): " + TimeRange.FORMATS)
            @RequestParam(required = false) String from,
            @Parameter(description = "end of the range (exclusive)") @RequestParam(required = false) String to,
            @Parameter(description = "only pairs sharing at least this many stories")
            @RequestParam(defaultValue = "1") @Min(1) int minShared,
            @Parameter(description = "sort=field[,asc|desc], repeatable; fields: shared, jaccard (highest first "
                    + "unless asked otherwise); default shared,desc&sort=jaccard,desc", array = @ArraySchema(
                    schema = @Schema(type = "string", allowableValues = {"shared", "shared,desc", "shared,asc",
                            "jaccard", "jaccard,desc", "jaccard,asc"})))
            @RequestParam(required = false) List<String> sort,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @Parameter(description = "pairs per page (default 100)")
            @RequestParam(required = false) @Min(1) @Max(10000) Integer size,
            @Parameter(description = "old name of size", deprecated = true)
            @RequestParam(required = false) @Min(1) @Max(10000) Integer limit) {
        TimeRange range = TimeRange.parse(from, to);
        return coverage.overlap(range, minShared, CoverageService.OVERLAP_SORTS.parse(sort), page,
                pageSize(size, limit, 100));
    }

    /** {@code size}, else the old {@code limit}, else the default. */
    private static int pageSize(Integer size, Integer limit, int fallback) {
        return size != null ? size : limit != null ? limit : fallback;
    }
}
