package dev.divergence.compute.drift;

import dev.divergence.compute.estimators.BinEdges;
import java.util.Arrays;

/**
 * How Evidently turns two samples into two vectors of shares before PSI, KL and Jensen–Shannon
 * ({@code get_binned_data} in Evidently's {@code stattests/utils.py}), with NumPy's arithmetic:
 * <ul>
 *   <li>a numerical column whose reference has more than 20 distinct values is binned on
 *       {@code numpy.histogram_bin_edges(reference + current, "sturges")}: ⌈range / h⌉ equal bins with
 *       h = range / (log₂ n + 1) (Sturges 1926), edges {@code linspace(min, max, bins + 1)}; a value equal to an
 *       inner edge goes to the bin on its right, the maximum to the last bin;</li>
 *   <li>otherwise every distinct value of either window is a category of its own;</li>
 *   <li>shares are counts divided by the window's size; for PSI and KL, a zero share becomes
 *       min(nonzero share)/10⁶ when that minimum is ≤ 10⁻⁴, else 10⁻⁴ (per window).</li>
 * </ul>
 */
public final class Binning {

    /** A numerical column is binned on Sturges edges when its reference has more than this many distinct values. */
    public static final int MAX_DISTINCT_FOR_SHARES = 20;

    private Binning() {
    }

    /**
     * {@code numpy.histogram_bin_edges(values, bins="sturges")} from the values' extremes and count.
     *
     * @param min the smallest value, finite
     * @param max the largest value, finite, ≥ min
     * @param n the number of values, ≥ 1
     * @return the edges, increasing, at least two
     */
    public static double[] sturgesEdges(double min, double max, long n) {
        double first = min;
        double last = max;
        if (first == last) {
            first -= 0.5;
            last += 0.5;
        }
        double width = (max - min) / (log2(n) + 1.0);
        int bins = width > 0 ? (int) Math.ceil((last - first) / width) : 1;
        return BinEdges.equalWidth(first, last, Math.max(bins, 1));
    }

    /**
     * log₂ n, exact when n is a power of two (where Sturges' bin count ⌈log₂ n + 1⌉ is decided by the last bit,
     * as C's {@code log2} decides it in NumPy).
     */
    static double log2(long n) {
        if (Long.bitCount(n) == 1) {
            return Long.numberOfTrailingZeros(n);
        }
        int e = 63 - Long.numberOfLeadingZeros(n);
        return e + Math.log(n / (double) (1L << e)) / Math.log(2);
    }

    /**
     * {@code numpy.histogram(values, edges)[0]}: counts per bin [e_i, e_{i+1}), the last bin closed.
     *
     * @param sorted the values, ascending
     * @param edges the edges, increasing
     * @return the counts, one per bin
     */
    public static long[] counts(double[] sorted, double[] edges) {
        int bins = edges.length - 1;
        long[] counts = new long[bins];
        int previous = lowerBound(sorted, edges[0]);
        for (int i = 0; i < bins; i++) {
            int next = i == bins - 1 ? upperBound(sorted, edges[bins]) : lowerBound(sorted, edges[i + 1]);
            counts[i] = next - previous;
            previous = next;
        }
        return counts;
    }

    /**
     * Counts per bin with open outer bins: values below the first edge count in the first bin, values above the
     * last edge in the last (for caller-given edges, which need not cover both windows).
     *
     * @param sorted the values, ascending
     * @param edges the edges, increasing, at least two
     * @return the counts, one per bin
     */
    public static long[] countsOpen(double[] sorted, double[] edges) {
        int bins = edges.length - 1;
        long[] counts = new long[bins];
        int previous = 0;
        for (int i = 0; i < bins; i++) {
            int next = i == bins - 1 ? sorted.length : lowerBound(sorted, edges[i + 1]);
            counts[i] = next - previous;
            previous = next;
        }
        return counts;
    }

    /**
     * The distinct values of two sorted samples together, with each sample's count of every value.
     *
     * @param reference ascending values
     * @param current ascending values
     * @return the per-value counts
     */
    public static ValueCounts valueCounts(double[] reference, double[] current) {
        int capacity = distinct(reference) + distinct(current);
        double[] values = new double[capacity];
        long[] ref = new long[capacity];
        long[] cur = new long[capacity];
        int k = 0;
        int i = 0;
        int j = 0;
        while (i < reference.length || j < current.length) {
            double v = j >= current.length || (i < reference.length && reference[i] <= current[j])
                    ? reference[i] : current[j];
            int i0 = i;
            int j0 = j;
            while (i < reference.length && reference[i] == v) {
                i++;
            }
            while (j < current.length && current[j] == v) {
                j++;
            }
            values[k] = v;
            ref[k] = i - i0;
            cur[k] = j - j0;
            k++;
        }
        return new ValueCounts(Arrays.copyOf(values, k), Arrays.copyOf(ref, k), Arrays.copyOf(cur, k));
    }

    /**
     * @param sorted ascending values
     * @return how many distinct values
     */
    public static int distinct(double[] sorted) {
        int d = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                d++;
            }
        }
        return d;
    }

    /**
     * @param counts counts per bin
     * @param n the window's size, > 0
     * @return counts / n
     */
    public static double[] shares(long[] counts, long n) {
        double[] shares = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            shares[i] = counts[i] / (double) n;
        }
        return shares;
    }

    /**
     * Evidently's zero replacement (in place): zero shares become min(nonzero)/10⁶ when that minimum is ≤ 10⁻⁴,
     * else 10⁻⁴.
     *
     * @param shares shares with at least one nonzero entry
     * @return {@code shares}
     */
    public static double[] replaceZeros(double[] shares) {
        double min = Double.POSITIVE_INFINITY;
        for (double s : shares) {
            if (s != 0 && s < min) {
                min = s;
            }
        }
        double fill = min <= 0.0001 ? min / 1e6 : 0.0001;
        for (int i = 0; i < shares.length; i++) {
            if (shares[i] == 0) {
                shares[i] = fill;
            }
        }
        return shares;
    }

    static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static int upperBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Per-value counts of two samples.
     *
     * @param values the distinct values, ascending
     * @param reference the reference's count of each
     * @param current the current window's count of each
     */
    public record ValueCounts(double[] values, long[] reference, long[] current) {
    }
}
