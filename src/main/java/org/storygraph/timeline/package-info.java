/**
 * How a story, topic or provider spread over time, in hour or day buckets.
 */
@ApplicationModule(displayName = "Timeline", allowedDependencies = { "graph", "common" })
package org.storygraph.timeline;

import org.springframework.modulith.ApplicationModule;
