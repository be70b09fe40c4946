package org.storygraph.clustering;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fits the {@link StoryModel} on labelled corpora and cross-validates it by story: {@code scripts/fit-story-model.sh}.
 * Not a test.
 *
 * <p><b>Examples.</b> Each corpus is clustered once with an oracle: the same candidate links and best-first merging
 * as in production, but two clusters merge exactly when their majority gold stories agree. Every pair the
 * agglomerator weighs on the way — a new article against a grown story, two partial stories — is an example with
 * its features and whether it is one gold story. The examples are therefore the decisions the model has to take in
 * production, in the same proportions, rather than article pairs (which would teach nothing about stories).
 *
 * <p><b>Fit.</b> L2-regularised logistic regression (Newton's method), the two classes weighted equally within each
 * corpus and the corpora weighted equally against each other, so that neither the dense set (many negatives) nor the
 * larger set dominates.
 *
 * <p><b>Cross-validation by story.</b> The gold stories of each corpus are split in two folds by a hash of their id.
 * For each fold the model is fitted on the examples of the other fold's stories (of both corpora), the whole corpus
 * is clustered with it, and B-cubed F1 is scored on the held-out fold's articles only: no score is measured on what
 * was fitted. Finally the model is fitted on all examples: the weights to put in {@link StoryModel}.
 *
 * <p>Experiments: {@code -Dextra=entity,margin,...} adds candidate features ({@link LabFeatures}; {@code
 * -Dtruecase=true} and {@code -DdensityK=N} vary them), {@code -DfoldSalt=N} draws another split of the stories
 * into folds to see how much a difference is worth.
 */
public class StoryModelFit {

    private static final double L2 = 1e-2;

    /** {@code -DfoldSalt=N} draws another split of the stories into folds (a check of the folds' spread). */
    private static final int SALT = Integer.getInteger("foldSalt", 0);

    record Example(double[] x, boolean same, String goldA, String goldB, int corpus) {
    }

    public static void main(String[] args) throws Exception {
        List<StoryLab.Corpus> corpora = new ArrayList<>();
        for (String arg : args) {
            String[] parts = arg.split(":");
            Path dir = Path.of(parts[0]);
            corpora.add(StoryLab.prepare(dir, parts.length > 1 ? Path.of(parts[1]) : dir.resolve("truth.csv"),
                    StoryModel.fitted().windowDays()));
        }
        List<Example> examples = new ArrayList<>();
        for (int c = 0; c < corpora.size(); c++) {
            List<Example> own = examples(corpora.get(c), c);
            System.out.printf(Locale.ROOT, "%s: %d articles, %d examples (%d same story)%n", corpora.get(c).name(),
                    corpora.get(c).docs().size(), own.size(), own.stream().filter(Example::same).count());
            examples.addAll(own);
        }
        double[] thresholds = java.util.Arrays.stream(System.getProperty("thresholds", "0").split(","))
                .mapToDouble(Double::parseDouble).toArray();
        for (double threshold : thresholds) {
        double[] cv = new double[corpora.size()];
        for (int fold = 0; fold < 2; fold++) {
            int held = fold;
            double[] w = fit(examples.stream().filter(e -> fold(e.goldA()) != held && fold(e.goldB()) != held)
                    .toList(), corpora.size());
            Agglomerator.Scorer model = new LabFeatures.Model(w, threshold, StoryModel.fitted().windowDays());
            for (int c = 0; c < corpora.size(); c++) {
                StoryLab.Corpus corpus = corpora.get(c);
                List<String> predicted = StoryLab.cluster(corpus, model);
                List<String> gold = new ArrayList<>();
                List<String> pred = new ArrayList<>();
                for (int i = 0; i < predicted.size(); i++) {
                    if (fold(corpus.gold().get(i)) == held) {
                        gold.add(corpus.gold().get(i));
                        pred.add(predicted.get(i));
                    }
                }
                double f1 = ClusterScores.of(gold, pred).f1();
                cv[c] += f1 * gold.size() / corpus.docs().size();
                System.out.printf(Locale.ROOT, "fold %d held out, %s: B-cubed F1 %.3f on %d held-out articles%n",
                        fold, corpus.name(), f1, gold.size());
            }
        }
        for (int c = 0; c < corpora.size(); c++) {
            System.out.printf(Locale.ROOT, "threshold %.2f: cross-validated B-cubed F1, %s: %.3f%n", threshold,
                    corpora.get(c).name(), cv[c]);
        }
        }
        double[] w = fit(examples, corpora.size());
        Agglomerator.Scorer model = new LabFeatures.Model(w, 0, StoryModel.fitted().windowDays());
        System.out.printf(Locale.ROOT, "fitted on everything: bias %.3f", w[0]);
        for (int i = 0; i < LabFeatures.names().length; i++) {
            System.out.printf(Locale.ROOT, ", %s %.3f", LabFeatures.names()[i], w[i + 1]);
        }
        System.out.println();
        for (StoryLab.Corpus corpus : corpora) {
            System.out.printf(Locale.ROOT, "  in-sample, %s: %s%n", corpus.name(),
                    ClusterScores.of(corpus.gold(), StoryLab.cluster(corpus, model)));
        }
    }

    static int fold(String gold) {
        if (SALT != 0) {
            return ((gold + "#" + SALT).hashCode() * 0x9E3779B1 >>> 16) & 1;
        }
        return Math.floorMod(gold.hashCode() * 0x9E3779B1, 2);
    }

    /** The pairs weighed while clustering with a gold oracle. */
    static List<Example> examples(StoryLab.Corpus corpus, int index) {
        List<Example> out = new ArrayList<>();
        Map<Agglomerator.Cluster, Map<String, Integer>> golds = new HashMap<>();
        List<String> gold = corpus.gold();
        Agglomerator.Scorer oracle = new Agglomerator.Scorer() {
            @Override
            public double score(Agglomerator.Cluster a, Agglomerator.Cluster b) {
                String ga = major(a, golds, gold);
                String gb = major(b, golds, gold);
                double[] x = LabFeatures.features(a, b);
                boolean same = ga.equals(gb);
                out.add(new Example(x, same, ga, gb, index));
                return same ? 1 + x[2] : -1;
            }

            @Override
            public int windowDays() {
                return StoryModel.fitted().windowDays();
            }
        };
        StoryLab.cluster(corpus, oracle);
        return out;
    }

    /** The gold story most of a cluster's articles belong to (cluster numbers are the corpus indices). */
    private static String major(Agglomerator.Cluster c, Map<Agglomerator.Cluster, Map<String, Integer>> cache,
            List<String> gold) {
        Map<String, Integer> counts = new HashMap<>();
        for (Agglomerator.Cluster m : c.members()) {
            counts.merge(gold.get(m.number), 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow().getKey();
    }

    /** Class- and corpus-balanced L2 logistic regression by Newton's method; returns bias then weights. */
    static double[] fit(List<Example> examples, int corpora) {
        int d = LabFeatures.names().length + 1;
        double[] sampleWeight = new double[examples.size()];
        long[][] counts = new long[corpora][2];
        for (Example e : examples) {
            counts[e.corpus()][e.same() ? 1 : 0]++;
        }
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            long n = counts[e.corpus()][e.same() ? 1 : 0];
            sampleWeight[i] = examples.size() / (2.0 * corpora * n);
        }
        double[] w = new double[d];
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int i = 0; i < examples.size(); i++) {
                double[] x = withBias(examples.get(i).x());
                double z = 0;
                for (int k = 0; k < d; k++) {
                    z += w[k] * x[k];
                }
                double p = 1 / (1 + Math.exp(-z));
                double y = examples.get(i).same() ? 1 : 0;
                double s = sampleWeight[i];
                for (int k = 0; k < d; k++) {
                    gradient[k] += s * (p - y) * x[k];
                    for (int l = 0; l < d; l++) {
                        hessian[k][l] += s * p * (1 - p) * x[k] * x[l];
                    }
                }
            }
            for (int k = 1; k < d; k++) {
                gradient[k] += L2 * examples.size() * w[k];
                hessian[k][k] += L2 * examples.size();
            }
            double[] step = solve(hessian, gradient);
            double change = 0;
            for (int k = 0; k < d; k++) {
                w[k] -= step[k];
                change = Math.max(change, Math.abs(step[k]));
            }
            if (change < 1e-8) {
                break;
            }
        }
        return w;
    }

    private static double[] withBias(double[] x) {
        double[] out = new double[x.length + 1];
        out[0] = 1;
        System.arraycopy(x, 0, out, 1, x.length);
        return out;
    }

    /** Gaussian elimination with partial pivoting. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int k = col; k <= n; k++) {
                    m[r][k] -= f * m[col][k];
                }
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = m[i][n];
            for (int k = i + 1; k < n; k++) {
                s -= m[i][k] * x[k];
            }
            x[i] = s / m[i][i];
        }
        return x;
    }
}
