/**
 * Cross-provider coverage of a story: who covered it, who was first, lags, who leads whom.
 */
@ApplicationModule(displayName = "Coverage", allowedDependencies = { "graph", "common" })
package org.storygraph.coverage;

import org.springframework.modulith.ApplicationModule;
