package org.storygraph.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What one load did. Lists of failures, warnings and conflicts are capped ({@link #LIST_CAP} entries each) so a
 * load of a million files stays printable; the totals always count everything. {@code stopped} is null for a load
 * that went through; a load cancelled at a batch boundary (a job, {@code DELETE /api/jobs/{id}}) says where it stopped,
 * e.g. "cancelled after 500 of 2,000 files" — the files of committed batches stay loaded.
 */
public record LoadReport(
        String id,
        Instant startedAt,
        Instant finishedAt,
        long durationMs,
        int filesRead,
        int filesLoaded,
        int filesUnchanged,
        int filesFailed,
        int itemsFailed,
        int articlesCreated,
        int articlesUpdated,
        long relationshipsCreated,
        Map<String, Long> relationshipsCreatedByType,
        List<FileFailure> failures,
        int warningsTotal,
        List<Warning> warnings,
        int conflictsTotal,
        List<TimeConflict> conflicts,
        String stopped) {

    public static final int LIST_CAP = 1000;

    /**
     * A file that was not loaded, or one item of a file that otherwise loaded (a CSV row, a JSON line, a feed item),
     * with the line (1-based, 0 when unknown) and the reason.
     */
    public record FileFailure(String file, int line, String reason) {
    }

    /** Something normalised or skipped inside a file that otherwise loaded. */
    public record Warning(String file, int line, String message) {
    }

    /** Two records of one article disagreed on its time; the earliest was kept. */
    public record TimeConflict(String url, Instant kept, Instant discarded, String file) {
    }

    /** Whether a file, or an item inside a file that otherwise loaded, failed. */
    public boolean hasFailures() {
        return filesFailed > 0 || itemsFailed > 0;
    }

    /** A short human summary, the way the CLI prints it. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("Load %s finished in %.1f s%n", id, durationMs / 1000.0));
        if (stopped != null) {
            sb.append(String.format("  STOPPED  %s%n", stopped));
        }
        sb.append(String.format("  files:    %d read, %d loaded, %d unchanged, %d failed%n",
                filesRead, filesLoaded, filesUnchanged, filesFailed));
        if (itemsFailed > 0) {
            sb.append(String.format("  items:    %d failed (skipped; the other items of their files loaded)%n",
                    itemsFailed));
        }
        sb.append(String.format("  articles: %d created, %d updated%n", articlesCreated, articlesUpdated));
        sb.append(String.format("  edges:    %d created %s%n", relationshipsCreated, relationshipsCreatedByType));
        for (FileFailure f : failures) {
            sb.append(String.format("  FAILED   %s%s: %s%n", f.file(), f.line() > 0 ? ":" + f.line() : "", f.reason()));
        }
        if (filesFailed + itemsFailed > failures.size()) {
            sb.append(String.format("  ... and %d more failed files or items%n",
                    filesFailed + itemsFailed - failures.size()));
        }
        for (TimeConflict c : conflicts) {
            sb.append(String.format("  CONFLICT %s: times %s and %s, kept %s (%s)%n", c.url(), c.kept(),
                    c.discarded(), c.kept(), c.file()));
        }
        if (conflictsTotal > conflicts.size()) {
            sb.append(String.format("  ... and %d more time conflicts%n", conflictsTotal - conflicts.size()));
        }
        for (Warning w : warnings) {
            sb.append(String.format("  warning  %s%s: %s%n", w.file(), w.line() > 0 ? ":" + w.line() : "",
                    w.message()));
        }
        if (warningsTotal > warnings.size()) {
            sb.append(String.format("  ... and %d more warnings%n", warningsTotal - warnings.size()));
        }
        return sb.toString();
    }

    /** Collects the figures of a running load. Not thread-safe: one load, one builder. */
    static final class Builder {
        private final String id;
        private final Instant startedAt = Instant.now();
        private int filesRead;
        private int filesLoaded;
        private int filesUnchanged;
        private int filesFailed;
        private int itemsFailed;
        private int articlesCreated;
        private int articlesUpdated;
        private final Map<String, Long> relationships = new TreeMap<>();
        private final List<FileFailure> failures = new ArrayList<>();
        private final List<Warning> warnings = new ArrayList<>();
        private int warningsTotal;
        private final List<TimeConflict> conflicts = new ArrayList<>();
        private int conflictsTotal;
        private String stopped;

        Builder() {
            this(UUID.randomUUID().toString());
        }

        /** A report with the given id (a load run as a job has the job's id). */
        Builder(String id) {
            this.id = id;
        }

        /** The load stopped early; {@code where} says where. */
        void stopped(String where) {
            stopped = where;
        }

        String id() {
            return id;
        }

        void fileRead() {
            filesRead++;
        }

        void fileLoaded() {
            filesLoaded++;
        }

        void fileUnchanged() {
            filesUnchanged++;
        }

        void fileFailed(String file, int line, String reason) {
            filesFailed++;
            if (failures.size() < LIST_CAP) {
                failures.add(new FileFailure(file, line, reason));
            }
        }

        /** An item skipped inside a file that otherwise loaded. */
        void itemFailed(FileFailure failure) {
            itemsFailed++;
            if (failures.size() < LIST_CAP) {
                failures.add(failure);
            }
        }

        void warning(Warning warning) {
            warningsTotal++;
            if (warnings.size() < LIST_CAP) {
                warnings.add(warning);
            }
        }

        void conflict(TimeConflict conflict) {
            conflictsTotal++;
            if (conflicts.size() < LIST_CAP) {
                conflicts.add(conflict);
            }
        }

        void articles(int created, int updated) {
            articlesCreated += created;
            articlesUpdated += updated;
        }

        void relationships(String type, long created) {
            if (created > 0) {
                relationships.merge(type, created, Long::sum);
            }
        }

        int filesRead() {
            return filesRead;
        }

        int articlesWritten() {
            return articlesCreated + articlesUpdated;
        }

        LoadReport build() {
            Instant finished = Instant.now();
            long total = relationships.values().stream().mapToLong(Long::longValue).sum();
            return new LoadReport(id, startedAt, finished, Duration.between(startedAt, finished).toMillis(),
                    filesRead, filesLoaded, filesUnchanged, filesFailed, itemsFailed, articlesCreated, articlesUpdated, total,
                    Collections.unmodifiableMap(new TreeMap<>(relationships)), List.copyOf(failures),
                    warningsTotal, List.copyOf(warnings), conflictsTotal, List.copyOf(conflicts), stopped);
        }
    }
}
