/**
 * Clustering runs as recorded by clustering ({@code (:ClusteringRun)}, {@code (:ClusteringChange)}): the run list,
 * one run, its story changes, the latest run (named by exports) and the stored changes after a sequence number (the
 * change feed's resumption). Reads only.
 */
@ApplicationModule(displayName = "Runs", allowedDependencies = { "graph", "common" })
package org.storygraph.runs;

import org.springframework.modulith.ApplicationModule;
