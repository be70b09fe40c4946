package org.storygraph.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a running job's work sees: its id, a progress sink (written to the graph at most every
 * {@code storygraph.jobs.progress-interval}, and at the end) and whether it was asked to stop.
 */
public final class JobContext {

    private final String id;
    private final JobService service;
    private final long intervalNanos;
    private volatile boolean cancel;
    private volatile long done;
    private volatile long total;
    private long lastWrite;
    private Path resultFile;
    private String resultType;

    JobContext(String id, JobService service, long intervalNanos) {
        this.id = id;
        this.service = service;
        this.intervalNanos = intervalNanos;
    }

    /** The job's id. */
    public String id() {
        return id;
    }

    /** Reports {@code done} of {@code total} units; stored when the interval has passed or the work is complete. */
    public void progress(long done, long total) {
        this.done = done;
        this.total = total;
        long now = System.nanoTime();
        boolean write;
        synchronized (this) {
            write = lastWrite == 0 || now - lastWrite >= intervalNanos || (total > 0 && done >= total);
            if (write) {
                lastWrite = now;
            }
        }
        service.progressed(this, write);
    }

    /** Whether the job was asked to stop; the work checks it at its batch boundaries. */
    public boolean cancelRequested() {
        return cancel;
    }

    /**
     * A file the work writes its result to, served at {@code /api/jobs/{id}/result} with {@code contentType}
     * (under {@code storygraph.jobs.result-dir}).
     */
    public Path resultFile(String fileName, String contentType) {
        Path dir = service.resultDir().resolve(id);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.resultFile = dir.resolve(fileName);
        this.resultType = contentType;
        return resultFile;
    }

    void cancel() {
        cancel = true;
    }

    long done() {
        return done;
    }

    long total() {
        return total;
    }

    Path resultFile() {
        return resultFile;
    }

    String resultType() {
        return resultType;
    }
}
