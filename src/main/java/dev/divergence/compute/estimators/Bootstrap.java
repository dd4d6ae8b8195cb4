package dev.divergence.compute.estimators;

import dev.divergence.compute.Cancellation;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The percentile bootstrap for a two-sample statistic: B times, resample n indices of p and m indices of q
 * independently with replacement, recompute the statistic, and take the (1 − level)/2 and (1 + level)/2
 * quantiles of the B values (linear interpolation) as the confidence interval. Reproducible for a given seed.
 *
 * @see <a href="https://doi.org/10.1201/9780429246593">Efron and Tibshirani (1993), An Introduction to the
 *      Bootstrap, ch. 13</a>
 */
public final class Bootstrap {

    private Bootstrap() {
    }

    /** A statistic of the resampled data, given the drawn indices. */
    @FunctionalInterface
    public interface Statistic {
        /**
         * @param pIndices n indices into p's sample (with repeats)
         * @param qIndices m indices into q's sample
         * @return the statistic of the resampled data
         */
        double apply(int[] pIndices, int[] qIndices);
    }

    /**
     * A percentile interval.
     *
     * @param lower the lower bound
     * @param upper the upper bound
     * @param level the confidence level
     * @param resamples B
     */
    public record Interval(double lower, double upper, double level, int resamples) {
    }

    /**
     * @param n the size of p's sample
     * @param m the size of q's sample
     * @param resamples B ≥ 2
     * @param level the confidence level, in (0, 1)
     * @param seed the generator's seed
     * @param statistic the statistic
     * @return the interval
     */
    public static Interval percentile(int n, int m, int resamples, double level, long seed, Statistic statistic) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int[] pi = new int[n];
        int[] qi = new int[m];
        double[] values = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            Cancellation.checkpoint();
            for (int i = 0; i < n; i++) {
                pi[i] = rng.nextInt(n);
            }
            for (int i = 0; i < m; i++) {
                qi[i] = rng.nextInt(m);
            }
            values[b] = statistic.apply(pi, qi);
        }
        Arrays.sort(values);
        return new Interval(BinEdges.percentile(values, (1 - level) / 2), BinEdges.percentile(values, (1 + level) / 2),
                level, resamples);
    }
}
