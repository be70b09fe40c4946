package org.storygraph.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.storygraph.common.InvalidParameterException;
import org.storygraph.common.NotFoundException;
import org.storygraph.jobs.Job;
import org.storygraph.jobs.JobContext;
import org.storygraph.jobs.JobKind;
import org.storygraph.jobs.JobResponses;
import org.storygraph.jobs.JobService;

@RestController
@RequestMapping("/api")
@Tag(name = "ingest", description = "Load news files into the graph (needs the API key)")
class IngestController {

    private final IngestService ingest;
    private final IngestProperties properties;
    private final LoadHistory history;
    private final JobService jobs;

    IngestController(IngestService ingest, IngestProperties properties, LoadHistory history, JobService jobs) {
        this.ingest = ingest;
        this.properties = properties;
        this.history = history;
        this.jobs = jobs;
    }

    /**
     * Server-side paths to load; each must lie inside one of the configured ingest roots.
     *
     * @param paths     files or directories (walked recursively)
     * @param batchSize files written per transaction, 1 to storygraph.ingest.batch-size (default: that setting);
     *                  smaller batches give finer progress and a cancellation that stops sooner
     */
    record IngestRequest(List<String> paths, Integer batchSize) {
    }

    @PostMapping(path = "/ingest", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Load uploaded files", description = "Each part named 'files' is one news file: front "
            + "matter (.md, .txt, .yaml), CSV (.csv or text/csv) or JSON Lines (.jsonl, .ndjson or "
            + "application/x-ndjson); the format is taken from the file name, else from the part's Content-Type. "
            + "Uploaded files are identified by their file names. A small upload (at most "
            + "storygraph.ingest.sync-upload.max-files files and max-size bytes, default 20 files and 10MB) is "
            + "loaded in the request and answered with the load report (200); a larger one runs as a job: 202 "
            + "Accepted, Location /api/jobs/{id}, the job (its result is the load report).")
    @ApiResponse(responseCode = "200", description = "a small upload, loaded: the load report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = LoadReport.class)))
    @ApiResponse(responseCode = "202", description = "a large upload, loading as a job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Job.class)))
    ResponseEntity<?> upload(@RequestPart("files") List<MultipartFile> files) throws IOException {
        List<IngestService.Upload> uploads = new ArrayList<>();
        long bytes = 0;
        for (MultipartFile file : files) {
            String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                    ? file.getName() : Path.of(file.getOriginalFilename()).getFileName().toString();
            uploads.add(new IngestService.Upload(name, file.getBytes(), file.getContentType()));
            bytes += file.getSize();
        }
        var request = java.util.Map.of("uploads", uploads.stream().map(IngestService.Upload::name).toList());
        if (uploads.size() <= properties.syncUpload().maxFiles()
                && bytes <= properties.syncUpload().maxSize().toBytes()) {
            return ResponseEntity.ok(jobs.runHere(JobKind.INGEST, "files", request,
                    job -> ingest.loadUploads(job.id(), uploads, progress(job))));
        }
        return JobResponses.accepted(jobs.submit(JobKind.INGEST, "files", request,
                job -> ingest.loadUploads(job.id(), uploads, progress(job))));
    }

    @PostMapping(path = "/ingest", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Load files or directories on the server, as a background job",
            description = "Paths must lie inside the configured roots (storygraph.ingest.allowed-roots); they are "
                    + "checked at once (400, 403). The load runs as a job: 202 Accepted, Location /api/jobs/{id} "
                    + "and the job; poll it for progress (files) and, when done, the load report as its result. "
                    + "DELETE /api/jobs/{id} stops it at the next batch boundary.")
    @ApiResponse(responseCode = "202", description = "the load job, queued")
    ResponseEntity<Job> loadPaths(@RequestBody IngestRequest request) {
        if (request.paths() == null || request.paths().isEmpty()) {
            throw new InvalidParameterException("paths", "Give at least one path");
        }
        int batchSize = properties.batchSize();
        if (request.batchSize() != null) {
            if (request.batchSize() < 1 || request.batchSize() > properties.batchSize()) {
                throw new InvalidParameterException("batchSize",
                        "'batchSize' must be between 1 and " + properties.batchSize());
            }
            batchSize = request.batchSize();
        }
        IngestRoots roots = new IngestRoots(properties.allowedRoots());
        List<Path> paths = new ArrayList<>();
        for (String p : request.paths()) {
            paths.add(confined(roots, p));
        }
        int batch = batchSize;
        // files of a directory that are symbolic links out of the roots are reported, not read
        Job job = jobs.submit(JobKind.INGEST, "files", request,
                context -> ingest.load(context.id(), paths, progress(context), roots::contains, batch));
        return JobResponses.accepted(job);
    }

    /** Progress of a load into its job (and the log), and the job's cancellation into the load. */
    private static LoadProgress progress(JobContext job) {
        LoadProgress log = LoadProgress.logging();
        return new LoadProgress() {
            @Override
            public void update(int filesDone, int filesTotal, int articlesWritten) {
                log.update(filesDone, filesTotal, articlesWritten);
                job.progress(filesDone, filesTotal);
            }

            @Override
            public boolean cancelled() {
                return job.cancelRequested();
            }
        };
    }

    @GetMapping("/loads/{id}")
    @Operation(summary = "Report of a load", description = "Loads made through the API are jobs: their reports are "
            + "stored with the job (the same id), so they survive a restart.")
    LoadReport load(@PathVariable String id) {
        return jobs.result(id, JobKind.INGEST, LoadReport.class).or(() -> history.find(id))
                .orElseThrow(() -> new NotFoundException("load", id));
    }

    private static Path confined(IngestRoots roots, String given) {
        IngestRoots.Result result = roots.confine(given);
        if (result.refusal() == null) {
            return result.path();
        }
        if (!result.refusal().outside()) {
            throw new InvalidParameterException("paths", result.refusal().reason());
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, result.refusal().reason());
        problem.setTitle("Path not allowed");
        throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
    }
}
