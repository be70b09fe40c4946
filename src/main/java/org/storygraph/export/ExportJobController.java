package org.storygraph.export;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.storygraph.common.Csv;
import org.storygraph.common.InvalidParameterException;
import org.storygraph.common.TimeRange;
import org.storygraph.export.ExportService.Format;
import org.storygraph.jobs.Job;
import org.storygraph.jobs.JobKind;
import org.storygraph.jobs.JobResponses;
import org.storygraph.jobs.JobService;

/**
 * Large exports as background jobs: {@code POST /api/exports} writes the export of a time span (or of the whole
 * graph) to a file on the server and answers at once with the job; the file is downloaded from
 * {@code /api/jobs/{id}/result} when the job is done. {@code GET /api/export} still streams in the request.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "exports")
class ExportJobController {

    /** Bounds of "the whole graph" when a request gives no from or to. */
    private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

    private final ExportService exports;
    private final JobService jobs;

    ExportJobController(ExportService exports, JobService jobs) {
        this.exports = exports;
        this.jobs = jobs;
    }

    /**
     * What to export.
     *
     * @param from   articles published at or after (2020-06-10, 2020-06-10T09:00, ...; UTC without zone); none: from
     *               the first
     * @param to     published before; none: up to the last
     * @param format csv (default), json, graphml or gexf
     */
    record ExportRequest(String from, String to,
            @Schema(allowableValues = {"csv", "json", "graphml", "gexf"}, defaultValue = "csv") String format) {
    }

    @PostMapping(path = "/exports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Export a time span or the whole graph as a background job (needs the API key)",
            description = "The same document as GET /api/export, written to a file on the server "
                    + "(storygraph.jobs.result-dir). Answers 202 Accepted with Location /api/jobs/{id}; when the job "
                    + "is done its resultUrl (/api/jobs/{id}/result) downloads the file. Progress counts the "
                    + "articles of the span (0 of N until the file is complete); an export cannot be cancelled "
                    + "half-way (it is one read transaction).")
    @ApiResponse(responseCode = "202", description = "the export job, queued")
    ResponseEntity<Job> export(@RequestBody ExportRequest request) {
        String formatName = request.format() == null || request.format().isBlank() ? "csv" : request.format();
        Format format = Format.parse(formatName).orElseThrow(() -> new InvalidParameterException("format",
                "'format' must be " + Format.NAMES));
        TimeRange range = TimeRange.parse(request.from(), request.to());
        Instant from = range.from() == null ? EARLIEST : range.from();
        Instant to = range.to() == null ? LATEST : range.to();
        if (!from.isBefore(to)) {
            throw new InvalidParameterException("to", "'to' must be after 'from'");
        }
        Map<String, Object> asked = new LinkedHashMap<>();
        asked.put("from", range.from());
        asked.put("to", range.to());
        asked.put("format", format.extension());
        String run = exports.latestRun();
        ResponseEntity<Job> accepted = JobResponses.accepted(jobs.submit(JobKind.EXPORT, "articles", asked, job -> {
            long articles = exports.countSpan(from, to);
            job.progress(0, articles);
            Path file = job.resultFile("articles." + format.extension(), format.mediaType());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                exports.span(from, to, format, Csv.Options.PLAIN, run, out);
            }
            job.progress(articles, articles);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("articles", articles);
            result.put("format", format.extension());
            result.put("bytes", Files.size(file));
            result.put("run", run);
            return result;
        }));
        return run == null ? accepted : ResponseEntity.status(accepted.getStatusCode())
                .headers(accepted.getHeaders()).header(ExportController.RUN_HEADER, run).body(accepted.getBody());
    }
}
