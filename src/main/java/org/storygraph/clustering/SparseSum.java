package org.storygraph.clustering;

import java.util.HashMap;
import java.util.Map;

/** A mutable sum of sparse vectors (a cluster's lexical sum). */
final class SparseSum {

    private final Map<Integer, Double> values;

    SparseSum() {
        this.values = new HashMap<>();
    }

    private SparseSum(Map<Integer, Double> values) {
        this.values = values;
    }

    void add(SparseVector v) {
        for (int i = 0; i < v.ids().length; i++) {
            values.merge(v.ids()[i], (double) v.values()[i], Double::sum);
        }
    }

    void add(SparseSum other) {
        other.values.forEach((k, v) -> values.merge(k, v, Double::sum));
    }

    double dot(SparseVector v) {
        double sum = 0;
        for (int i = 0; i < v.ids().length; i++) {
            Double w = values.get(v.ids()[i]);
            if (w != null) {
                sum += w * v.values()[i];
            }
        }
        return sum;
    }

    double dot(SparseSum other) {
        Map<Integer, Double> small = values.size() <= other.values.size() ? values : other.values;
        Map<Integer, Double> large = small == values ? other.values : values;
        double sum = 0;
        for (var e : small.entrySet()) {
            Double w = large.get(e.getKey());
            if (w != null) {
                sum += w * e.getValue();
            }
        }
        return sum;
    }

    Map<Integer, Double> values() {
        return values;
    }

    static SparseSum of(SparseVector v) {
        SparseSum s = new SparseSum(new HashMap<>(v.ids().length * 2));
        s.add(v);
        return s;
    }

    static SparseSum of(Map<Integer, Double> values) {
        return new SparseSum(new HashMap<>(values));
    }
}
