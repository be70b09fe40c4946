package org.storygraph.ingest;

import java.util.List;

/**
 * Published after each committed load batch with the canonical URLs of every article the batch created or changed
 * (including related entries), so later stages (story clustering) can work incrementally.
 */
public record ArticlesLoaded(String loadId, List<String> urls) {
}
