package org.storygraph.clustering;

import java.util.Arrays;

/** A sparse vector over term ids, sorted by id; immutable. */
record SparseVector(int[] ids, float[] values) {

    static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

    double dot(SparseVector other) {
        int i = 0;
        int j = 0;
        double sum = 0;
        while (i < ids.length && j < other.ids.length) {
            int a = ids[i];
            int b = other.ids[j];
            if (a == b) {
                sum += (double) values[i++] * other.values[j++];
            } else if (a < b) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }

    double norm() {
        double s = 0;
        for (float v : values) {
            s += (double) v * v;
        }
        return Math.sqrt(s);
    }

    SparseVector normalized() {
        double n = norm();
        if (n == 0) {
            return this;
        }
        float[] v = new float[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (values[i] / n);
        }
        return new SparseVector(ids, v);
    }

    int size() {
        return ids.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseVector s && Arrays.equals(ids, s.ids) && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "SparseVector" + Arrays.toString(ids);
    }
}
