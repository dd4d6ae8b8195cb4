package dev.divergence.compute.drift;

import java.util.Arrays;
import org.apache.commons.numbers.core.Sum;

/**
 * Drift tests on distributions known through summaries ({@link WeightedSample}s: exact values, or a quantile
 * sketch's points with its rank error ε), each with an interval that contains the value the exact data would give
 * whenever each sketch's distribution function is within ε of the truth — the guarantee a KLL sketch gives for a
 * single query at its stated confidence (Karnin, Lang and Liberty 2016, "Optimal quantile approximation in
 * streams"). The intervals are worst cases over every distribution the sketches are consistent with; the error
 * the sketches actually make is usually much smaller.
 */
public final class SummaryTests {

    /** Beyond this effective size the K-S p-value is the limiting Kolmogorov distribution's. */
    static final long KS_MAX_FINITE_N = 100_000;

    private SummaryTests() {
    }

    /**
     * A value with an interval that contains the exact one.
     *
     * @param value the estimate
     * @param lower the interval's lower end
     * @param upper the interval's upper end
     */
    public record Bounded(double value, double lower, double upper) {

        static Bounded exact(double value) {
            return new Bounded(value, value, value);
        }
    }

    /**
     * The two-sample Kolmogorov–Smirnov statistic D = sup_x |F_a(x) − F_b(x)| of the points, exact over the merged
     * points; the exact data's D is within ε_a + ε_b of it.
     *
     * @param a one distribution
     * @param b the other
     * @return D and its interval within [0, 1]
     */
    public static Bounded ksStatistic(WeightedSample a, WeightedSample b) {
        double[] x = a.values();
        double[] y = b.values();
        double na = a.n();
        double nb = b.n();
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.length || j < y.length) {
            double v = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i] : y[j];
            while (i < x.length && x[i] == v) {
                i++;
            }
            while (j < y.length && y[j] == v) {
                j++;
            }
            double fa = i == 0 ? 0 : a.cumulative()[i - 1] / na;
            double fb = j == 0 ? 0 : b.cumulative()[j - 1] / nb;
            d = Math.max(d, Math.abs(fa - fb));
        }
        double e = a.rankError() + b.rankError();
        return new Bounded(d, Math.max(0, d - e), Math.min(1, d + e));
    }

    /**
     * The asymptotic two-sample K-S p-value as scipy's {@code ks_2samp(method="asymp")} gives it: the one-sample
     * Kolmogorov distribution's survival function at n = round(n_a n_b / (n_a + n_b)); beyond 100,000 its limit
     * Q(√n D) = 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²nD²} (Kolmogorov 1933; Smirnov 1939).
     *
     * @param d the statistic in [0, 1]
     * @param na the size of one sample, ≥ 1
     * @param nb the size of the other, ≥ 1
     * @return P(D ≥ d) in [0, 1]
     */
    public static double ksPValue(double d, long na, long nb) {
        double m = Math.max(na, nb);
        double n = Math.min(na, nb);
        long en = Math.max(1, Math.round(m * n / (m + n)));
        if (en <= KS_MAX_FINITE_N) {
            return NumericalTests.kolmogorovSurvival(d, (int) en);
        }
        double lambda = Math.sqrt((double) en) * d;
        if (lambda < 0.2) {
            return 1; // the series converges slowly here; Q(0.2) = 1 − 2.7e-21
        }
        double sum = 0;
        for (int k = 1; k <= 100; k++) {
            double term = Math.exp(-2.0 * k * k * lambda * lambda);
            sum += (k % 2 == 1 ? term : -term);
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return Math.min(1, Math.max(0, 2 * sum));
    }

    /**
     * W₁ = ∫ |F_a − F_b| dx between the points' distribution functions (Villani 2009, ch. 6), with the interval
     * W ± (∫ band_a + ∫ band_b), where ∫ band = ∫₀¹ (Q̂(u + ε) − Q̂(u − ε)) du bounds ∫ |Q̂ − Q| (a point of
     * rank u is between the true quantiles at u ± ε, and the true quantile at u between the points' at u ± ε).
     *
     * @param a one distribution
     * @param b the other
     * @return W₁ in the unit of the values, with its interval
     */
    public static Bounded wasserstein(WeightedSample a, WeightedSample b) {
        double[] x = a.values();
        double[] y = b.values();
        double na = a.n();
        double nb = b.n();
        Sum sum = Sum.create();
        int i = 0;
        int j = 0;
        double previous = Math.min(x[0], y[0]);
        while (i < x.length || j < y.length) {
            double next = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i] : y[j];
            double gap = next - previous;
            if (gap > 0) {
                double fa = i == 0 ? 0 : a.cumulative()[i - 1] / na;
                double fb = j == 0 ? 0 : b.cumulative()[j - 1] / nb;
                sum.add(gap * Math.abs(fa - fb));
            }
            while (i < x.length && x[i] == next) {
                i++;
            }
            while (j < y.length && y[j] == next) {
                j++;
            }
            previous = next;
        }
        double w = sum.getAsDouble();
        double e = band(a, 1) + band(b, 1);
        return new Bounded(w, Math.max(0, w - e), w + e);
    }

    /**
     * The population standard deviation of the points (numpy's {@code std}, ddof = 0, weighted), with the interval
     * σ ± (∫₀¹ (Q̂(u + ε) − Q̂(u − ε))² du)^½: σ is the L² norm of the centered quantile function, and centering does
     * not lengthen a difference.
     *
     * @param s the distribution
     * @return σ in the unit of the values, with its interval
     */
    public static Bounded std(WeightedSample s) {
        double[] v = s.values();
        long[] c = s.cumulative();
        double n = s.n();
        Sum total = Sum.create();
        for (int i = 0; i < v.length; i++) {
            total.add(v[i] * (c[i] - (i == 0 ? 0 : c[i - 1])));
        }
        double mean = total.getAsDouble() / n;
        Sum squares = Sum.create();
        for (int i = 0; i < v.length; i++) {
            double d = v[i] - mean;
            squares.add(d * d * (c[i] - (i == 0 ? 0 : c[i - 1])));
        }
        double sigma = Math.sqrt(squares.getAsDouble() / n);
        double e = Math.sqrt(band(s, 2));
        return new Bounded(sigma, Math.max(0, sigma - e), sigma + e);
    }

    /**
     * ∫₀¹ (Q̂(u + ε) − Q̂(u − ε))^p du for p = 1 or 2 (0 for exact values), summed over the pieces on which both
     * quantiles are constant.
     */
    static double band(WeightedSample s, int p) {
        double e = s.rankError();
        if (e == 0) {
            return 0;
        }
        long[] c = s.cumulative();
        double n = s.n();
        double[] cuts = new double[2 * c.length + 2];
        int k = 0;
        cuts[k++] = 0;
        cuts[k++] = 1;
        for (long w : c) {
            cuts[k++] = Math.min(1, Math.max(0, w / n - e));
            cuts[k++] = Math.min(1, Math.max(0, w / n + e));
        }
        Arrays.sort(cuts, 0, k);
        Sum sum = Sum.create();
        for (int i = 1; i < k; i++) {
            double width = cuts[i] - cuts[i - 1];
            if (width > 0) {
                double u = (cuts[i] + cuts[i - 1]) / 2;
                double d = s.quantile(u + e) - s.quantile(u - e);
                sum.add(width * (p == 1 ? d : d * d));
            }
        }
        return sum.getAsDouble();
    }

    /**
     * Weights per bin, {@code numpy.histogram} style: [e_i, e_{i+1}), the last bin closed, values outside not
     * counted; or, with {@code open}, values below the first edge in the first bin and above the last in the
     * last.
     *
     * @param s the distribution
     * @param edges increasing edges, at least two
     * @param open whether the outer bins are open
     * @return the weight of each bin
     */
    public static long[] binWeights(WeightedSample s, double[] edges, boolean open) {
        int bins = edges.length - 1;
        long[] counts = new long[bins];
        long previous = open ? 0 : s.weightBelow(edges[0]);
        for (int i = 0; i < bins; i++) {
            long next = i == bins - 1 ? (open ? s.n() : s.weightAtMost(edges[bins])) : s.weightBelow(edges[i + 1]);
            counts[i] = next - previous;
            previous = next;
        }
        return counts;
    }

    /**
     * Share intervals of bins whose shares come from a sketch: each bin's share is a difference of two values of
     * the distribution function, so it is within 2ε of the truth; and a bin that holds a retained item holds at
     * least one real value (a KLL sketch retains input values only), so its share is at least 1/n.
     *
     * @param shares the shares
     * @param rankError ε
     * @param n the window's size
     * @return {lower, upper} per bin, within [0, 1]
     */
    public static double[][] shareIntervals(double[] shares, double rankError, long n) {
        double[] lower = new double[shares.length];
        double[] upper = new double[shares.length];
        for (int i = 0; i < shares.length; i++) {
            lower[i] = Math.max(shares[i] - 2 * rankError, shares[i] > 0 ? 1.0 / n : 0);
            upper[i] = Math.min(1, shares[i] + 2 * rankError);
        }
        return new double[][] {lower, upper};
    }

    /**
     * The interval of shares after Evidently's zero replacement ({@link Binning#replaceZeros}: a share of 0 becomes
     * min(nonzero)/10⁶ or 10⁻⁴): a bin whose interval reaches 0 may hold nothing, and its replaced share is then
     * between (1/n)/10⁶ and 10⁻⁴.
     *
     * @param interval {lower, upper} per bin
     * @param n the window's size
     * @return {lower, upper} per bin of the replaced shares
     */
    public static double[][] replaceZeros(double[][] interval, long n) {
        double[] lower = interval[0].clone();
        double[] upper = interval[1].clone();
        for (int i = 0; i < lower.length; i++) {
            if (lower[i] <= 0) {
                lower[i] = 1.0 / n / 1e6;
                upper[i] = Math.max(upper[i], 0.0001);
            }
        }
        return new double[][] {lower, upper};
    }

    /** A bin's term of a separable divergence, jointly convex in its two shares. */
    public enum BinTerm {
        /** (p − q) ln(p/q), the population stability index. */
        PSI,
        /** p ln(p/q), Kullback–Leibler. */
        KL,
        /** ½ (p ln(2p/(p+q)) + q ln(2q/(p+q))), Jensen–Shannon (divergence, natural log). */
        JENSEN_SHANNON;

        double value(double p, double q) {
            return switch (this) {
                case PSI -> (p - q) * Math.log(p / q);
                case KL -> p * Math.log(p / q);
                case JENSEN_SHANNON -> 0.5 * ((p > 0 ? p * Math.log(2 * p / (p + q)) : 0)
                        + (q > 0 ? q * Math.log(2 * q / (p + q)) : 0));
            };
        }

        double dp(double p, double q) {
            return switch (this) {
                case PSI -> Math.log(p / q) + 1 - q / p;
                case KL -> Math.log(p / q) + 1;
                case JENSEN_SHANNON -> 0.5 * Math.log(2 * p / (p + q));
            };
        }

        double dq(double p, double q) {
            return switch (this) {
                case PSI -> -Math.log(p / q) + 1 - p / q;
                case KL -> -p / q;
                case JENSEN_SHANNON -> 0.5 * Math.log(2 * q / (p + q));
            };
        }
    }

    /**
     * Bounds on Σ f(p_i, q_i) over share boxes, f jointly convex: the maximum of a convex function on a box is at
     * a corner; below, the tangent plane at the box's center is a lower bound of a convex function (Boyd and
     * Vandenberghe 2004, §3.1.3), whose minimum on the box is at a corner.
     *
     * @param term the bin's term
     * @param p {lower, upper} of each bin's reference share
     * @param q {lower, upper} of each bin's current share
     * @return {lower, upper} of the sum
     */
    public static double[] sumBounds(BinTerm term, double[][] p, double[][] q) {
        Sum lower = Sum.create();
        Sum upper = Sum.create();
        for (int i = 0; i < p[0].length; i++) {
            double pl = p[0][i];
            double ph = p[1][i];
            double ql = q[0][i];
            double qh = q[1][i];
            double max = Math.max(Math.max(term.value(pl, ql), term.value(pl, qh)),
                    Math.max(term.value(ph, ql), term.value(ph, qh)));
            upper.add(max);
            double pc = (pl + ph) / 2;
            double qc = (ql + qh) / 2;
            double low = term.value(pc, qc);
            if (ph > pl) {
                double g = term.dp(pc, qc);
                low -= Double.isFinite(g) ? Math.abs(g) * (ph - pl) / 2 : Double.POSITIVE_INFINITY;
            }
            if (qh > ql) {
                double g = term.dq(pc, qc);
                low -= Double.isFinite(g) ? Math.abs(g) * (qh - ql) / 2 : Double.POSITIVE_INFINITY;
            }
            // a term of PSI or JS is never negative
            lower.add(term == BinTerm.KL ? Math.max(low, -Double.MAX_VALUE) : Math.max(low, 0));
        }
        // KL between two distributions is never negative either
        return new double[] {Math.max(0, lower.getAsDouble()), upper.getAsDouble()};
    }

    /**
     * Bounds on the Bhattacharyya coefficient Σ √(p_i q_i), increasing in every share.
     *
     * @param p {lower, upper} of each bin's reference share
     * @param q {lower, upper} of each bin's current share
     * @return {lower, upper}
     */
    public static double[] bhattacharyyaBounds(double[][] p, double[][] q) {
        Sum lower = Sum.create();
        Sum upper = Sum.create();
        for (int i = 0; i < p[0].length; i++) {
            lower.add(Math.sqrt(p[0][i] * q[0][i]));
            upper.add(Math.sqrt(p[1][i] * q[1][i]));
        }
        return new double[] {lower.getAsDouble(), upper.getAsDouble()};
    }
}
