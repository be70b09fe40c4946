package org.storygraph.coverage;

import java.time.Instant;
import java.util.List;

/**
 * A provider's coverage of one story, as {@code COVERED} holds it (or as its independent articles give it), and
 * the groups it is in under the grouping asked for (empty: none asked, or the outlet has no value).
 */
record CoverageRow(String domain, String name, long articles, Instant first, Instant last, long implausible,
        List<String> groups) {
}
