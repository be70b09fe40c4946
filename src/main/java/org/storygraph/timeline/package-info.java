/**
 * How a story, topic, provider or collection spread over time, in hour, day, week or month buckets, as counts or as
 * shares of all articles in the same bucket, with or without copies and wire articles.
 */
@ApplicationModule(displayName = "Timeline", allowedDependencies = { "graph", "common" })
package org.storygraph.timeline;

import org.springframework.modulith.ApplicationModule;
