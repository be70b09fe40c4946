package org.storygraph.query;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.Explode;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.enums.ParameterStyle;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.storygraph.common.Csv;
import org.storygraph.common.InvalidParameterException;
import org.storygraph.common.NotFoundException;
import org.storygraph.common.Page;

import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/queries")
@Tag(name = "saved queries", description = "Parameterised, read-only, time-limited Cypher from cypher/queries")
class QueryController {

    /** A saved query as the catalogue shows it. */
    record QueryInfo(String name, String description, List<QueryParam> params, double timeoutSeconds, int limit,
            boolean valid, String error) {
        static QueryInfo of(SavedQuery q) {
            return new QueryInfo(q.name(), q.description(), q.params(), q.timeout().toMillis() / 1000.0, q.limit(),
                    q.valid(), q.error());
        }
    }

    /** A run's JSON document, as {@link ResultWriters#json} streams it (for the OpenAPI document). */
    @Schema(description = "A saved query's result; rows stream as they arrive")
    record RunResult(String query, List<String> columns,
            @Schema(description = "one array of values per row, in column order") List<List<Object>> rows,
            int rowCount, @Schema(description = "the row cap was reached, or the run failed half-way") boolean truncated,
            long elapsedMs,
            @Schema(description = "only when the run failed after rows were sent (a timeout half-way)",
                    nullable = true) RunError error) {
    }

    /** A failure after the first row. */
    record RunError(int status, String title, String detail) {
    }

    static final String EXCEL = "CSV for spreadsheets: a UTF-8 byte-order mark first, and cells starting with = + - "
            + "@ tab or CR (formula injection) prefixed with ' unless they are a plain number such as -3";

    /** Query-string names that are not saved-query parameters. */
    static final Set<String> RESERVED = Set.of("format", "excel");

    private final QueryCatalog catalog;
    private final QueryRunner runner;
    private final JsonMapper mapper;

    QueryController(QueryCatalog catalog, QueryRunner runner, JsonMapper mapper) {
        this.catalog = catalog;
        this.runner = runner;
        this.mapper = mapper;
    }

    @GetMapping
    @Operation(summary = "The saved queries: names, descriptions, typed parameters; broken files with their error")
    Page<QueryInfo> list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return Page.slice(catalog.all().stream().map(QueryInfo::of).toList(), page, size);
    }

    @GetMapping("/{name}")
    @Operation(summary = "One saved query")
    QueryInfo one(@PathVariable String name) {
        return catalog.find(name).map(QueryInfo::of).orElseThrow(() -> new NotFoundException("saved query", name));
    }

    @PostMapping(path = "/{name}/run", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Run a saved query", description = "Body: a JSON object of parameters (optional). Returns "
            + "{query, columns, rows, rowCount, truncated, elapsedMs}; rows stream as they arrive. "
            + "Accept: text/csv for CSV. Read-only; timeout per query (504 when exceeded); row cap (truncated).")
    void runJson(@PathVariable String name, @RequestBody(required = false) Map<String, Object> params,
            HttpServletResponse response) throws IOException {
        try (QueryRunner.Execution run = runner.start(name, params)) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            ResultWriters.json(run, response.getOutputStream(), mapper);
        }
    }

    @PostMapping(path = "/{name}/run", produces = "text/csv")
    @Operation(summary = "Run a saved query, CSV result")
    void runCsv(@PathVariable String name, @RequestBody(required = false) Map<String, Object> params,
            @Parameter(description = EXCEL) @RequestParam(defaultValue = "false") boolean excel,
            HttpServletResponse response) throws IOException {
        try (QueryRunner.Execution run = runner.start(name, params)) {
            csv(run, Csv.Options.excel(excel), response);
        }
    }

    @GetMapping("/{name}/run")
    @Operation(summary = "Run a saved query from a link (pandas, R, curl, a shared URL)", description = "The saved "
            + "query's parameters come from the query string, typed and checked as in the POST body: "
            + "`?provider=wbur.org&limit=10`. Strings are taken as given; int, float, boolean (true/false), date, "
            + "datetime and duration are read as text (2020-06-11, 2020-06-11T09:53:00Z, P1D). A list parameter "
            + "takes repeated names (`words=a&words=b`, each one element) or one comma-separated value "
            + "(`words=a,b`). Unknown names and ill-typed values are 400 problems naming the parameter; `format` and "
            + "`excel` are not saved-query parameters. Same row cap, timeout (504) and read-only execution as the "
            + "POST. pandas: `pd.read_csv(\"http://host/api/queries/NAME/run?limit=10&format=csv\")`.")
    @ApiResponse(responseCode = "200", description = "the result: JSON, or CSV as an attachment NAME.csv", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = RunResult.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                    description = "a header row of the columns, one row per result row; nested values as JSON"))})
    @ApiResponse(responseCode = "400", description = "unknown parameter, ill-typed value or bad format; the "
            + "problem's `parameter` names it", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "no saved query of that name",
            content = @Content(mediaType = "application/problem+json"))
    void runGet(@PathVariable String name,
            @Parameter(description = "csv or json; without it json, unless the Accept header asks for text/csv")
            @RequestParam(required = false) String format,
            @Parameter(description = EXCEL + " (CSV only)") @RequestParam(defaultValue = "false") boolean excel,
            @Parameter(name = "parameters", in = ParameterIn.QUERY, style = ParameterStyle.FORM,
                    explode = Explode.TRUE, description = "the saved query's parameters by name (see GET "
                    + "/api/queries/{name}); lists repeated or comma-separated",
                    schema = @Schema(type = "object", additionalPropertiesSchema = String.class))
            @RequestParam MultiValueMap<String, String> query,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletResponse response) throws IOException {
        boolean csv = csvWanted(format, accept);
        Map<String, List<String>> params = new LinkedHashMap<>();
        query.forEach((key, values) -> {
            if (!RESERVED.contains(key)) {
                params.put(key, values);
            }
        });
        try (QueryRunner.Execution run = runner.startWithQueryString(name, params)) {
            if (csv) {
                csv(run, Csv.Options.excel(excel), response);
            } else {
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                ResultWriters.json(run, response.getOutputStream(), mapper);
            }
        }
    }

    /** {@code format=csv|json} when given (any case), else CSV only when the Accept header names text/csv. */
    static boolean csvWanted(String format, String accept) {
        if (format != null) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new InvalidParameterException("format", "'format' must be csv or json");
            };
        }
        if (accept == null) {
            return false;
        }
        return MediaType.parseMediaTypes(accept).stream().anyMatch(m -> m.getType().equals("text")
                && m.getSubtype().equals("csv"));
    }

    private void csv(QueryRunner.Execution run, Csv.Options options, HttpServletResponse response)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(run.query().name() + ".csv").build().toString());
        ResultWriters.csv(run, response.getOutputStream(), mapper, options);
    }

    @PostMapping("/reload")
    @Operation(summary = "Re-read and re-validate the saved queries (needs the API key)")
    List<QueryInfo> reload() {
        return catalog.reload().stream().map(QueryInfo::of).toList();
    }
}
