/**
 * Saved, parameterised Cypher queries from cypher/queries: catalogue, typed parameters, read-only and
 * time-limited runs, result writers.
 */
@ApplicationModule(displayName = "Saved queries", allowedDependencies = { "graph", "common" })
package org.storygraph.query;

import org.springframework.modulith.ApplicationModule;
