/**
 * Bottom of the house: the Neo4j lifecycle (embedded or server), driver wiring, schema migrations, the
 * {@link org.storygraph.graph.GraphChanged} event, and the helpers every feature uses to run Cypher.
 */
@ApplicationModule(displayName = "Graph", allowedDependencies = { "common" })
package org.storygraph.graph;

import org.springframework.modulith.ApplicationModule;
