package org.storygraph.jobs;

/**
 * The work of a job. It reports progress and checks {@link JobContext#cancelRequested()} at its batch boundaries;
 * when cancelled it returns normally with a result that says where it stopped. Its result is stored as JSON.
 */
@FunctionalInterface
public interface JobWork<T> {

    T run(JobContext context) throws Exception;
}
