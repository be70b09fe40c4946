package org.storygraph.jobs;

import java.util.Locale;

import org.storygraph.common.InvalidParameterException;

/** Where a job is in its life; written in lower case in the graph and in JSON. */
public enum JobState {
    /** Waiting for a free worker ({@code storygraph.jobs.concurrency}). */
    QUEUED,
    /** Being worked on; progress is updated at most every {@code storygraph.jobs.progress-interval}. */
    RUNNING,
    /** Finished; the result is there. */
    DONE,
    /** Stopped by an error; {@code error} says which. What earlier batches committed stays. */
    FAILED,
    /** Stopped on request ({@code DELETE /api/jobs/{id}}) at a batch boundary; the result says where. */
    CANCELLED,
    /** The process that ran it stopped before it ended (found {@code running} or {@code queued} at start-up). */
    INTERRUPTED;

    /** The lower-case name used in the graph and in JSON. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the job will not change any more. */
    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }

    static JobState of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    static JobState parse(String parameter, String value) {
        try {
            return of(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(parameter, "'" + parameter
                    + "' must be queued, running, done, failed, cancelled or interrupted");
        }
    }
}
