package org.storygraph.jobs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.storygraph.common.NotFoundException;
import org.storygraph.common.Page;
import org.storygraph.common.StoryGraphException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Runs long work as background jobs and records each in a {@code (:Job)} node: {@link #submit} queues it on a bounded
 * executor ({@code storygraph.jobs.concurrency} workers, {@code queue-capacity} waiting), {@link #runHere} records
 * work that runs in the caller's thread (small uploads, CLI commands), {@link #cancel} asks a job to stop at its next
 * batch boundary. State changes are written at once, progress at most every {@code progress-interval}.
 */
@Service
public class JobService {

    private static final Logger log = LoggerFactory.getLogger(JobService.class);

    private final JobStore store;
    private final JobsProperties properties;
    private final JsonMapper json;
    private final ThreadPoolExecutor executor;
    private final Map<String, JobContext> active = new ConcurrentHashMap<>();
    /** This process: jobs of other (earlier) processes found unfinished at start-up are interrupted. */
    private final String owner = UUID.randomUUID().toString();
    private volatile boolean stopping;
    /** Tests only: called in the job's thread after every progress report, e.g. to hold a job at a batch boundary. */
    volatile Consumer<JobContext> progressHook;

    JobService(JobStore store, JobsProperties properties, JsonMapper json) {
        this.store = store;
        this.properties = properties;
        this.json = json;
        int workers = Math.max(1, properties.concurrency());
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(Math.max(1, properties.queueCapacity())), r -> {
                    Thread t = new Thread(r, "job-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Queues {@code work} and returns the job as recorded ({@code queued}).
     *
     * @param unit    what progress counts: files or articles
     * @param request what was asked, stored as JSON with the job
     * @throws StoryGraphException (unavailable) when {@code queue-capacity} jobs are waiting already
     */
    public Job submit(JobKind kind, String unit, Object request, JobWork<?> work) {
        String id = UUID.randomUUID().toString();
        store.create(id, kind, unit, request, owner, Instant.now(), false);
        JobContext context = new JobContext(id, this, properties.progressInterval().toNanos());
        active.put(id, context);
        try {
            executor.execute(() -> runQueued(context, kind, work));
        } catch (RejectedExecutionException e) {
            active.remove(id);
            store.finish(id, JobState.FAILED, 0, 0, null, "refused: " + properties.queueCapacity()
                    + " jobs are waiting already", null, null, Instant.now());
            throw new StoryGraphException(StoryGraphException.Kind.UNAVAILABLE, "Too many jobs",
                    properties.queueCapacity() + " jobs are waiting already; try again when some have finished",
                    null);
        }
        return job(id);
    }

    /**
     * Runs {@code work} in the caller's thread, recorded as a job like a submitted one (for a small upload answered in
     * the request, or a CLI command). Returns the work's result; an exception is recorded and rethrown.
     */
    public <T> T runHere(JobKind kind, String unit, Object request, JobWork<T> work) {
        String id = UUID.randomUUID().toString();
        store.create(id, kind, unit, request, owner, Instant.now(), true);
        JobContext context = new JobContext(id, this, properties.progressInterval().toNanos());
        active.put(id, context);
        return execute(context, kind, work, true);
    }

    private void runQueued(JobContext context, JobKind kind, JobWork<?> work) {
        try {
            if (!store.start(context.id(), Instant.now())) {
                return; // cancelled while it waited
            }
            execute(context, kind, work, false);
        } catch (RuntimeException e) {
            log.error("Job {} could not be recorded", context.id(), e);
        } finally {
            active.remove(context.id());
        }
    }

    private <T> T execute(JobContext context, JobKind kind, JobWork<T> work, boolean rethrow) {
        String id = context.id();
        log.info("Job {} ({}) started", id, kind.value());
        try {
            T result = work.run(context);
            // asked to stop, and it did stop short of its total (a request that came after the last batch: done)
            boolean stoppedShort = context.total() == 0 || context.done() < context.total();
            JobState end = context.cancelRequested() && stoppedShort
                    ? (stopping ? JobState.INTERRUPTED : JobState.CANCELLED) : JobState.DONE;
            store.finish(id, end, context.done(), context.total(), result,
                    end == JobState.INTERRUPTED ? "the service stopped; it stopped at a batch boundary" : null,
                    context.resultFile() == null ? null : context.resultFile().toString(), context.resultType(),
                    Instant.now());
            log.info("Job {} ({}) {}", id, kind.value(), end.value());
            return result;
        } catch (Exception e) {
            String error = e instanceof StoryGraphException s ? s.title() + ": " + s.getMessage() : e.toString();
            store.finish(id, stopping ? JobState.INTERRUPTED : JobState.FAILED, context.done(), context.total(), null,
                    error, null, null, Instant.now());
            log.warn("Job {} ({}) failed: {}", id, kind.value(), error);
            if (rethrow) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
            return null;
        } finally {
            active.remove(id);
        }
    }

    void progressed(JobContext context, boolean write) {
        if (write) {
            store.progress(context.id(), context.done(), context.total());
        }
        Consumer<JobContext> hook = progressHook;
        if (hook != null) {
            hook.accept(context);
        }
    }

    Path resultDir() {
        return properties.resultDir().toAbsolutePath();
    }

    /** The job, or {@link NotFoundException}. */
    public Job job(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("job", id));
    }

    /** The result of a job of {@code kind} read as {@code type} (e.g. a load report), when there is one. */
    public <T> Optional<T> result(String id, JobKind kind, Class<T> type) {
        return store.find(id).filter(j -> j.kind().equals(kind.value()) && j.result() != null)
                .map(j -> json.treeToValue(j.result(), type));
    }

    /** Jobs newest first, optionally of one state and/or kind. */
    public Page<Job> list(JobState state, JobKind kind, int page, int size) {
        return Page.of(store.list(state, kind, page, size), page, size, store.count(state, kind));
    }

    /**
     * Asks a job to stop: a queued one is cancelled at once, a running one stops at its next batch boundary (what it
     * committed stays; its result says where it stopped). A finished job is returned unchanged.
     */
    public Job cancel(String id) {
        Job job = store.requestCancel(id, Instant.now()).orElseThrow(() -> new NotFoundException("job", id));
        JobContext context = active.get(id);
        if (context != null) {
            context.cancel();
        }
        return job;
    }

    /** The file a job produced and its content type, or {@link NotFoundException}. */
    public ResultFile resultFile(String id) {
        job(id);
        return store.resultFile(id).map(f -> new ResultFile(Path.of(f[0]), f[1]))
                .orElseThrow(() -> new NotFoundException("result file of job", id));
    }

    /** A job's downloadable result. */
    public record ResultFile(Path path, String contentType) {
    }

    /** Marks jobs left unfinished by an earlier process {@code interrupted}; returns how many. */
    long markInterrupted() {
        return store.markInterrupted(owner, Instant.now());
    }

    Map<JobState, Long> countByState() {
        return store.countByState();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        active.values().forEach(JobContext::cancel);
        executor.shutdown();
        if (!executor.awaitTermination(properties.shutdownWait().toMillis(), TimeUnit.MILLISECONDS)) {
            executor.shutdownNow();
        }
    }
}
