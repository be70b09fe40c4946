/**
 * HTTP concerns only: RFC 9457 problem mapping of domain exceptions, API keys, size limits, the read cache,
 * CORS and security headers. Controllers live in their feature.
 */
@ApplicationModule(displayName = "Web", allowedDependencies = { "graph", "common" })
package org.storygraph.web;

import org.springframework.modulith.ApplicationModule;
