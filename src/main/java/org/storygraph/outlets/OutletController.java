package org.storygraph.outlets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.storygraph.common.NotFoundException;
import org.storygraph.common.Page;
import org.storygraph.outlets.OutletViews.CollectionDetail;
import org.storygraph.outlets.OutletViews.CollectionSummary;
import org.storygraph.outlets.OutletViews.ProviderFilter;
import org.storygraph.outlets.OutletViews.ProviderSummary;

@RestController
@RequestMapping("/api")
@Tag(name = "outlets", description = "Providers with their outlet metadata, collections, outlet file import")
class OutletController {

    private final OutletQueries queries;
    private final OutletImport imports;

    OutletController(OutletQueries queries, OutletImport imports) {
        this.queries = queries;
        this.imports = imports;
    }

    @GetMapping("/providers")
    @Operation(summary = "Providers by number of articles, with outlet metadata and collections")
    Page<ProviderSummary> providers(
            @Parameter(description = "part of a domain or name") @RequestParam(required = false) String q,
            @Parameter(description = "only outlets in this collection (exact name)")
            @RequestParam(required = false) String collection,
            @Parameter(description = "only outlets of this media type (wire, national, …; case and blanks ignored)")
            @RequestParam(required = false) String mediaType,
            @Parameter(description = "only outlets of this country (ISO 3166-1 alpha-2, e.g. US)")
            @RequestParam(required = false) String country,
            @Parameter(description = "sort=field[,asc|desc], repeatable; fields: articles (most first unless asked "
                    + "otherwise), domain, name (A to Z); default articles,desc", array = @ArraySchema(schema = @Schema(
                    type = "string", allowableValues = {"articles", "articles,desc", "articles,asc", "domain",
                            "domain,asc", "domain,desc", "name", "name,asc", "name,desc"})))
            @RequestParam(required = false) List<String> sort,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return queries.providers(new ProviderFilter(q, collection, mediaType, country),
                OutletQueries.PROVIDER_SORTS.parse(sort), page, size);
    }

    @PostMapping(path = "/providers/import", consumes = {"text/csv", "application/yaml", "application/x-yaml",
            "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import an outlet file (API key)", description = "The body is the file: CSV (text/csv; "
            + "header domain,name,country,language,mediaType,owner,collections; collections separated by ; or |) "
            + "or YAML (application/yaml; a list of outlets with the same keys, collections as a list). Each outlet "
            + "gets exactly the metadata and collections the file gives; bad rows are reported by line and field "
            + "and left out, the good ones imported. Answers the import report.")
    ImportReport importBody(@RequestBody String body,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
        return imports.importText(null, contentType, body);
    }

    @PostMapping(path = "/providers/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import an uploaded outlet file (API key)", description = "The part 'file' is the outlet "
            + "file; its format comes from the file name (.csv, .yaml, .yml), else from the part's Content-Type.")
    ImportReport importUpload(@RequestPart("file") MultipartFile file) throws IOException {
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? null
                : Path.of(file.getOriginalFilename()).getFileName().toString();
        return imports.importText(name, file.getContentType(), new String(file.getBytes(), StandardCharsets.UTF_8));
    }

    @GetMapping("/collections")
    @Operation(summary = "Collections of outlets, A to Z, with their outlet and article counts")
    Page<CollectionSummary> collections(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return queries.collections(page, size);
    }

    @GetMapping("/collections/{name}")
    @Operation(summary = "One collection with its outlets, most articles first")
    CollectionDetail collection(@PathVariable String name) {
        return queries.collection(name).orElseThrow(() -> new NotFoundException("collection", name));
    }
}
