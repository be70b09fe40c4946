package org.storygraph.clustering;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether two clusters (a new article, a growing story, a stored story) tell the same story: a logistic model over
 * five pieces of evidence, with weights fitted on the two labelled dev sets ({@code scripts/fit-story-model.sh};
 * {@code docs/clustering.md} explains each feature, the fit and what was tried).
 *
 * <p>The log-odds are {@code bias + Σ weight·feature − threshold}; two clusters merge when they are positive. The
 * features, all computed from per-cluster sums so that a stored story never has to be read member by member:
 * <ol>
 * <li>{@code embedding}: the average sentence-embedding cosine over all article pairs (average link), the embeddings
 * measured from the collection's mean ({@link MeanEmbedding});</li>
 * <li>{@code lexical}: the average TF-IDF cosine over all article pairs;</li>
 * <li>{@code centroid}: the cosine of the two embedding centroids — what the stories are about as wholes, which
 * forgives a story its off-centre members;</li>
 * <li>{@code lexicalCentroid}: the cosine of the two term sums — the vocabulary the stories share as wholes;</li>
 * <li>{@code gap}: {@code ln(1 + days)} between the clusters' active spans (0 when they overlap): time at the level
 * of the story — how far an article is from the story's own activity — not a kernel between every pair of
 * members. It is evidence, not a wall: a close enough match joins a story weeks later, a weak one only within its
 * days. Unknown times count as one day apart.</li>
 * </ol>
 * Clusters whose spans are more than {@code windowDays} apart are never compared (a bound on work, far beyond where
 * the gap term alone decides).
 *
 * @param bias            intercept of the log-odds (default −1.546)
 * @param embedding       weight of the average embedding cosine (default 2.325)
 * @param lexical         weight of the average TF-IDF cosine (default 0.949)
 * @param centroid        weight of the embedding-centroid cosine (default 2.292)
 * @param lexicalCentroid weight of the term-sum cosine (default 1.094)
 * @param gap             weight of ln(1 + days between the active spans) (default −0.872)
 * @param threshold       log-odds two clusters need to merge (default 0: probability one half)
 * @param windowDays      clusters farther apart than this are not compared (default 30)
 */
public record StoryModel(
        @DefaultValue("-1.546") double bias,
        @DefaultValue("2.325") double embedding,
        @DefaultValue("0.949") double lexical,
        @DefaultValue("2.292") double centroid,
        @DefaultValue("1.094") double lexicalCentroid,
        @DefaultValue("-0.872") double gap,
        @DefaultValue("0") double threshold,
        @DefaultValue("30") int windowDays) implements Agglomerator.Scorer {

    /** Names of the features, in the order of {@link #features} and of the weights. */
    static final String[] FEATURES = {"embedding", "lexical", "centroid", "lexicalCentroid", "gap"};

    /** The fitted defaults. */
    static StoryModel fitted() {
        return new StoryModel(-1.546, 2.325, 0.949, 2.292, 1.094, -0.872, 0, 30);
    }

    /** A model from a weight vector (bias first, then one per feature). */
    static StoryModel of(double[] w, double threshold, int windowDays) {
        return new StoryModel(w[0], w[1], w[2], w[3], w[4], w[5], threshold, windowDays);
    }

    double[] weights() {
        return new double[] {bias, embedding, lexical, centroid, lexicalCentroid, gap};
    }

    /** The evidence that {@code a} and {@code b} are one story. */
    static double[] features(Agglomerator.Cluster a, Agglomerator.Cluster b) {
        double e = Agglomerator.dot(a.embeddingSum, b.embeddingSum);
        double l = a.terms.dot(b.terms);
        double pairs = (double) a.size * b.size;
        double centroid = e / Math.sqrt(Math.max(1e-12, a.embeddingNorm2() * b.embeddingNorm2()));
        double lexicalCentroid = l / Math.sqrt(Math.max(1e-12, a.termNorm2() * b.termNorm2()));
        return new double[] {e / pairs, l / pairs, centroid, lexicalCentroid, Math.log1p(gapDays(a, b))};
    }

    /** Days between the active spans of two clusters: 0 when they overlap, 1 when a time is unknown. */
    static long gapDays(Agglomerator.Cluster a, Agglomerator.Cluster b) {
        long aFirst = a.firstDay();
        long bFirst = b.firstDay();
        if (aFirst == Agglomerator.NO_TIME || bFirst == Agglomerator.NO_TIME) {
            return 1;
        }
        return Math.max(0, Math.max(aFirst, bFirst) - Math.min(a.lastDay(), b.lastDay()));
    }

    @Override
    public double score(Agglomerator.Cluster a, Agglomerator.Cluster b) {
        double[] f = features(a, b);
        return bias + embedding * f[0] + lexical * f[1] + centroid * f[2] + lexicalCentroid * f[3] + gap * f[4]
                - threshold;
    }
}
