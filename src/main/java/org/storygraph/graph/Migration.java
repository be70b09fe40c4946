package org.storygraph.graph;

import java.util.List;

/** One versioned schema migration file, {@code V<version>__<description>.cypher}. */
record Migration(int version, String description, String checksum, List<String> statements) {
}
