package org.storygraph.export;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.storygraph.coverage.CoverageGroup;
import org.storygraph.export.ExportService.Format;
import org.storygraph.export.ExportService.Table;
import org.storygraph.common.Csv;
import org.storygraph.common.InvalidParameterException;
import org.storygraph.common.NotFoundException;
import org.storygraph.common.TimeRange;

@RestController
@RequestMapping("/api")
@Tag(name = "exports", description = "Stories, time spans and the lead/lag network as CSV, JSON, GraphML or GEXF")
class ExportController {

    /**
     * How long one export may stream. Without it the servlet container's default async timeout (30 s in Tomcat)
     * would cut large exports off mid-file.
     */
    static final Duration STREAM_TIMEOUT = Duration.ofHours(1);

    private static final String FORMAT = "csv (one row per article; lead/lag: per edge), json, graphml or gexf";
    static final String EXCEL = "CSV for spreadsheets: a UTF-8 byte-order mark first, and cells starting with = + - @ "
            + "tab or CR (formula injection) prefixed with ' unless they are a plain number such as -3; no effect on "
            + "other formats";

    private final ExportService exports;

    ExportController(ExportService exports) {
        this.exports = exports;
    }

    @GetMapping("/stories/{id}/export")
    @Operation(summary = "Export a story: its articles, providers, topics and the story, with PUBLISHED_BY, TAGGED, "
            + "IN_STORY and RELATED_TO edges (CSV: one row per article)")
    @ApiResponse(responseCode = "200", description = "the export, as an attachment", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string", description = "articleId,url,title,"
                    + "publishedAt,providerDomain,providerName,storyId,lagMinutes,duplicateOf")),
            @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ExportViews.GraphDocument.class)),
            @Content(mediaType = "application/graphml+xml", schema = @Schema(type = "string", format = "GraphML 1.0")),
            @Content(mediaType = "application/gexf+xml", schema = @Schema(type = "string", format = "GEXF 1.2"))})
    ResponseEntity<StreamingResponseBody> story(@PathVariable String id,
            @Parameter(description = FORMAT) @RequestParam(defaultValue = "csv") String format,
            @Parameter(description = EXCEL) @RequestParam(defaultValue = "false") boolean excel,
            HttpServletRequest request) {
        Format f = format(format);
        if (!exports.storyExists(id)) {
            throw new NotFoundException("story", id);
        }
        String run = exports.latestRun();
        return stream(request, f, "story-" + id, run, out -> exports.story(id, f, Csv.Options.excel(excel), run,
                out));
    }

    @GetMapping("/export")
    @Operation(summary = "Export the articles published in [from, to) with their providers, topics and stories, "
            + "and the links among them (CSV: one row per article)")
    @ApiResponse(responseCode = "200", description = "the export, as an attachment", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ExportViews.GraphDocument.class)),
            @Content(mediaType = "application/graphml+xml", schema = @Schema(type = "string")),
            @Content(mediaType = "application/gexf+xml", schema = @Schema(type = "string"))})
    ResponseEntity<StreamingResponseBody> span(
            @Parameter(description = "published at or after (2020-06-10, 2020-06-10T09:00, ...; UTC without zone)")
            @RequestParam String from,
            @Parameter(description = "published before") @RequestParam String to,
            @Parameter(description = FORMAT) @RequestParam(defaultValue = "csv") String format,
            @Parameter(description = EXCEL) @RequestParam(defaultValue = "false") boolean excel,
            HttpServletRequest request) {
        Format f = format(format);
        TimeRange range = TimeRange.parse(from, to).bounded();
        String run = exports.latestRun();
        return stream(request, f, "articles-" + day(range.from()) + "-" + day(range.to()), run,
                out -> exports.span(range.from(), range.to(), f, Csv.Options.excel(excel), run, out));
    }

    @GetMapping("/coverage/leadlag/export")
    @Operation(summary = "Export the lead/lag network: provider nodes and LEADS edges A→B weighted by how often A "
            + "published first on shared stories (CSV: Gephi's edge table, one row per edge; table=nodes: Gephi's "
            + "node table, one row per provider)")
    @ApiResponse(responseCode = "200", description = "the export, as an attachment", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string", description = "edges: Source,Target,"
                    + "Weight,Type,sourceName,targetName,leads,shared,medianLagMinutes (Weight = leads, Type = "
                    + "Directed); nodes: Id,Label,domain,name")),
            @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ExportViews.GraphDocument.class)),
            @Content(mediaType = "application/graphml+xml", schema = @Schema(type = "string")),
            @Content(mediaType = "application/gexf+xml", schema = @Schema(type = "string"))})
    ResponseEntity<StreamingResponseBody> leadLag(
            @Parameter(description = "stories overlapping [from, to)") @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @Parameter(description = "only pairs sharing at least this many stories")
            @RequestParam(defaultValue = "1") @Min(1) int minShared,
            @Parameter(description = "at most this many edges, strongest first")
            @RequestParam(defaultValue = "100000") @Min(1) @Max(100000) int limit,
            @Parameter(description = FORMAT) @RequestParam(defaultValue = "csv") String format,
            @Parameter(description = "CSV only: edges (Gephi's edge table, the default) or nodes (its node table)")
            @RequestParam(defaultValue = "edges") String table,
            @Parameter(description = EXCEL) @RequestParam(defaultValue = "false") boolean excel,
            @Parameter(description = "group by the outlets' collection, country or mediaType (nodes are groups, "
                    + "'unknown' for outlets without a value)", schema = @Schema(allowableValues = {"collection",
                    "country", "mediaType"}))
            @RequestParam(required = false) String groupBy,
            @Parameter(description = "leave out syndicated copies and articles of wire outlets")
            @RequestParam(defaultValue = "false") boolean independent,
            HttpServletRequest request) {
        Format f = format(format);
        Table t = Table.parse(table).orElseThrow(() -> new InvalidParameterException("table",
                "'table' must be edges or nodes"));
        TimeRange range = TimeRange.parse(from, to);
        CoverageGroup group = CoverageGroup.parse(groupBy);
        String name = t == Table.NODES && f == Format.CSV ? "leadlag-nodes" : "leadlag";
        String run = exports.latestRun();
        return stream(request, f, name, run, out -> exports.leadLag(range.from(), range.to(), minShared, limit, group,
                independent, f, Csv.Options.excel(excel), t, run, out));
    }

    private static Format format(String format) {
        return Format.parse(format).orElseThrow(() -> new InvalidParameterException("format",
                "'format' must be " + Format.NAMES));
    }

    private static String day(Instant t) {
        return t.toString().replace(":", "").replace("T000000Z", "");
    }

    /** The header naming the clustering run an export reflects (absent before the first run). */
    static final String RUN_HEADER = "X-StoryGraph-Run";

    private static ResponseEntity<StreamingResponseBody> stream(HttpServletRequest request, Format format,
            String name, String run, Consumer<java.io.OutputStream> export) {
        var async = WebAsyncUtils.getAsyncManager(request).getAsyncWebRequest();
        if (async != null) {
            async.setTimeout(STREAM_TIMEOUT.toMillis());
        }
        var response = ResponseEntity.ok();
        if (run != null) {
            response.header(RUN_HEADER, run);
        }
        return response
                .contentType(MediaType.parseMediaType(format.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + "." + format.extension()).build().toString())
                .body(export::accept);
    }
}
