package dev.divergence.compute.estimators;

import java.util.Arrays;
import org.apache.commons.numbers.core.Sum;

/**
 * Histogram bin edges as {@code numpy.histogram_bin_edges} computes them (numpy 2.x): the rule gives a bin width
 * h from the data, the number of bins is ⌈(max − min)/h⌉, and the edges are {@code linspace(min, max, bins + 1)},
 * i.e. min + i·(max − min)/bins with the last edge exactly max. An empty range [v, v] becomes [v − ½, v + ½];
 * a width of 0 (FD with a zero interquartile range) gives one bin.
 *
 * @see <a href="https://numpy.org/doc/stable/reference/generated/numpy.histogram_bin_edges.html">numpy.histogram_bin_edges</a>
 */
public final class BinEdges {

    /** numpy's automatic bin-width rules. */
    public enum Rule {
        /** min(max(FD, sqrt/2), Sturges): numpy's default {@code auto}. */
        AUTO,
        /** Freedman–Diaconis: 2 IQR n^(−1/3). */
        FD,
        /** Sturges: range/(log₂ n + 1). */
        STURGES,
        /** Scott: (24√π/n)^(1/3) σ. */
        SCOTT,
        /** Doane: range/(1 + log₂ n + log₂(1 + |g₁|/σ_g₁)). */
        DOANE,
        /** range/√n. */
        SQRT
    }

    private BinEdges() {
    }

    /**
     * @param data the pooled values, n ≥ 1, finite (not modified)
     * @param rule the width rule
     * @param maxBins the most bins allowed
     * @return the edges, increasing, length bins + 1
     * @throws IllegalArgumentException if the rule asks for more than {@code maxBins} bins
     */
    public static double[] of(double[] data, Rule rule, int maxBins) {
        double[] sorted = data.clone();
        Arrays.sort(sorted);
        double first = sorted[0];
        double last = sorted[sorted.length - 1];
        if (first == last) {
            first -= 0.5;
            last += 0.5;
        }
        double width = width(sorted, rule);
        long bins = width > 0 ? (long) Math.ceil((last - first) / width) : 1;
        if (bins > maxBins) {
            throw new IllegalArgumentException("the " + rule.name().toLowerCase(java.util.Locale.ROOT)
                    + " rule asks for " + bins + " bins, more than the limit of " + maxBins);
        }
        return equalWidth(first, last, (int) Math.max(bins, 1));
    }

    /**
     * {@code numpy.linspace(first, last, bins + 1)}; when last − first overflows (data spanning more than the largest
     * double, where numpy's edges are NaN) the same equal-width edges computed from halves.
     *
     * @param first the lower edge
     * @param last the upper edge, > first
     * @param bins the number of bins, ≥ 1
     * @return the edges
     */
    public static double[] equalWidth(double first, double last, int bins) {
        double[] edges = new double[bins + 1];
        double range = last - first;
        if (Double.isInfinite(range)) {
            // the data span more than the largest double (numpy gives NaN edges here): the same edges from halves,
            // every intermediate finite
            double halfStep = (last / 2 - first / 2) / bins;
            for (int i = 0; i < bins; i++) {
                edges[i] = 2 * (first / 2 + i * halfStep);
            }
        } else {
            double step = range / bins;
            for (int i = 0; i < bins; i++) {
                edges[i] = i * step + first;
            }
        }
        edges[bins] = last;
        return edges;
    }

    /**
     * Edges at the quantiles 0, 1/b, …, 1 of a reference sample (numpy's default linear interpolation), with
     * repeated edges merged, as drift monitors bin a reference distribution.
     *
     * @param reference the reference values, n ≥ 1 (not modified)
     * @param bins b ≥ 1
     * @return strictly increasing edges (fewer than b + 1 when quantiles coincide; two edges v ± ½ when all are v)
     */
    public static double[] quantiles(double[] reference, int bins) {
        double[] sorted = reference.clone();
        Arrays.sort(sorted);
        double[] edges = new double[bins + 1];
        int count = 0;
        for (int i = 0; i <= bins; i++) {
            double v = percentile(sorted, (double) i / bins);
            if (count == 0 || v > edges[count - 1]) {
                edges[count++] = v;
            }
        }
        if (count == 1) {
            return new double[] {edges[0] - 0.5, edges[0] + 0.5};
        }
        return Arrays.copyOf(edges, count);
    }

    /**
     * {@code numpy.percentile(x, 100 q)} with the default linear method: h = (n − 1)q, then
     * a + (b − a)(h − ⌊h⌋), written as b − (b − a)(1 − t) for t ≥ ½ as numpy does.
     *
     * @param sorted ascending values, n ≥ 1
     * @param q the probability in [0, 1]
     * @return the quantile
     */
    public static double percentile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double t = h - lo;
        double a = sorted[lo];
        double b = sorted[lo + 1];
        if (a == b || t == 0) {
            return a;
        }
        if (Double.isInfinite(b)) {
            // a bootstrap distribution can hold +∞ (an empty bin): any weight on it makes the quantile infinite
            return b;
        }
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    private static double width(double[] sorted, Rule rule) {
        int n = sorted.length;
        double range = sorted[n - 1] - sorted[0];
        return switch (rule) {
            case SQRT -> range / Math.sqrt(n);
            case STURGES -> range / (log2(n) + 1.0);
            case FD -> fd(sorted);
            case SCOTT -> Math.cbrt(24.0 * Math.sqrt(Math.PI) / n) * std(sorted);
            case DOANE -> doane(sorted, range);
            case AUTO -> Math.min(Math.max(fd(sorted), range / Math.sqrt(n) / 2), range / (log2(n) + 1.0));
        };
    }

    private static double fd(double[] sorted) {
        double iqr = percentile(sorted, 0.75) - percentile(sorted, 0.25);
        return 2.0 * iqr * Math.pow(sorted.length, -1.0 / 3.0);
    }

    private static double doane(double[] x, double range) {
        int n = x.length;
        if (n <= 2) {
            return 0;
        }
        double sg1 = Math.sqrt(6.0 * (n - 2) / ((n + 1.0) * (n + 3)));
        double sigma = std(x);
        if (!(sigma > 0)) {
            return 0;
        }
        double mean = mean(x);
        Sum cubes = Sum.create();
        for (double v : x) {
            double z = (v - mean) / sigma;
            cubes.add(z * z * z);
        }
        double g1 = cubes.getAsDouble() / n;
        return range / (1.0 + log2(n) + log2(1.0 + Math.abs(g1) / sg1));
    }

    private static double mean(double[] x) {
        Sum s = Sum.create();
        for (double v : x) {
            s.add(v);
        }
        return s.getAsDouble() / x.length;
    }

    /** Population standard deviation (ddof = 0), numpy's {@code std}. */
    private static double std(double[] x) {
        double mean = mean(x);
        Sum s = Sum.create();
        for (double v : x) {
            double d = v - mean;
            s.add(d * d);
        }
        return Math.sqrt(s.getAsDouble() / x.length);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
