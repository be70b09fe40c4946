/**
 * Files to graph: readers of each input format, URL canonicalisation on the way in, the batched writer,
 * load reports and provenance. Announces each batch with {@link org.storygraph.ingest.ArticlesLoaded}.
 */
@ApplicationModule(displayName = "Ingest", allowedDependencies = { "jobs", "graph", "common" })
package org.storygraph.ingest;

import org.springframework.modulith.ApplicationModule;
