package org.storygraph.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class AgglomeratorTest {

    private static final long DAY = 86_400;

    private static float[] unit(Random random, int dims) {
        float[] v = new float[dims];
        double n = 0;
        for (int i = 0; i < dims; i++) {
            v[i] = (float) random.nextGaussian();
            n += v[i] * v[i];
        }
        for (int i = 0; i < dims; i++) {
            v[i] /= (float) Math.sqrt(n);
        }
        return v;
    }

    @Test
    void averageLinkFromSumsEqualsTheAverageOverAllPairs() {
        var weights = new Agglomerator.Weights(1, 0, 0, 2, DAY, 0, 0.4, 7);
        Agglomerator agg = new Agglomerator(weights);
        Random random = new Random(7);
        List<float[]> a = new ArrayList<>();
        List<float[]> b = new ArrayList<>();
        List<Agglomerator.Cluster> ca = new ArrayList<>();
        List<Agglomerator.Cluster> cb = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            a.add(unit(random, 8));
            ca.add(agg.addArticle(a.get(i), SparseVector.EMPTY, Map.of(), 0));
            b.add(unit(random, 8));
            cb.add(agg.addArticle(b.get(i), SparseVector.EMPTY, Map.of(), DAY));
        }
        for (int i = 1; i < 4; i++) {
            agg.join(ca.get(0), ca.get(i));
            agg.join(cb.get(0), cb.get(i));
        }
        double brute = 0;
        for (float[] x : a) {
            for (float[] y : b) {
                brute += Agglomerator.dot(x, y) * 0.4; // one day apart
            }
        }
        brute /= 16;
        assertThat(agg.similarity(ca.get(0).root(), cb.get(0).root())).isCloseTo(brute, within(1e-6));
    }

    @Test
    void mergesSimilarArticlesOfTheSameDayAndKeepsOtherDaysApart() {
        var weights = new Agglomerator.Weights(1, 0, 0, 0.5, DAY, 0, 0.4, 7);
        Agglomerator agg = new Agglomerator(weights);
        float[] x = {1, 0};
        float[] nearX = {0.9f, (float) Math.sqrt(1 - 0.81)};
        float[] y = {0, 1};
        var c1 = agg.addArticle(x, SparseVector.EMPTY, Map.of(), 0);
        var c2 = agg.addArticle(nearX, SparseVector.EMPTY, Map.of(), 3600);
        var c3 = agg.addArticle(x, SparseVector.EMPTY, Map.of(), 3 * DAY); // same text, three days later
        var c4 = agg.addArticle(y, SparseVector.EMPTY, Map.of(), 0);
        agg.link(c1, c2);
        agg.link(c1, c3);
        agg.link(c2, c4);
        agg.run();
        assertThat(c1.root()).isSameAs(c2.root());
        assertThat(c3.root()).isNotSameAs(c1.root());
        assertThat(c4.root()).isNotSameAs(c1.root());
    }

    @Test
    void clustersWithoutACandidateLinkNeverMerge() {
        var weights = new Agglomerator.Weights(1, 0, 0, 0.1, DAY, 0, 0.4, 7);
        Agglomerator agg = new Agglomerator(weights);
        float[] x = {1, 0};
        var c1 = agg.addArticle(x, SparseVector.EMPTY, Map.of(), 0);
        var c2 = agg.addArticle(x, SparseVector.EMPTY, Map.of(), 0);
        agg.run();
        assertThat(c1.root()).isNotSameAs(c2.root());
    }

    @Test
    void theResultDoesNotDependOnTheOrderLinksAreDeclared() {
        Random random = new Random(3);
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            vectors.add(unit(random, 4));
        }
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            for (int j = i + 1; j < 40; j++) {
                pairs.add(new int[] {i, j});
            }
        }
        List<Integer> first = partition(vectors, pairs);
        java.util.Collections.shuffle(pairs, new Random(11));
        assertThat(partition(vectors, pairs)).isEqualTo(first);
    }

    private static List<Integer> partition(List<float[]> vectors, List<int[]> pairs) {
        Agglomerator agg = new Agglomerator(new Agglomerator.Weights(1, 0, 0, 0.3, DAY, 0, 0.4, 7));
        List<Agglomerator.Cluster> cs = new ArrayList<>();
        for (float[] v : vectors) {
            cs.add(agg.addArticle(v, SparseVector.EMPTY, Map.of(), 0));
        }
        for (int[] p : pairs) {
            agg.link(cs.get(p[0]), cs.get(p[1]));
        }
        agg.run();
        return cs.stream().map(c -> c.root().number).toList();
    }
}
