package org.storygraph.common;

/**
 * What "independent coverage" left out of a figure ({@code ?independent=true}): syndicated copies (articles with a
 * {@code DUPLICATE_OF} link to an earlier article) and articles of outlets whose media type is {@code wire}. An article
 * that is both is counted once, as a copy. {@link #NONE} when the figure counts everything.
 *
 * <p>The one rule every reader applies, in Cypher, for an article {@code a} published by {@code p}:
 * {@code NOT (a)-[:DUPLICATE_OF]->(:Article) AND coalesce(p.mediaType, '') <> 'wire'}.
 */
public record Independence(boolean independent, long copies, long wire) {

    public static final Independence NONE = new Independence(false, 0, 0);

    /** Articles left out in all. */
    public long excluded() {
        return copies + wire;
    }
}
