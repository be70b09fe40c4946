/**
 * Exports for tools people already use: CSV, JSON, GraphML and GEXF of a story, a time span or the
 * lead/lag network of providers.
 */
@ApplicationModule(displayName = "Export", allowedDependencies = { "coverage", "runs", "jobs", "graph", "common" })
package org.storygraph.export;

import org.springframework.modulith.ApplicationModule;
