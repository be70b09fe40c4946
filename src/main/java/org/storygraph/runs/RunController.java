package org.storygraph.runs;

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
import org.storygraph.common.NotFoundException;
import org.storygraph.common.Page;
import org.storygraph.runs.RunViews.Change;
import org.storygraph.runs.RunViews.Run;

@RestController
@RequestMapping("/api/runs")
@Tag(name = "runs", description = "Clustering runs: what each incremental batch and recluster did to the stories")
class RunController {

    private final RunQueries queries;

    RunController(RunQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Clustering runs, newest first",
            description = "Each with its model and checksum, every clustering setting, the code version, articles "
                    + "in, stories out and how many stories it created, grew, merged, split and removed.")
    Page<Run> runs(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return queries.runs(page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One clustering run")
    Run run(@PathVariable String id) {
        return queries.run(id).orElseThrow(() -> new NotFoundException("run", id));
    }

    @GetMapping("/{id}/changes")
    @Operation(summary = "The stories a run changed, in sequence order (unchanged stories are not listed)")
    Page<Change> changes(@PathVariable String id,
            @Parameter(description = "only changes of this kind: created, grown, merged, split, removed")
            @RequestParam(required = false) String kind,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        if (queries.run(id).isEmpty()) {
            throw new NotFoundException("run", id);
        }
        return queries.changes(id, kind, page, size);
    }
}
