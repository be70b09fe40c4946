package org.storygraph.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class AgglomeratorTest {

    private static final long DAY = 86_400;
    private static final StoryModel MODEL = StoryModel.fitted();

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

    /** A unit vector at cosine {@code c} to (1, 0). */
    private static float[] atCosine(double c) {
        return new float[] {(float) c, (float) Math.sqrt(1 - c * c)};
    }

    @Test
    void featuresFromClusterSumsEqualTheirDefinitionsOverTheMembers() {
        Agglomerator agg = new Agglomerator(MODEL);
        Random random = new Random(7);
        List<float[]> a = new ArrayList<>();
        List<float[]> b = new ArrayList<>();
        List<Agglomerator.Cluster> ca = new ArrayList<>();
        List<Agglomerator.Cluster> cb = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            a.add(unit(random, 8));
            ca.add(agg.addArticle(a.get(i), SparseVector.EMPTY, Map.of(), i * DAY)); // days 0..3
            b.add(unit(random, 8));
            cb.add(agg.addArticle(b.get(i), SparseVector.EMPTY, Map.of(), (10 + i) * DAY)); // days 10..13
        }
        for (int i = 1; i < 4; i++) {
            agg.join(ca.get(0), ca.get(i));
            agg.join(cb.get(0), cb.get(i));
        }
        double average = 0;
        double[] meanA = new double[8];
        double[] meanB = new double[8];
        for (float[] x : a) {
            for (float[] y : b) {
                average += Agglomerator.dot(x, y) / 16;
            }
        }
        for (int i = 0; i < 4; i++) {
            for (int d = 0; d < 8; d++) {
                meanA[d] += a.get(i)[d];
                meanB[d] += b.get(i)[d];
            }
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int d = 0; d < 8; d++) {
            dot += meanA[d] * meanB[d];
            na += meanA[d] * meanA[d];
            nb += meanB[d] * meanB[d];
        }
        double[] f = StoryModel.features(ca.get(0).root(), cb.get(0).root());
        assertThat(f[0]).isCloseTo(average, within(1e-6));
        assertThat(f[2]).isCloseTo(dot / Math.sqrt(na * nb), within(1e-6));
        // the gap is between the active spans (day 3 to day 10), not an average over member pairs
        assertThat(f[4]).isCloseTo(Math.log1p(7), within(1e-9));
    }

    @Test
    void theGapIsZeroForOverlappingSpansAndOneDayForAnUnknownTime() {
        Agglomerator agg = new Agglomerator(MODEL);
        float[] x = {1, 0};
        var early = agg.addArticle(x, SparseVector.EMPTY, Map.of(), 0);
        var late = agg.addArticle(x, SparseVector.EMPTY, Map.of(), 5 * DAY);
        var middle = agg.addArticle(x, SparseVector.EMPTY, Map.of(), 2 * DAY);
        var unknown = agg.addArticle(x, SparseVector.EMPTY, Map.of(), Agglomerator.NO_TIME);
        agg.join(early, late);
        assertThat(StoryModel.gapDays(early.root(), middle)).isZero();
        assertThat(StoryModel.gapDays(middle, unknown)).isEqualTo(1);
        assertThat(StoryModel.gapDays(early.root(), unknown)).isEqualTo(1);
    }

    /** Whether an article merges with a one-article story published at time 0 (vector (1, 0)). */
    private static boolean joins(Agglomerator.Scorer scorer, float[] embedding, long epochSecond) {
        Agglomerator agg = new Agglomerator(scorer);
        var story = agg.addArticle(new float[] {1, 0}, SparseVector.EMPTY, Map.of(), 0);
        var candidate = agg.addArticle(embedding, SparseVector.EMPTY, Map.of(), epochSecond);
        agg.link(story, candidate);
        agg.run();
        return candidate.root() == story.root();
    }

    @Test
    void aCloseMatchJoinsAStoryWeeksLaterAWeakOneOnlyWithinItsDays() {
        float[] same = {1, 0};
        assertThat(joins(MODEL, same, 3600)).isTrue();
        assertThat(joins(MODEL, same, 14 * DAY)).as("the same telling two weeks on").isTrue();
        assertThat(joins(MODEL, atCosine(0.6), 3600)).as("loosely similar, same hour").isTrue();
        assertThat(joins(MODEL, atCosine(0.6), 14 * DAY)).as("loosely similar, two weeks on").isFalse();
        assertThat(joins(MODEL, new float[] {0, 1}, 3600)).as("another subject, same hour").isFalse();
    }

    @Test
    void clustersBeyondTheWindowAreNotCompared() {
        Agglomerator.Scorer always = new Agglomerator.Scorer() {
            @Override
            public double score(Agglomerator.Cluster a, Agglomerator.Cluster b) {
                return 1; // everything compared merges
            }

            @Override
            public int windowDays() {
                return MODEL.windowDays();
            }
        };
        float[] x = {1, 0};
        assertThat(joins(always, x, MODEL.windowDays() * DAY)).isTrue();
        assertThat(joins(always, x, (MODEL.windowDays() + 1) * DAY)).isFalse();
    }

    @Test
    void clustersWithoutACandidateLinkNeverMerge() {
        Agglomerator agg = new Agglomerator(MODEL);
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
        assertThat(first.stream().distinct().count()).isBetween(2L, 39L); // some merged, not all
        Collections.shuffle(pairs, new Random(11));
        assertThat(partition(vectors, pairs)).isEqualTo(first);
    }

    private static List<Integer> partition(List<float[]> vectors, List<int[]> pairs) {
        Agglomerator agg = new Agglomerator(MODEL);
        List<Agglomerator.Cluster> cs = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            cs.add(agg.addArticle(vectors.get(i), SparseVector.EMPTY, Map.of(), (i % 3) * DAY));
        }
        for (int[] p : pairs) {
            agg.link(cs.get(p[0]), cs.get(p[1]));
        }
        agg.run();
        return cs.stream().map(c -> c.root().number).toList();
    }
}
