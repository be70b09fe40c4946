package org.storygraph.clustering;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Agglomerative clustering over a sparse candidate graph, computed from cluster sums.
 *
 * <p>Whether two clusters belong together is decided by a {@link Scorer} — in production the fitted
 * {@link StoryModel} — from per-cluster sums: the sum of the members' unit sentence embeddings, the sum of their
 * TF-IDF vectors, and a histogram of their UTC publication days. Sums are enough for average link (the sum over all
 * article pairs of two clusters A and B of {@code e_a·e_b} is {@code ΣE_A·ΣE_B}) and for the cosine of two centroids,
 * so an existing story can take new articles without its members being read again.
 *
 * <p>Which clusters are compared at all comes from candidate links (nearest neighbours from the vector index):
 * clusters without a link between any of their members never merge, nor do clusters whose active spans are more
 * than the scorer's window apart. {@link #join} puts clusters together unconditionally, before any scoring.
 *
 * <p>Merging is greedy best-first while the best score is positive; ties are broken by cluster number, and numbers
 * follow the caller's canonical order, so the result does not depend on the order in which the articles of a batch
 * arrived.
 */
final class Agglomerator {

    /** Unknown publication time: the article counts as one day away from everything. */
    static final long NO_TIME = Long.MIN_VALUE;

    private static final long DAY = 86_400;

    /** Log-odds that two clusters are one story; they merge when it is positive. */
    interface Scorer {
        double score(Cluster a, Cluster b);

        /** Clusters whose active spans are more than this many days apart are not compared. */
        int windowDays();
    }

    /** A cluster: an existing story or a new article, reduced to the sums average link needs. */
    static final class Cluster {
        final int number;
        float[] embeddingSum;
        private boolean shared;
        SparseSum terms;
        final Map<Integer, Double> topics;
        final TreeMap<Long, Integer> buckets;
        int size;
        Cluster mergedInto;
        final List<Cluster> absorbed = new ArrayList<>();
        int version;
        private double embeddingNorm2 = Double.NaN;
        private double termNorm2 = Double.NaN;

        Cluster(int number, float[] embeddingSum, boolean shared, SparseSum terms, Map<Integer, Double> topics,
                TreeMap<Long, Integer> buckets, int size) {
            this.number = number;
            this.embeddingSum = embeddingSum;
            this.shared = shared;
            this.terms = terms;
            this.topics = topics;
            this.buckets = buckets;
            this.size = size;
        }

        /** Squared length of the embedding sum. */
        double embeddingNorm2() {
            if (Double.isNaN(embeddingNorm2)) {
                embeddingNorm2 = dot(embeddingSum, embeddingSum);
            }
            return embeddingNorm2;
        }

        /** Squared length of the term sum. */
        double termNorm2() {
            if (Double.isNaN(termNorm2)) {
                termNorm2 = terms.dot(terms);
            }
            return termNorm2;
        }

        /** The first known publication day (epoch day), or {@link #NO_TIME} when no member has a time. */
        long firstDay() {
            Long k = buckets.higherKey(NO_TIME);
            return k == null ? NO_TIME : k;
        }

        /** The last known publication day, or {@link #NO_TIME}. */
        long lastDay() {
            return buckets.lastKey();
        }

        Cluster root() {
            Cluster c = this;
            while (c.mergedInto != null) {
                c = c.mergedInto;
            }
            return c;
        }

        /** This cluster and every cluster merged into it, this one first. */
        List<Cluster> members() {
            List<Cluster> all = new ArrayList<>();
            List<Cluster> stack = new ArrayList<>(List.of(this));
            while (!stack.isEmpty()) {
                Cluster c = stack.removeLast();
                all.add(c);
                stack.addAll(c.absorbed);
            }
            return all;
        }
    }

    private final Scorer scorer;
    private final List<Cluster> clusters = new ArrayList<>();
    private final Map<Integer, Map<Integer, Double>> links = new HashMap<>();

    Agglomerator(Scorer scorer) {
        this.scorer = scorer;
    }

    /** The UTC day of an epoch second, or {@link #NO_TIME}. */
    static long dayOf(long epochSecond) {
        return epochSecond == NO_TIME ? NO_TIME : Math.floorDiv(epochSecond, DAY);
    }

    /** Adds an article as its own cluster; its embedding array is shared until it merges. */
    Cluster addArticle(float[] embedding, SparseVector terms, Map<Integer, Double> topics, long epochSecond) {
        TreeMap<Long, Integer> buckets = new TreeMap<>();
        buckets.put(dayOf(epochSecond), 1);
        Cluster c = new Cluster(clusters.size(), embedding, true, SparseSum.of(terms), new HashMap<>(topics),
                buckets, 1);
        clusters.add(c);
        return c;
    }

    /** Adds an existing story from its stored sums; {@code buckets} maps a UTC day to its member count. */
    Cluster addStory(float[] embeddingSum, SparseSum terms, Map<Integer, Double> topics, Map<Long, Integer> buckets) {
        int size = buckets.values().stream().mapToInt(Integer::intValue).sum();
        Cluster c = new Cluster(clusters.size(), embeddingSum, false, terms, new HashMap<>(topics),
                new TreeMap<>(buckets), size);
        clusters.add(c);
        return c;
    }

    /** Declares that the clusters of {@code a} and {@code b} may belong together (a candidate pair). */
    void link(Cluster a, Cluster b) {
        Cluster ra = a.root();
        Cluster rb = b.root();
        if (ra == rb) {
            return;
        }
        links.computeIfAbsent(ra.number, k -> new HashMap<>()).put(rb.number, 0.0);
        links.computeIfAbsent(rb.number, k -> new HashMap<>()).put(ra.number, 0.0);
    }

    /** Puts two clusters together before best-first merging, whatever their similarity. */
    void join(Cluster a, Cluster b) {
        Cluster ra = a.root();
        Cluster rb = b.root();
        if (ra != rb) {
            mergeAndRelink(ra, rb);
        }
    }

    static double dot(float[] x, float[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (double) x[i] * y[i];
        }
        return s;
    }

    private boolean mayMeet(Cluster a, Cluster b) {
        long aFirst = a.firstDay();
        long bFirst = b.firstDay();
        if (aFirst == NO_TIME || bFirst == NO_TIME) {
            return true;
        }
        return Math.max(aFirst, bFirst) - Math.min(a.lastDay(), b.lastDay()) <= scorer.windowDays();
    }

    private record Candidate(double similarity, Cluster a, Cluster b, int versionA, int versionB)
            implements Comparable<Candidate> {
        @Override
        public int compareTo(Candidate o) {
            int c = Double.compare(o.similarity, similarity);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(Math.min(a.number, b.number), Math.min(o.a.number, o.b.number));
            return c != 0 ? c : Integer.compare(Math.max(a.number, b.number), Math.max(o.a.number, o.b.number));
        }
    }

    /** Merges best-first while a linked pair has a positive score; returns the number of merges. */
    int run() {
        PriorityQueue<Candidate> queue = new PriorityQueue<>();
        for (var e : links.entrySet()) {
            Cluster a = clusters.get(e.getKey());
            for (int other : e.getValue().keySet()) {
                if (other > a.number) {
                    offer(queue, a, clusters.get(other));
                }
            }
        }
        int merges = 0;
        while (!queue.isEmpty()) {
            Candidate best = queue.poll();
            Cluster a = best.a();
            Cluster b = best.b();
            if (a.mergedInto != null || b.mergedInto != null || a.version != best.versionA()
                    || b.version != best.versionB()) {
                continue;
            }
            Cluster kept = mergeAndRelink(a, b);
            merges++;
            for (int other : links.getOrDefault(kept.number, Map.of()).keySet()) {
                Cluster c = clusters.get(other);
                if (c.mergedInto == null) {
                    offer(queue, kept, c);
                }
            }
        }
        return merges;
    }

    private void offer(PriorityQueue<Candidate> queue, Cluster a, Cluster b) {
        if (!mayMeet(a, b)) {
            return;
        }
        double s = scorer.score(a, b);
        if (s >= 0) {
            queue.add(new Candidate(s, a, b, a.version, b.version));
        }
    }

    private Cluster mergeAndRelink(Cluster a, Cluster b) {
        Cluster kept = a.number < b.number ? a : b;
        Cluster gone = kept == a ? b : a;
        float[] sum = kept.shared ? kept.embeddingSum.clone() : kept.embeddingSum;
        for (int i = 0; i < sum.length; i++) {
            sum[i] += gone.embeddingSum[i];
        }
        kept.embeddingSum = sum;
        kept.shared = false;
        kept.terms.add(gone.terms);
        gone.topics.forEach((k, v) -> kept.topics.merge(k, v, Double::sum));
        gone.buckets.forEach((k, v) -> kept.buckets.merge(k, v, Integer::sum));
        kept.size += gone.size;
        kept.version++;
        kept.embeddingNorm2 = Double.NaN;
        kept.termNorm2 = Double.NaN;
        gone.mergedInto = kept;
        kept.absorbed.add(gone);
        gone.embeddingSum = null;
        gone.terms = null;

        Map<Integer, Double> keptLinks = links.computeIfAbsent(kept.number, k -> new HashMap<>());
        Map<Integer, Double> goneLinks = links.remove(gone.number);
        keptLinks.remove(gone.number);
        if (goneLinks != null) {
            goneLinks.remove(kept.number);
            for (int n : goneLinks.keySet()) {
                keptLinks.put(n, 0.0);
                Map<Integer, Double> other = links.get(n);
                if (other != null) {
                    other.remove(gone.number);
                    other.put(kept.number, 0.0);
                }
            }
        }
        return kept;
    }

    /** The surviving clusters. */
    List<Cluster> roots() {
        List<Cluster> roots = new ArrayList<>();
        for (Cluster c : clusters) {
            if (c.mergedInto == null) {
                roots.add(c);
            }
        }
        return roots;
    }
}
