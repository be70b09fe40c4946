/**
 * The article, provider and topic read API.
 */
@ApplicationModule(displayName = "Article", allowedDependencies = { "graph", "common" })
package org.storygraph.article;

import org.springframework.modulith.ApplicationModule;
