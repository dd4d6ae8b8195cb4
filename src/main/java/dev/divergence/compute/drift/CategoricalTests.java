package dev.divergence.compute.drift;

import dev.divergence.compute.Cancellation;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.apache.commons.statistics.inference.GTest;

/**
 * Two-sample tests of categorical columns, with Evidently 0.7's conventions. The data are two count vectors over
 * the same categories (every category present in at least one window, each window with at least one value).
 */
public final class CategoricalTests {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private CategoricalTests() {
    }

    /**
     * Pearson's χ² goodness-of-fit test of the current counts against the reference counts scaled to the current
     * size ({@code scipy.stats.chisquare(f_obs=current, f_exp=reference·n_cur/n_ref)}; Pearson 1900), k − 1
     * degrees of freedom; Commons Statistics where every expected count is positive. A category absent from the
     * reference but present now makes χ² = +∞ and p = 0, as in scipy; a single category gives p = 1 (scipy: NaN).
     *
     * @param reference reference counts
     * @param current current counts, same length
     * @return χ² and its p-value
     */
    public static TestResult chiSquare(long[] reference, long[] current) {
        return goodnessOfFit(reference, current, false);
    }

    /**
     * The G-test (log-likelihood ratio) G = 2 Σ o ln(o/e) against the reference counts scaled to the current size,
     * k − 1 degrees of freedom ({@code scipy.stats.power_divergence(lambda_="log-likelihood")}; Commons
     * Statistics). Evidently passes the unscaled reference counts, which scipy refuses unless both windows have
     * the same size; with equal sizes the two agree. A category new in the current window: G = +∞, p = 0.
     *
     * @param reference reference counts
     * @param current current counts, same length
     * @return G and its p-value
     */
    public static TestResult gTest(long[] reference, long[] current) {
        return goodnessOfFit(reference, current, true);
    }

    /** χ² or G of the current counts against the scaled reference counts, with the conventions above. */
    private static TestResult goodnessOfFit(long[] reference, long[] current, boolean logLikelihood) {
        double[] expected = expected(reference, current);
        if (expected == null) {
            return new TestResult(Double.POSITIVE_INFINITY, 0);
        }
        if (reference.length < 2) {
            return new TestResult(0, 1);
        }
        var r = logLikelihood ? GTest.withDefaults().test(expected, current)
                : ChiSquareTest.withDefaults().test(expected, current);
        return new TestResult(r.getStatistic(), r.getPValue());
    }

    /** The reference counts scaled to the current total, or null when a current category has none expected. */
    private static double[] expected(long[] reference, long[] current) {
        long nRef = sum(reference);
        long nCur = sum(current);
        double scale = (double) nCur / nRef;
        double[] expected = new double[reference.length];
        for (int i = 0; i < reference.length; i++) {
            expected[i] = reference[i] * scale;
            if (expected[i] == 0 && current[i] > 0) {
                return null;
            }
        }
        return expected;
    }

    /**
     * Evidently's two-proportion z-test: the smallest category (in the sort order given) against all others,
     * z = (p₁ − p₂)/√(P(1 − P)(1/n₁ + 1/n₂)) with P the pooled share, p = 2(1 − Φ(|z|)) written as Evidently
     * computes it (so it reaches 0 below about 10⁻¹⁶); both windows the same single category: p = 1.
     *
     * @param reference reference counts
     * @param current current counts, same length
     * @param first the index of the category that sorts first
     * @return z and its p-value
     */
    public static TestResult zTest(long[] reference, long[] current, int first) {
        int refOnly = single(reference);
        int curOnly = single(current);
        if (refOnly >= 0 && refOnly == curOnly) {
            return new TestResult(0, 1);
        }
        long n1 = sum(reference);
        long n2 = sum(current);
        double p1 = (double) (n1 - reference[first]) / n1;
        double p2 = (double) (n2 - current[first]) / n2;
        double pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
        double z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        return new TestResult(z, twoSidedNormal(z));
    }

    /**
     * @param z a standard normal statistic
     * @return 2(1 − Φ(|z|)), as Evidently writes it
     */
    public static double twoSidedNormal(double z) {
        return 2 * (1 - STANDARD_NORMAL.cumulativeProbability(Math.abs(z)));
    }

    private static int single(long[] counts) {
        int index = -1;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                if (index >= 0) {
                    return -1;
                }
                index = i;
            }
        }
        return index;
    }

    /**
     * Fisher's exact test, two-sided, on the 2×2 table of a binary column (Fisher 1922; Commons Statistics, as
     * {@code scipy.stats.fisher_exact}): rows current and reference, columns the two categories.
     *
     * @param reference reference counts, 1 or 2 categories
     * @param current current counts, same length
     * @return the conditional odds ratio's sample estimate and the p-value
     */
    public static TestResult fisherExact(long[] reference, long[] current) {
        if (reference.length < 2) {
            return new TestResult(Double.NaN, 1);
        }
        int[][] table = {{(int) current[1], (int) current[0]}, {(int) reference[1], (int) reference[0]}};
        var r = FisherExactTest.withDefaults().test(table);
        return new TestResult(r.getStatistic(), r.getPValue());
    }

    /**
     * The total variation distance ½ Σ |r_i/n_r − c_i/n_c| with Evidently's permutation p-value: after
     * {@code numpy.random.seed(0)}, 1000 draws of {@code numpy.random.choice(reference + current, n_r,
     * replace=False)}, p = the share of draws whose distance is at least the observed one. The distances are
     * compared as Evidently computes them, in floating point (Σ |r_i/n_r − c_i/n_c| · ½): distances equal in exact
     * arithmetic differ there in the last bits, and the p-value counts them as Evidently does.
     *
     * @param codes the category of every value, the reference's values first, then the current window's, in
     *        their order
     * @param referenceSize n_r, 1 ≤ n_r < codes.length
     * @param categories the number of categories (codes are in [0, categories))
     * @param iterations the number of permutations (Evidently: 1000)
     * @return the distance and the permutation p-value
     */
    public static TestResult totalVariationPermutation(int[] codes, int referenceSize, int categories,
            int iterations) {
        int n = codes.length;
        long nRef = referenceSize;
        long nCur = n - referenceSize;
        long[] total = new long[categories];
        long[] ref = new long[categories];
        for (int i = 0; i < n; i++) {
            total[codes[i]]++;
            if (i < referenceSize) {
                ref[codes[i]]++;
            }
        }
        double observed = floatDistance(ref, total, nRef, nCur);
        LegacyMersenneTwister random = new LegacyMersenneTwister(0);
        int[] permutation = new int[n];
        long atLeast = 0;
        for (int it = 0; it < iterations; it++) {
            random.permutation(permutation);
            java.util.Arrays.fill(ref, 0);
            for (int i = 0; i < referenceSize; i++) {
                ref[codes[permutation[i]]]++;
            }
            if (floatDistance(ref, total, nRef, nCur) >= observed) {
                atLeast++;
            }
            Cancellation.checkpoint();
        }
        return new TestResult(observed, (double) atLeast / iterations);
    }

    /** ½ Σ |r_i/n_r − c_i/n_c| with c = total − r, in Evidently's floating-point operations. */
    private static double floatDistance(long[] ref, long[] total, long nRef, long nCur) {
        double s = 0;
        for (int i = 0; i < ref.length; i++) {
            s += Math.abs((double) ref[i] / nRef - (double) (total[i] - ref[i]) / nCur);
        }
        return 0.5 * s;
    }

    /**
     * @param reference reference counts
     * @param current current counts
     * @return ½ Σ |r_i/n_r − c_i/n_c|
     */
    public static double totalVariation(long[] reference, long[] current) {
        long nRef = sum(reference);
        long nCur = sum(current);
        double s = 0;
        for (int i = 0; i < reference.length; i++) {
            s += Math.abs((double) reference[i] / nRef - (double) current[i] / nCur);
        }
        return 0.5 * s;
    }

    /**
     * The two-proportion z-test of a share (of missing values) between two windows, two-sided, written as
     * {@link #zTest}: x₁ of n₁ against x₂ of n₂; p = 1 when the pooled share is 0 or 1.
     *
     * @param x1 reference events
     * @param n1 reference size, ≥ 1
     * @param x2 current events
     * @param n2 current size, ≥ 1
     * @return z and its p-value
     */
    public static TestResult twoProportions(long x1, long n1, long x2, long n2) {
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double pooled = (double) (x1 + x2) / (n1 + n2);
        if (pooled == 0 || pooled == 1) {
            return new TestResult(0, 1);
        }
        double z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        return new TestResult(z, twoSidedNormal(z));
    }

    static long sum(long[] v) {
        long s = 0;
        for (long x : v) {
            s += x;
        }
        return s;
    }
}
