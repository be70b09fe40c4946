package org.storygraph.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
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

@RestController
@RequestMapping("/api")
@Tag(name = "ingest", description = "Load news files into the graph (needs the API key)")
class IngestController {

    private final IngestService ingest;
    private final IngestProperties properties;
    private final LoadHistory history;

    IngestController(IngestService ingest, IngestProperties properties, LoadHistory history) {
        this.ingest = ingest;
        this.properties = properties;
        this.history = history;
    }

    /** Server-side paths to load; each must lie inside one of the configured ingest roots. */
    record IngestRequest(List<String> paths) {
    }

    @PostMapping(path = "/ingest", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Load uploaded files", description = "Each part named 'files' is one news file: front "
            + "matter (.md, .txt, .yaml), CSV (.csv or text/csv) or JSON Lines (.jsonl, .ndjson or "
            + "application/x-ndjson); the format is taken from the file name, else from the part's Content-Type. "
            + "Uploaded files are identified by their file names. Returns the load report.")
    LoadReport upload(@RequestPart("files") List<MultipartFile> files) throws IOException {
        List<IngestService.Upload> uploads = new ArrayList<>();
        for (MultipartFile file : files) {
            String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                    ? file.getName() : Path.of(file.getOriginalFilename()).getFileName().toString();
            uploads.add(new IngestService.Upload(name, file.getBytes(), file.getContentType()));
        }
        return ingest.loadUploads(uploads);
    }

    @PostMapping(path = "/ingest", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Load files or directories on the server",
            description = "Paths must lie inside the configured roots (storygraph.ingest.allowed-roots).")
    LoadReport loadPaths(@RequestBody IngestRequest request) {
        if (request.paths() == null || request.paths().isEmpty()) {
            throw new InvalidParameterException("paths", "Give at least one path");
        }
        IngestRoots roots = new IngestRoots(properties.allowedRoots());
        List<Path> paths = new ArrayList<>();
        for (String p : request.paths()) {
            paths.add(confined(roots, p));
        }
        // files of a directory that are symbolic links out of the roots are reported, not read
        return ingest.load(paths, LoadProgress.logging(), roots::contains);
    }

    @GetMapping("/loads/{id}")
    @Operation(summary = "Report of a recent load of this process")
    LoadReport load(@PathVariable String id) {
        return history.find(id).orElseThrow(() -> new NotFoundException("load", id));
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
