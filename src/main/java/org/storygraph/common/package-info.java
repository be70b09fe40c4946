/**
 * Shared value types below every feature: {@link org.storygraph.common.Page}, {@link org.storygraph.common.ProviderRef},
 * canonical URL identity ({@link org.storygraph.common.UrlCanonicalizer}, {@link org.storygraph.common.ArticleIds}),
 * the domain exceptions ({@link org.storygraph.common.StoryGraphException}) and the JSON writer. No logic of a feature.
 */
@ApplicationModule(displayName = "Common", allowedDependencies = {})
package org.storygraph.common;

import org.springframework.modulith.ApplicationModule;
