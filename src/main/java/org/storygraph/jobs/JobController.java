package org.storygraph.jobs;

import java.nio.file.Files;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.storygraph.common.NotFoundException;
import org.storygraph.common.Page;

@RestController
@RequestMapping("/api/jobs")
@Tag(name = "jobs", description = "Background jobs: loads by path, recluster and large exports (stored in the graph)")
class JobController {

    private final JobService jobs;

    JobController(JobService jobs) {
        this.jobs = jobs;
    }

    @GetMapping
    @Operation(summary = "List jobs, newest first")
    Page<Job> list(
            @Parameter(description = "only jobs in this state", schema = @Schema(allowableValues = {"queued",
                    "running", "done", "failed", "cancelled", "interrupted"}))
            @RequestParam(required = false) String state,
            @Parameter(description = "only jobs of this kind", schema = @Schema(allowableValues = {"ingest",
                    "recluster", "export"}))
            @RequestParam(required = false) String kind,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return jobs.list(state == null || state.isBlank() ? null : JobState.parse("state", state),
                kind == null || kind.isBlank() ? null : JobKind.parse("kind", kind), page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One job: state, progress, timings, request, result or error",
            description = "Poll it until 'state' is done, failed, cancelled or interrupted.")
    @ApiResponse(responseCode = "200", description = "the job")
    @ApiResponse(responseCode = "404", description = "no such job",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    Job job(@PathVariable String id) {
        return jobs.job(id);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Cancel a job (needs the API key)", description = "A queued job is cancelled at once; a "
            + "running one stops at its next batch boundary (what it committed stays, its result says where it "
            + "stopped) and the answer is 202; a finished job is returned unchanged.")
    @ApiResponse(responseCode = "200", description = "the job, cancelled or already finished")
    @ApiResponse(responseCode = "202", description = "the running job, asked to stop")
    @ApiResponse(responseCode = "404", description = "no such job",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<Job> cancel(@PathVariable String id) {
        Job job = jobs.cancel(id);
        return ResponseEntity.status(job.jobState() == JobState.RUNNING ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(job);
    }

    @GetMapping("/{id}/result")
    @Operation(summary = "Download the file a job produced (an export)")
    @ApiResponse(responseCode = "200", description = "the file", content = @Content(mediaType = "*/*"))
    @ApiResponse(responseCode = "404", description = "no such job, or it has no file (yet)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<Resource> result(@PathVariable String id) {
        JobService.ResultFile file = jobs.resultFile(id);
        if (!Files.isRegularFile(file.path())) {
            throw new NotFoundException("result file of job", id);
        }
        return ResponseEntity.ok()
                .contentType(file.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM
                        : MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.path().getFileName().toString()).build().toString())
                .body(new FileSystemResource(file.path()));
    }
}
