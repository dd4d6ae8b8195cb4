package dev.divergence.compute.estimators;

import dev.divergence.compute.drift.NumericalTests;
import java.util.Arrays;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;

/**
 * Distances between two 1-D samples that need no binning: the Wasserstein-1 (earth mover's) distance and the
 * two-sample Kolmogorov–Smirnov statistic with its p-value.
 */
public final class TwoSampleStatistics {

    private TwoSampleStatistics() {
    }

    /**
     * W₁ = ∫ |F_x(t) − F_y(t)| dt between the empirical distribution functions, summed exactly over the merged
     * sorted values (scipy.stats.wasserstein_distance).
     *
     * @param x a sample, n ≥ 1, finite
     * @param y a sample, m ≥ 1, finite
     * @return W₁ in the unit of the values
     * @see <a href="https://doi.org/10.1007/978-3-540-71050-9">Villani (2009), Optimal Transport, ch. 6</a>
     */
    public static double wasserstein1(double[] x, double[] y) {
        double[] a = x.clone();
        double[] b = y.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        return NumericalTests.wasserstein(a, b);
    }

    /**
     * The two-sample Kolmogorov–Smirnov test, two-sided (Commons Statistics; exact p-value for small samples,
     * asymptotic for large ones, and with ties estimated by seeded resampling).
     *
     * @param x a sample, n ≥ 1, finite
     * @param y a sample, m ≥ 1, finite
     * @return {statistic D = sup |F_x − F_y|, p-value}
     * @see <a href="https://commons.apache.org/proper/commons-statistics/">Commons Statistics inference</a>
     */
    public static double[] kolmogorovSmirnov(double[] x, double[] y) {
        KolmogorovSmirnovTest.TwoResult r = KolmogorovSmirnovTest.withDefaults()
                .with(RandomSource.XO_RO_SHI_RO_128_PP.create(0L)).test(x, y);
        return new double[] {r.getStatistic(), r.getPValue()};
    }
}
