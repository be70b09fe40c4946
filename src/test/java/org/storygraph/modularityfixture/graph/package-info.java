@ApplicationModule(allowedDependencies = {})
package org.storygraph.modularityfixture.graph;

import org.springframework.modulith.ApplicationModule;
