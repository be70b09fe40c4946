@ApplicationModule(allowedDependencies = "graph")
package org.storygraph.modularityfixture.feature;

import org.springframework.modulith.ApplicationModule;
