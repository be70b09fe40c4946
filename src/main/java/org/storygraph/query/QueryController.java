package org.storygraph.query;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
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
            HttpServletResponse response) throws IOException {
        try (QueryRunner.Execution run = runner.start(name, params)) {
            response.setContentType("text/csv;charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
            ResultWriters.csv(run, response.getOutputStream(), mapper);
        }
    }

    @PostMapping("/reload")
    @Operation(summary = "Re-read and re-validate the saved queries (needs the API key)")
    List<QueryInfo> reload() {
        return catalog.reload().stream().map(QueryInfo::of).toList();
    }
}
