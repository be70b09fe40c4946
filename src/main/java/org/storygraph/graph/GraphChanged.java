package org.storygraph.graph;

/**
 * Published after this instance committed a write that readers can see (a load batch, a clustering batch, a
 * recluster), so caches of read results can drop what they hold. Writes made by other processes to the same
 * database are not announced: caches bound their age for those.
 */
public record GraphChanged(String source) {
}
