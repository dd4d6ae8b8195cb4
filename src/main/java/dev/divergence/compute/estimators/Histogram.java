package dev.divergence.compute.estimators;

/**
 * Counts of values in bins, numpy's convention: bin i holds e_i ≤ x &lt; e_{i+1}, the last bin also x = e_last.
 * Values below e_0 and above e_last are counted in two open outer bins instead of being dropped.
 */
public final class Histogram {

    private Histogram() {
    }

    /**
     * @param values the values (finite)
     * @param edges strictly increasing, length b + 1 ≥ 2
     * @return b + 2 counts: [0] below e_0, [1..b] the bins, [b + 1] above e_last
     */
    public static double[] counts(double[] values, double[] edges) {
        int b = edges.length - 1;
        double[] counts = new double[b + 2];
        double first = edges[0];
        double last = edges[b];
        for (double v : values) {
            if (v < first) {
                counts[0]++;
            } else if (v > last) {
                counts[b + 1]++;
            } else if (v == last) {
                counts[b]++;
            } else {
                // the largest i with e_i ≤ v
                int lo = 0;
                int hi = b;
                while (hi - lo > 1) {
                    int mid = (lo + hi) >>> 1;
                    if (edges[mid] <= v) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                counts[lo + 1]++;
            }
        }
        return counts;
    }
}
