package org.storygraph.clustering;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Term ids and document frequencies for TF-IDF weights. IDF is smoothed: {@code ln((N + 1) / (df + 1)) + 1}.
 * Thread-safe for the single writer / occasional reader use of clustering (all methods synchronized).
 */
final class Lexicon {

    private final Map<String, Integer> ids = new HashMap<>();
    private final java.util.List<String> keys = new java.util.ArrayList<>();
    private final java.util.List<String> surfaces = new java.util.ArrayList<>();
    private int[] df = new int[1024];
    private long documents;

    synchronized int id(String term) {
        Integer id = ids.get(term);
        if (id == null) {
            id = ids.size();
            ids.put(term, id);
            keys.add(term);
            surfaces.add(null);
            if (id >= df.length) {
                df = Arrays.copyOf(df, df.length * 2);
            }
        }
        return id;
    }

    synchronized String key(int id) {
        return keys.get(id);
    }

    /** How the term was written (the first form seen), for labels; the stem when unknown. */
    synchronized String surface(int id) {
        String s = surfaces.get(id);
        return s == null ? keys.get(id) : s;
    }

    synchronized void surface(String term, String written) {
        int id = id(term);
        if (surfaces.get(id) == null && written != null && !written.isBlank()) {
            surfaces.set(id, written);
        }
    }

    /** Adds {@code count} documents' worth of frequencies at once (initialisation from the graph). */
    synchronized void addFrequencies(Map<String, Integer> documentFrequencies, long documentCount) {
        documentFrequencies.forEach((term, count) -> {
            int id = id(term);
            df[id] += count;
        });
        documents += documentCount;
    }

    synchronized void addDocument(Iterable<String> distinctTerms) {
        documents++;
        for (String t : distinctTerms) {
            int id = id(t);
            df[id]++;
        }
    }

    synchronized double idf(int id) {
        int d = id < df.length ? df[id] : 0;
        return Math.log((documents + 1.0) / (d + 1.0)) + 1.0;
    }

    /** In how many documents {@code term} occurs. */
    synchronized int documentFrequency(String term) {
        int id = id(term);
        return id < df.length ? df[id] : 0;
    }

    synchronized long documents() {
        return documents;
    }

    synchronized int size() {
        return ids.size();
    }

    /** A normalised TF-IDF vector of {@code terms} (term → raw frequency weight), with log-scaled TF. */
    synchronized SparseVector vector(Map<String, Float> terms) {
        if (terms.isEmpty()) {
            return SparseVector.EMPTY;
        }
        int[] termIds = new int[terms.size()];
        float[] weights = new float[terms.size()];
        int i = 0;
        for (var e : terms.entrySet()) {
            termIds[i] = id(e.getKey());
            i++;
        }
        Integer[] order = new Integer[termIds.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Float[] raw = terms.values().toArray(new Float[0]);
        Arrays.sort(order, (a, b) -> Integer.compare(termIds[a], termIds[b]));
        int[] sortedIds = new int[termIds.length];
        for (int k = 0; k < order.length; k++) {
            sortedIds[k] = termIds[order[k]];
            weights[k] = (float) ((1 + Math.log(raw[order[k]])) * idf(sortedIds[k]));
        }
        return new SparseVector(sortedIds, weights).normalized();
    }
}
