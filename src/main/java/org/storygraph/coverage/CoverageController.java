package org.storygraph.coverage;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.storygraph.coverage.CoverageViews.LeadLagNetwork;
import org.storygraph.coverage.CoverageViews.ProviderOverlap;
import org.storygraph.coverage.CoverageViews.ProviderProfile;
import org.storygraph.coverage.CoverageViews.StoryCoverage;
import org.storygraph.common.NotFoundException;
import org.storygraph.common.TimeRange;

@RestController
@RequestMapping("/api")
@Tag(name = "coverage", description = "Who covered a story, who was first, who leads whom")
class CoverageController {

    private final CoverageService coverage;

    CoverageController(CoverageService coverage) {
        this.coverage = coverage;
    }

    @GetMapping("/stories/{id}/coverage")
    @Operation(summary = "Providers that covered a story: first/last time, articles, share, lag after the first "
            + "report (minutes), rank; the first reporter(s)")
    StoryCoverage story(@PathVariable String id) {
        return coverage.story(id).orElseThrow(() -> new NotFoundException("story", id));
    }

    @GetMapping("/providers/{domain}")
    @Operation(summary = "A provider: stories covered, how often first, median lag, providers it most often "
            + "precedes and follows")
    ProviderProfile provider(@PathVariable String domain,
            @Parameter(description = "how many preceded/followed providers to list")
            @RequestParam(defaultValue = "10") @Min(1) @Max(100) int relations) {
        return coverage.provider(domain.toLowerCase(java.util.Locale.ROOT), relations)
                .orElseThrow(() -> new NotFoundException("provider", domain));
    }

    @GetMapping("/coverage/leadlag")
    @Operation(summary = "Lead/lag network: A→B weighted by how often A published before B on shared stories")
    LeadLagNetwork leadLag(
            @Parameter(description = "stories overlapping [from, to)") @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @Parameter(description = "only pairs sharing at least this many stories")
            @RequestParam(defaultValue = "1") @Min(1) int minShared,
            @RequestParam(defaultValue = "500") @Min(1) @Max(100000) int limit) {
        TimeRange range = TimeRange.parse(from, to);
        return coverage.leadLag(range.from(), range.to(), minShared, limit);
    }

    @GetMapping("/coverage/overlap")
    @Operation(summary = "Provider pairs by shared stories, with the Jaccard index of their story sets")
    List<ProviderOverlap> overlap(@RequestParam(defaultValue = "1") @Min(1) int minShared,
            @RequestParam(defaultValue = "100") @Min(1) @Max(100000) int limit) {
        return coverage.overlap(minShared, limit);
    }
}
