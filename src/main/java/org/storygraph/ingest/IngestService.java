package org.storygraph.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.storygraph.common.OutletsProperties;
import org.storygraph.graph.Graph;
import org.storygraph.graph.GraphChanged;

/**
 * Loads news files into the graph: idempotent (files already loaded with the same content are skipped, everything
 * else is MERGEd), batched (one transaction per {@code batchSize} files), and forgiving (a bad file is reported and
 * skipped; the good files of the same load still land).
 */
@Service
public class IngestService {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final IngestProperties properties;
    private final BatchWriter writer;
    private final FrontMatterParser parser;
    private final int maxBytes;
    private final ApplicationEventPublisher events;
    private final LoadHistory history;
    private final IngestMetrics metrics;

    IngestService(IngestProperties properties, OutletsProperties outlets, Graph graph,
            ApplicationEventPublisher events, LoadHistory history, ObjectProvider<MeterRegistry> registry) {
        this.metrics = new IngestMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
        this.properties = properties;
        this.writer = new BatchWriter(graph, outlets::providerKey);
        this.maxBytes = (int) Math.min(Integer.MAX_VALUE - 16, properties.maxFileSize().toBytes());
        this.parser = new FrontMatterParser(maxBytes, properties.maxAliases(), properties.maxNestingDepth());
        this.events = events;
        this.history = history;
    }

    /** Loads files and directories (walked recursively); progress goes to {@code progress}. */
    public LoadReport load(List<Path> paths, LoadProgress progress) {
        return load(paths, progress, file -> true);
    }

    /**
     * As {@link #load(List, LoadProgress)}, with the columns of CSV files and keys of JSON Lines files named by
     * {@code mapping} (a {@code --mapping} file).
     */
    public LoadReport load(List<Path> paths, LoadProgress progress, ColumnMapping mapping) {
        return load(paths, progress, file -> true, mapping);
    }

    /** The file name patterns taken when a directory is walked. */
    public List<String> includePatterns() {
        return List.copyOf(properties.include());
    }

    /** As {@link #load(List, LoadProgress)}, reading only the files {@code readable} accepts (the rest fail). */
    LoadReport load(List<Path> paths, LoadProgress progress, Predicate<Path> readable) {
        return load(paths, progress, readable, ColumnMapping.BUILT_IN);
    }

    /**
     * As {@link #load(List, LoadProgress, Predicate)}, as a job: the report has the job's {@code id}, and
     * {@code batchSize} (at most {@code storygraph.ingest.batch-size}) files are written per transaction.
     */
    LoadReport load(String id, List<Path> paths, LoadProgress progress, Predicate<Path> readable, int batchSize) {
        return load(id, paths, progress, readable, ColumnMapping.BUILT_IN, batchSize);
    }

    private LoadReport load(List<Path> paths, LoadProgress progress, Predicate<Path> readable,
            ColumnMapping mapping) {
        return load(null, paths, progress, readable, mapping, properties.batchSize());
    }

    private LoadReport load(String id, List<Path> paths, LoadProgress progress, Predicate<Path> readable,
            ColumnMapping mapping, int batchSize) {
        List<SourceDocument> documents = new ArrayList<>();
        List<LoadReport.FileFailure> missing = new ArrayList<>();
        for (SourceDocument doc : discover(paths, missing)) {
            if (readable.test(Path.of(doc.path()))) {
                documents.add(doc);
            } else {
                missing.add(new LoadReport.FileFailure(doc.path(), 0,
                        "outside the allowed ingest roots (a symbolic link): not read"));
            }
        }
        return load(id, documents, missing, progress, readers(mapping), batchSize);
    }

    private Readers readers(ColumnMapping mapping) {
        return Readers.standard(parser, mapping, maxBytes);
    }

    public LoadReport load(List<Path> paths) {
        return load(paths, LoadProgress.logging());
    }

    /** The item files a load of {@code paths} would read, in load order (directories walked, sorted). */
    public List<Path> itemFiles(List<Path> paths) {
        return discover(paths, new ArrayList<>()).stream().map(d -> Path.of(d.path())).toList();
    }

    /** Loads uploaded files, identified by their names; the format by name, else by content type. */
    public LoadReport loadUploads(List<Upload> uploads) {
        return loadUploads(null, uploads, LoadProgress.logging());
    }

    /** As {@link #loadUploads(List)}; the report has the given id (null: a new one), progress goes to progress. */
    LoadReport loadUploads(String id, List<Upload> uploads, LoadProgress progress) {
        List<SourceDocument> documents = uploads.stream()
                .map(u -> new SourceDocument("upload:" + u.name(), u.bytes().length, u::bytes, u.contentType()))
                .toList();
        return load(id, documents, List.of(), progress, readers(ColumnMapping.BUILT_IN), properties.batchSize());
    }

    /** A file received over HTTP, with its content type (may be null). */
    public record Upload(String name, byte[] bytes, String contentType) {

        public Upload(String name, byte[] bytes) {
            this(name, bytes, null);
        }
    }

    private LoadReport load(String id, List<SourceDocument> documents, List<LoadReport.FileFailure> missing,
            LoadProgress progress, Readers readers, int batchSizeWanted) {
        LoadReport.Builder report = id == null ? new LoadReport.Builder() : new LoadReport.Builder(id);
        missing.forEach(m -> report.fileFailed(m.file(), m.line(), m.reason()));
        metrics.filesFailed(missing.size());
        int total = documents.size();
        int batchSize = Math.max(1, batchSizeWanted);
        progress.update(0, total, 0);
        // Reading, hashing and parsing the next batch overlaps with writing the current one.
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ingest-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<Prepared> next = total == 0 ? null
                    : reader.submit(() -> prepare(documents.subList(0, Math.min(total, batchSize)), readers));
            for (int from = 0; from < total; from += batchSize) {
                if (progress.cancelled()) {
                    // a batch boundary: the batches before this one are committed and stay
                    report.stopped(String.format("cancelled after %,d of %,d files", from, total));
                    break;
                }
                Prepared prepared = await(next);
                int following = from + batchSize;
                next = following < total ? reader.submit(() -> prepare(
                        documents.subList(following, Math.min(total, following + batchSize)), readers)) : null;
                write(prepared, report);
                progress.update(Math.min(total, from + batchSize), total, report.articlesWritten());
            }
        } finally {
            reader.shutdownNow();
        }
        LoadReport result = report.build();
        metrics.loadFinished(java.time.Duration.ofMillis(result.durationMs()));
        history.add(result);
        if (result.stopped() != null) {
            log.info("Load {} {}", result.id(), result.stopped());
        }
        log.info("Load {}: {} files read, {} loaded, {} unchanged, {} failed; {} articles created, {} updated in {} ms",
                result.id(), result.filesRead(), result.filesLoaded(), result.filesUnchanged(), result.filesFailed(),
                result.articlesCreated(), result.articlesUpdated(), result.durationMs());
        return result;
    }

    /** A batch read and parsed, and what the report must say about it. */
    private record Prepared(List<BatchWriter.Loaded> loaded, List<BatchWriter.Failed> failed,
            List<LoadReport.FileFailure> failures, List<LoadReport.FileFailure> itemFailures,
            List<LoadReport.Warning> warnings, int read, int unchanged) {
    }

    private static Prepared await(Future<Prepared> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Load interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Reads, hashes and parses a batch (files already loaded with the same content are skipped). */
    private Prepared prepare(List<SourceDocument> batch, Readers readers) {
        Map<String, String> known = writer.loadedHashes(batch.stream().map(SourceDocument::path).toList());
        List<BatchWriter.Loaded> loaded = new ArrayList<>();
        List<BatchWriter.Failed> failed = new ArrayList<>();
        List<LoadReport.FileFailure> failures = new ArrayList<>();
        List<LoadReport.FileFailure> itemFailures = new ArrayList<>();
        List<LoadReport.Warning> warnings = new ArrayList<>();
        int unchanged = 0;
        for (SourceDocument doc : batch) {
            if (doc.size() > properties.maxFileSize().toBytes()) {
                String reason = "file is " + doc.size() + " bytes, more than the limit of "
                        + properties.maxFileSize().toBytes();
                failures.add(new LoadReport.FileFailure(doc.path(), 0, reason));
                failed.add(new BatchWriter.Failed(doc.path(), null, doc.size(), 0, reason));
                continue;
            }
            byte[] bytes;
            try {
                bytes = doc.content().read();
            } catch (IOException | UncheckedIOException e) {
                failures.add(new LoadReport.FileFailure(doc.path(), 0, "cannot read: " + e.getMessage()));
                continue;
            }
            String hash = sha256(bytes);
            if (hash.equals(known.get(doc.path()))) {
                unchanged++;
                continue;
            }
            try {
                ParsedFile parsed = readers.pick(doc.fileName(), doc.contentType()).read(doc.path(), bytes);
                warnings.addAll(parsed.warnings());
                List<LoadReport.Warning> itemWarnings = new ArrayList<>();
                parsed.items().forEach(item -> itemWarnings.addAll(item.warnings()));
                warnings.addAll(RepeatedWarnings.collapse(itemWarnings));
                itemFailures.addAll(parsed.failures());
                if (parsed.items().isEmpty() && !parsed.failures().isEmpty()) {
                    // every item failed: the file failed (its items are listed with their lines)
                    LoadReport.FileFailure first = parsed.failures().getFirst();
                    String reason = "none of its " + parsed.failures().size() + " items could be read";
                    failures.add(new LoadReport.FileFailure(doc.path(), first.line(), reason));
                    failed.add(new BatchWriter.Failed(doc.path(), hash, bytes.length, first.line(), reason));
                } else {
                    loaded.add(new BatchWriter.Loaded(doc.path(), hash, bytes.length, parsed.items()));
                }
            } catch (BadFileException e) {
                failures.add(new LoadReport.FileFailure(doc.path(), e.line(), e.getMessage()));
                failed.add(new BatchWriter.Failed(doc.path(), hash, bytes.length, e.line(), e.getMessage()));
            } catch (RuntimeException e) {
                // The parser is fuzzed to throw only BadFileException; anything else is a bug, but one file's bug
                // must not cost the other files of the load.
                log.error("Unexpected failure parsing {}", doc.path(), e);
                String reason = "internal error while parsing: " + e;
                failures.add(new LoadReport.FileFailure(doc.path(), 0, reason));
                failed.add(new BatchWriter.Failed(doc.path(), hash, bytes.length, 0, reason));
            }
        }
        return new Prepared(loaded, failed, failures, itemFailures, warnings, batch.size(), unchanged);
    }

    private void write(Prepared batch, LoadReport.Builder report) {
        for (int i = 0; i < batch.read(); i++) {
            report.fileRead();
        }
        for (int i = 0; i < batch.unchanged(); i++) {
            report.fileUnchanged();
        }
        batch.failures().forEach(f -> report.fileFailed(f.file(), f.line(), f.reason()));
        metrics.filesFailed(batch.failures().size());
        batch.itemFailures().forEach(report::itemFailed);
        batch.warnings().forEach(report::warning);
        if (batch.loaded().isEmpty() && batch.failed().isEmpty()) {
            return;
        }
        BatchWriter.Result result = writer.write(batch.loaded(), batch.failed());
        batch.loaded().forEach(l -> report.fileLoaded());
        report.articles(result.created(), result.updated());
        metrics.articlesWritten(result.created() + result.updated());
        result.relationships().forEach(report::relationships);
        result.conflicts().forEach(report::conflict);
        events.publishEvent(new GraphChanged("load"));
        if (!result.changedUrls().isEmpty()) {
            events.publishEvent(new ArticlesLoaded(report.id(), result.changedUrls()));
        }
    }

    /** Expands directories (recursively, sorted, hidden entries skipped) into the files to read. */
    List<SourceDocument> discover(List<Path> paths, List<LoadReport.FileFailure> missing) {
        List<PathMatcher> include = properties.include().stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
                .toList();
        TreeSet<Path> files = new TreeSet<>();
        for (Path given : paths) {
            Path named = given.toAbsolutePath().normalize();
            Path path = named;
            if (Files.isSymbolicLink(named) && Files.exists(named)) {
                // a link named explicitly (or the seeds folder) is followed, as find -H does; links met while
                // walking are not (a link to a file inside a folder is read, subject to the caller's check)
                try {
                    path = named.toRealPath();
                } catch (IOException e) {
                    missing.add(new LoadReport.FileFailure(named.toString(), 0, "cannot follow the link: " + e.getMessage()));
                    continue;
                }
            }
            Path root = path;
            if (Files.isRegularFile(root)) {
                files.add(root);
            } else if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !isHidden(root, p))
                            .filter(p -> isItemFile(p, include))
                            .forEach(files::add);
                } catch (IOException | UncheckedIOException e) {
                    missing.add(new LoadReport.FileFailure(path.toString(), 0, "cannot list directory: " + e.getMessage()));
                }
            } else {
                missing.add(new LoadReport.FileFailure(path.toString(), 0, "no such file or directory"));
            }
        }
        return files.stream().map(p -> new SourceDocument(p.toString(), size(p), () -> Files.readAllBytes(p))).toList();
    }

    private static boolean isHidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isItemFile(Path file, List<PathMatcher> include) {
        String name = file.getFileName().toString().toUpperCase(Locale.ROOT);
        if (name.startsWith("README") || name.startsWith("LICENSE") || name.startsWith("CHANGELOG")) {
            return false;
        }
        return include.stream().anyMatch(m -> m.matches(file.getFileName()));
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
