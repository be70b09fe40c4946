/**
 * Outlet metadata: name, country, language, media type and owner of each provider and the named collections it
 * belongs to, imported from CSV or YAML files; the provider and collection lists that show and filter by them.
 */
@ApplicationModule(displayName = "Outlets", allowedDependencies = { "graph", "common" })
package org.storygraph.outlets;

import org.springframework.modulith.ApplicationModule;
