/**
 * Top of the house: the {@code storygraph} command line, one command class per verb over the features' services.
 * Nothing below depends on it.
 */
@ApplicationModule(displayName = "Command line", allowedDependencies = { "ingest", "clustering", "backup", "story",
        "article", "coverage", "timeline", "query", "export", "feeds", "outlets", "jobs", "graph", "common" })
package org.storygraph.cli;

import org.springframework.modulith.ApplicationModule;
