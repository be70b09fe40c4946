package org.storygraph.jobs;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * One background job as stored in its {@code (:Job)} node.
 *
 * @param id              the job's id (for loads it is also the load report's id, so {@code /api/loads/{id}} works)
 * @param kind            ingest, recluster or export
 * @param state           queued, running, done, failed, cancelled or interrupted
 * @param progress        how far it got (updated at most every {@code storygraph.jobs.progress-interval})
 * @param createdAt       when it was submitted
 * @param startedAt       when a worker took it (null while queued)
 * @param finishedAt      when it ended (null while queued or running)
 * @param cancelRequested whether {@code DELETE /api/jobs/{id}} asked it to stop
 * @param request         what was asked (paths, parameters)
 * @param result          what it did (for a load: the load report, which says where a cancelled load stopped)
 * @param error           why it failed or was interrupted
 * @param resultUrl       where its file is downloaded (exports), else null
 */
public record Job(
        String id,
        @Schema(allowableValues = {"ingest", "recluster", "export"}) String kind,
        @Schema(allowableValues = {"queued", "running", "done", "failed", "cancelled", "interrupted"}) String state,
        Progress progress,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        boolean cancelRequested,
        JsonNode request,
        JsonNode result,
        String error,
        String resultUrl) {

    /**
     * Work done of the total, in {@code unit}s.
     *
     * @param done    units done so far
     * @param total   units in all (0 while not known yet)
     * @param unit    files (loads) or articles (recluster, export)
     * @param percent done of total, 0 to 100 (null while the total is not known)
     */
    public record Progress(long done, long total, @Schema(allowableValues = {"files", "articles"}) String unit,
            Integer percent) {
    }

    /** The state as an enum. */
    public JobState jobState() {
        return JobState.of(state);
    }
}
