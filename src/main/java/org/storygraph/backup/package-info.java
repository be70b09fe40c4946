/**
 * The whole graph as JSON lines (export, import) and its order-independent checksum.
 */
@ApplicationModule(displayName = "Backup", allowedDependencies = { "graph", "common" })
package org.storygraph.backup;

import org.springframework.modulith.ApplicationModule;
