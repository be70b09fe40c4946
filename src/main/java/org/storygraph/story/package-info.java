/**
 * The story read API: lists, search and one story with its articles (and the recluster trigger).
 */
@ApplicationModule(displayName = "Story", allowedDependencies = { "clustering", "runs", "jobs", "graph", "common" })
package org.storygraph.story;

import org.springframework.modulith.ApplicationModule;
