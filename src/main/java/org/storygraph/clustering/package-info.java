/**
 * Articles to stories: embedder, features, lexicon, the story model, agglomeration and the story writer.
 * Listens to {@link org.storygraph.ingest.ArticlesLoaded}; the read features only read what it wrote.
 */
@ApplicationModule(displayName = "Clustering", allowedDependencies = { "ingest", "graph", "common" })
package org.storygraph.clustering;

import org.springframework.modulith.ApplicationModule;
