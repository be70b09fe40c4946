package org.storygraph.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Average-link agglomerative clustering over a sparse candidate graph, computed from cluster sums.
 *
 * <p>The content similarity of two articles is a weighted sum of dot products of unit vectors — sentence
 * embeddings, TF-IDF term vectors, topic vectors. For such a similarity the sum over all article pairs of two
 * clusters A and B is {@code w_e·ΣE_A·ΣE_B + w_l·ΣT_A·ΣT_B + w_t·ΣP_A·ΣP_B}, so average link (UPGMA) needs only
 * per-cluster sums — never a matrix of all pairs — and an existing story can take new articles without its members
 * being read again. Time enters as a kernel over coarse buckets (UTC days by default): articles d buckets apart
 * count {@code decay^d}, none beyond {@code maxBuckets}. The average of the kernel over the pairs multiplies the
 * average content similarity (a separable approximation that is exact for single articles and, on the UCI dev set,
 * as good as the exact pairwise kernel).
 *
 * <p>Which clusters are compared at all comes from candidate links (nearest neighbours from the vector index):
 * clusters without a link between any of their members never merge. {@link #join} puts clusters together
 * unconditionally (explicit evidence: related links between similar articles, near-duplicates).
 *
 * <p>Merging is greedy best-first; ties are broken by cluster number, and numbers follow the caller's canonical
 * order, so the result does not depend on the order in which the articles of a batch arrived.
 */
final class Agglomerator {

    /** Unknown publication time: the article counts as one bucket away from everything. */
    static final long NO_TIME = Long.MIN_VALUE;

    /**
     * Weights of the evidence, the stopping rule and the time kernel.
     */
    record Weights(double embedding, double lexical, double topic, double threshold, long bucketSeconds,
            int plateau, double decay, int maxBuckets) {

        double kernel(long distance) {
            if (distance > maxBuckets) {
                return 0;
            }
            return distance <= plateau ? 1 : Math.pow(decay, distance - plateau);
        }
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

    private final Weights weights;
    private final List<Cluster> clusters = new ArrayList<>();
    private final Map<Integer, Map<Integer, Double>> links = new HashMap<>();

    Agglomerator(Weights weights) {
        this.weights = weights;
    }

    /** The time bucket of an epoch second, or {@link #NO_TIME}. */
    long bucketOf(long epochSecond) {
        return epochSecond == NO_TIME ? NO_TIME : Math.floorDiv(epochSecond, weights.bucketSeconds());
    }

    /** Adds an article as its own cluster; its embedding array is shared until it merges. */
    Cluster addArticle(float[] embedding, SparseVector terms, Map<Integer, Double> topics, long epochSecond) {
        TreeMap<Long, Integer> buckets = new TreeMap<>();
        buckets.put(bucketOf(epochSecond), 1);
        Cluster c = new Cluster(clusters.size(), embedding, true, SparseSum.of(terms), new HashMap<>(topics),
                buckets, 1);
        clusters.add(c);
        return c;
    }

    /** Adds an existing story from its stored sums; {@code buckets} maps a time bucket to its member count. */
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

    /** Average content similarity of two clusters times their average time kernel. */
    double similarity(Cluster a, Cluster b) {
        double e = dot(a.embeddingSum, b.embeddingSum);
        double l = weights.lexical() == 0 ? 0 : a.terms.dot(b.terms);
        double t = 0;
        if (weights.topic() != 0) {
            Map<Integer, Double> small = a.topics.size() <= b.topics.size() ? a.topics : b.topics;
            Map<Integer, Double> large = small == a.topics ? b.topics : a.topics;
            for (var entry : small.entrySet()) {
                Double w = large.get(entry.getKey());
                if (w != null) {
                    t += w * entry.getValue();
                }
            }
        }
        double pairs = (double) a.size * b.size;
        double content = (weights.embedding() * e + weights.lexical() * l + weights.topic() * t) / pairs;
        return content * timeAffinity(a, b) / pairs;
    }

    /** Σ over member pairs of the time kernel (not yet divided by the number of pairs). */
    private double timeAffinity(Cluster a, Cluster b) {
        double sum = 0;
        for (var ea : a.buckets.entrySet()) {
            for (var eb : b.buckets.entrySet()) {
                long x = ea.getKey();
                long y = eb.getKey();
                double k = x == NO_TIME || y == NO_TIME ? weights.kernel(Math.min(1, weights.maxBuckets()))
                        : weights.kernel(Math.abs(x - y));
                sum += k * ea.getValue() * eb.getValue();
            }
        }
        return sum;
    }

    static double dot(float[] x, float[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (double) x[i] * y[i];
        }
        return s;
    }

    private boolean mayMeet(Cluster a, Cluster b) {
        long aFirst = firstKnown(a);
        long bFirst = firstKnown(b);
        if (aFirst == NO_TIME || bFirst == NO_TIME) {
            return true;
        }
        long gap = Math.max(aFirst, bFirst) - Math.min(a.buckets.lastKey(), b.buckets.lastKey());
        return gap <= weights.maxBuckets();
    }

    private static long firstKnown(Cluster c) {
        Long k = c.buckets.higherKey(NO_TIME);
        return k == null ? NO_TIME : k;
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

    /** Merges best-first until no linked pair reaches the threshold; returns the number of merges. */
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
        double s = similarity(a, b);
        if (s >= weights.threshold()) {
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
