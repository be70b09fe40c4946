/**
 * RSS and Atom feeds polled on a schedule: the feed list ({@code (:Feed)} nodes), conditional GETs with per-feed
 * back-off and size/time limits, each response handed to ingest (which reads it with its RSS/Atom reader and is
 * idempotent), and {@code GET /api/feeds}. A module of its own rather than part of ingest: ingest turns bytes into
 * graph and never talks to the network; polling adds HTTP, a schedule and state of its own.
 */
@ApplicationModule(displayName = "Feeds", allowedDependencies = { "ingest", "graph", "common" })
package org.storygraph.feeds;

import org.springframework.modulith.ApplicationModule;
