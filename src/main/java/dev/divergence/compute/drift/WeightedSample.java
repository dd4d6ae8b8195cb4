package dev.divergence.compute.drift;

import java.util.Arrays;

/**
 * A distribution known through weighted points: the raw values of a window (each of weight 1, exact), or the
 * retained items of a quantile sketch with their weights, whose distribution function is right only to within a
 * normalized rank error ε: for every x, |F̂(x) − F(x)| ≤ ε (with the sketch's confidence).
 *
 * @param values the points, ascending, finite
 * @param cumulative the total weight of {@code values[0..i]}, non-decreasing; the last is n
 * @param min the smallest value of the distribution (exact even when the points are a sketch's)
 * @param max the largest value of the distribution (exact)
 * @param rankError ε, the bound on |F̂ − F| (0 for exact values)
 */
public record WeightedSample(double[] values, long[] cumulative, double min, double max, double rankError) {

    /**
     * @param values the points, ascending, finite, at least one
     * @param cumulative the cumulative weights, same length, positive and non-decreasing
     * @param min the smallest value, ≤ values[0]
     * @param max the largest value, ≥ values[last]
     * @param rankError ε in [0, 1]
     * @throws IllegalArgumentException when the arrays are empty or of different lengths
     */
    public WeightedSample {
        if (values.length == 0 || values.length != cumulative.length) {
            throw new IllegalArgumentException("a weighted sample needs as many weights as values, at least one");
        }
    }

    /**
     * The exact sample of raw values, equal values merged into one point.
     *
     * @param sorted finite values, ascending, at least one
     * @return the sample, ε = 0
     */
    public static WeightedSample ofSorted(double[] sorted) {
        double[] values = new double[Binning.distinct(sorted)];
        long[] cumulative = new long[values.length];
        int k = -1;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                values[++k] = sorted[i];
            }
            cumulative[k] = i + 1L;
        }
        return new WeightedSample(values, cumulative, sorted[0], sorted[sorted.length - 1], 0);
    }

    /** @return the total weight n */
    public long n() {
        return cumulative[cumulative.length - 1];
    }

    /** @return whether the points are the distribution itself (ε = 0) */
    public boolean exact() {
        return rankError == 0;
    }

    /**
     * @param x a value
     * @return the weight of the points strictly below x
     */
    public long weightBelow(double x) {
        int i = lowerBound(x);
        return i == 0 ? 0 : cumulative[i - 1];
    }

    /**
     * @param x a value
     * @return the weight of the points at or below x
     */
    public long weightAtMost(double x) {
        int i = lowerBound(Math.nextUp(x));
        return i == 0 ? 0 : cumulative[i - 1];
    }

    /** @return the number of distinct points (a lower bound on the distinct values of a sketched distribution) */
    public int distinctPoints() {
        return Binning.distinct(values);
    }

    /**
     * The quantile function of the points, Q̂(u) = the smallest point whose cumulative share reaches u; the exact
     * min for u ≤ 0 and max for u ≥ 1.
     *
     * @param u a probability
     * @return Q̂(u)
     */
    public double quantile(double u) {
        if (u <= 0) {
            return min;
        }
        if (u >= 1) {
            return max;
        }
        double target = u * n();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] >= target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return values[lo];
    }

    private int lowerBound(double x) {
        int i = Arrays.binarySearch(values, x);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && values[i - 1] == x) {
            i--;
        }
        return i;
    }
}
