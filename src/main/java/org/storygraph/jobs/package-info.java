/**
 * Background jobs: long work (loads by path, recluster, large exports) runs on a small bounded executor and is
 * recorded as {@code (:Job)} nodes — state, throttled progress, timings, the request, the result or the error — so
 * the REST API ({@code /api/jobs}), the CLI ({@code storygraph jobs}) and the explorer read the same records, and
 * they survive a restart (which marks jobs left running as {@code interrupted}). The public API is
 * {@link org.storygraph.jobs.JobService} with its records; features hand it their work as a
 * {@link org.storygraph.jobs.JobWork} and report progress and honour cancellation through the
 * {@link org.storygraph.jobs.JobContext}.
 */
@ApplicationModule(displayName = "Jobs", allowedDependencies = { "graph", "common" })
package org.storygraph.jobs;

import org.springframework.modulith.ApplicationModule;
