package org.storygraph.clustering;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Agreement of a predicted clustering with gold labels: B-cubed precision/recall/F1 (item-averaged, Bagga &amp;
 * Baldwin 1998), adjusted Rand index (Hubert &amp; Arabie 1985) and normalised mutual information (arithmetic-mean
 * normalisation). Same definitions as {@code ../shared/tools/score-clusters}; items missing from the prediction
 * count as singletons there and should be given as such here.
 */
public record ClusterScores(int items, int goldClusters, int predictedClusters, double precision, double recall,
        double f1, double ari, double nmi) {

    /** {@code gold.get(i)} and {@code predicted.get(i)} label item i. */
    public static ClusterScores of(List<String> gold, List<String> predicted) {
        int n = gold.size();
        if (n == 0 || predicted.size() != n) {
            throw new IllegalArgumentException("need two labelings of the same, non-empty list of items");
        }
        Map<String, Integer> goldSizes = new HashMap<>();
        Map<String, Integer> predSizes = new HashMap<>();
        Map<String, Integer> pairs = new HashMap<>();
        for (int i = 0; i < n; i++) {
            goldSizes.merge(gold.get(i), 1, Integer::sum);
            predSizes.merge(predicted.get(i), 1, Integer::sum);
            pairs.merge(gold.get(i) + "\u0000" + predicted.get(i), 1, Integer::sum);
        }
        double precision = 0;
        double recall = 0;
        double index = 0;
        double mi = 0;
        for (var e : pairs.entrySet()) {
            String[] gp = e.getKey().split("\u0000", 2);
            double c = e.getValue();
            int g = goldSizes.get(gp[0]);
            int p = predSizes.get(gp[1]);
            precision += c * c / p;
            recall += c * c / g;
            index += comb2(c);
            mi += c / n * Math.log(n * c / ((double) g * p));
        }
        precision /= n;
        recall /= n;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        int kGold = goldSizes.size();
        int kPred = predSizes.size();
        double ari;
        if ((kGold == 1 && kPred == 1) || (kGold == n && kPred == n)) {
            ari = 1;
        } else {
            double sumGold = goldSizes.values().stream().mapToDouble(ClusterScores::comb2).sum();
            double sumPred = predSizes.values().stream().mapToDouble(ClusterScores::comb2).sum();
            double expected = sumGold * sumPred / comb2(n);
            double maximum = (sumGold + sumPred) / 2;
            ari = maximum != expected ? (index - expected) / (maximum - expected) : 0;
        }
        double nmi;
        if (kGold == 1 && kPred == 1) {
            nmi = 1;
        } else {
            double mean = (entropy(goldSizes, n) + entropy(predSizes, n)) / 2;
            nmi = mean > 0 ? Math.max(0, Math.min(1, mi / mean)) : 0;
        }
        return new ClusterScores(n, kGold, kPred, precision, recall, f1, ari, nmi);
    }

    private static double comb2(double c) {
        return c * (c - 1) / 2;
    }

    private static double entropy(Map<String, Integer> sizes, int n) {
        double h = 0;
        for (int s : sizes.values()) {
            h -= (double) s / n * Math.log((double) s / n);
        }
        return h;
    }

    @Override
    public String toString() {
        return String.format("B-cubed P=%.4f R=%.4f F1=%.4f  ARI=%.4f  NMI=%.4f  (%d items, %d gold, %d predicted)",
                precision, recall, f1, ari, nmi, items, goldClusters, predictedClusters);
    }
}
