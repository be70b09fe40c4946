package org.storygraph.clustering;

/**
 * The mean sentence embedding of the collection, and embeddings measured from it. Sentence embeddings of news share a
 * large common direction ("this is news"), and in a collection about one subject a second one ("this is about facial
 * recognition"); raw cosines then say more about the collection than about the two articles. Subtracting the
 * collection's mean and normalising again (as in Mu and Viswanath, <i>All-but-the-top</i>, ICLR 2018) makes a
 * cosine relative to the collection, as TF-IDF weighs a term relative to it. Like the document frequencies of the
 * {@link Lexicon}, the mean is read from the graph when clustering starts and grows with every new article.
 */
final class MeanEmbedding {

    private final double[] sum = new double[SentenceEmbedder.DIMENSIONS];
    private long count;

    void add(float[] embedding) {
        if (embedding == null) {
            return;
        }
        for (int i = 0; i < sum.length && i < embedding.length; i++) {
            sum[i] += embedding[i];
        }
        count++;
    }

    long count() {
        return count;
    }

    /** {@code embedding} minus the mean, of unit length (the embedding itself while nothing is known). */
    float[] center(float[] embedding) {
        if (count == 0 || embedding == null) {
            return embedding;
        }
        float[] v = new float[embedding.length];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (embedding[i] - (i < sum.length ? sum[i] / count : 0));
            norm += (double) v[i] * v[i];
        }
        if (norm < 1e-12) {
            return embedding;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }
}
