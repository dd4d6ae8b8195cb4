package dev.divergence.compute.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The tests on weighted samples against SciPy 1.10.1 and NumPy 1.24.2 (values recorded with the call that gave
 * them), closed forms worked by hand, and seeded brute force for the bounds.
 */
class SummaryTestsTest {

    /** u = [0.5, 1, 2.5, 4] weighted [3, 1, 2, 4]; v = [0, 1, 3] weighted [2, 5, 1]. */
    private static final WeightedSample U = new WeightedSample(new double[] {0.5, 1, 2.5, 4},
            new long[] {3, 4, 6, 10}, 0.5, 4, 0);
    private static final WeightedSample V = new WeightedSample(new double[] {0, 1, 3}, new long[] {2, 7, 8}, 0, 3,
            0);

    @Test
    void weightedDistancesMatchScipy() {
        // scipy.stats.wasserstein_distance(u, v, uw, vw)
        assertThat(SummaryTests.wasserstein(U, V).value()).isCloseTo(1.4, within(1e-15));
        // sqrt(numpy.average((u - numpy.average(u, weights=uw))**2, weights=uw))
        assertThat(SummaryTests.std(U).value()).isCloseTo(1.5173990905493517, within(1e-15));
        // max |F_u − F_v| over the pooled values
        assertThat(SummaryTests.ksStatistic(U, V).value()).isCloseTo(0.475, within(1e-15));
    }

    @Test
    void exactSamplesHaveDegenerateIntervals() {
        SummaryTests.Bounded w = SummaryTests.wasserstein(U, V);
        assertThat(w.lower()).isEqualTo(w.value());
        assertThat(w.upper()).isEqualTo(w.value());
        assertThat(SummaryTests.ksStatistic(U, V).upper()).isEqualTo(0.475);
    }

    @Test
    void ksPValueIsScipysKstwoAndItsLimitBeyondAHundredThousand() {
        // scipy.stats.kstwo.sf(0.01, 5000): n = round(10⁴·10⁴ / 2·10⁴) = 5000
        assertThat(SummaryTests.ksPValue(0.01, 10_000, 10_000)).isCloseTo(0.6954557253913853, within(1e-12));
        // n = 250,000: scipy.stats.kstwobign.sf(sqrt(250000) · 0.003) (kstwo.sf gives 0.022173…, 0.2 % lower)
        assertThat(SummaryTests.ksPValue(0.003, 500_000, 500_000)).isCloseTo(0.022217962616525127, within(1e-15));
        assertThat(SummaryTests.ksPValue(0, 500_000, 500_000)).isEqualTo(1.0);
    }

    @Test
    void quantileBandOfFourPointsByHand() {
        // Q̂ on [0, 1, 2, 3] with weight 1 each and ε = 1/4: Q̂(u + ε) − Q̂(u − ε) is 1, 2, 2, 1 on the quarters
        WeightedSample s = new WeightedSample(new double[] {0, 1, 2, 3}, new long[] {1, 2, 3, 4}, 0, 3, 0.25);
        assertThat(SummaryTests.band(s, 1)).isCloseTo(1.5, within(1e-15));
        assertThat(SummaryTests.band(s, 2)).isCloseTo(2.5, within(1e-15));
    }

    @Test
    void sketchedStatisticsLieWithinTheirIntervalsOfTheExactOnes() {
        // a sample thinned as a quantile sketch would be: every other point kept with double weight
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(31);
        for (int trial = 0; trial < 50; trial++) {
            int n = 200 + rng.nextInt(400);
            double[] sorted = new double[n];
            for (int i = 0; i < n; i++) {
                sorted[i] = Math.exp(rng.nextDouble() * 3) + (trial % 2) * rng.nextInt(5);
            }
            java.util.Arrays.sort(sorted);
            WeightedSample exact = WeightedSample.ofSorted(sorted);
            int kept = n / 2;
            double[] values = new double[kept];
            long[] cumulative = new long[kept];
            for (int i = 0; i < kept; i++) {
                values[i] = sorted[2 * i + 1];
                cumulative[i] = 2L * (i + 1);
            }
            cumulative[kept - 1] = n;
            // thinning by 2 moves every rank by at most 1 value of n
            WeightedSample thinned = new WeightedSample(values, cumulative, sorted[0], sorted[n - 1], 1.0 / n);
            double[] other = new double[n];
            for (int i = 0; i < n; i++) {
                other[i] = Math.exp(rng.nextDouble() * 3.2);
            }
            java.util.Arrays.sort(other);
            WeightedSample b = WeightedSample.ofSorted(other);
            SummaryTests.Bounded w = SummaryTests.wasserstein(thinned, b);
            assertThat(NumericalTests.wasserstein(sorted, other)).isBetween(w.lower(), w.upper());
            SummaryTests.Bounded sigma = SummaryTests.std(thinned);
            assertThat(SummaryTests.std(exact).value()).isBetween(sigma.lower(), sigma.upper());
            SummaryTests.Bounded d = SummaryTests.ksStatistic(thinned, b);
            assertThat(SummaryTests.ksStatistic(exact, b).value()).isBetween(d.lower() - 1e-15, d.upper() + 1e-15);
        }
    }

    @Test
    void divergenceBoundsHoldEveryPointOfTheBoxes() {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(17);
        for (SummaryTests.BinTerm term : SummaryTests.BinTerm.values()) {
            for (int trial = 0; trial < 200; trial++) {
                int bins = 1 + rng.nextInt(4);
                double[][] p = new double[2][bins];
                double[][] q = new double[2][bins];
                for (int i = 0; i < bins; i++) {
                    p[0][i] = 1e-4 + rng.nextDouble() * 0.5;
                    p[1][i] = p[0][i] + rng.nextDouble() * 0.1;
                    q[0][i] = 1e-4 + rng.nextDouble() * 0.5;
                    q[1][i] = q[0][i] + rng.nextDouble() * 0.1;
                }
                double[] bounds = SummaryTests.sumBounds(term, p, q);
                // brute force on a grid of each box (the sum is separable, so per-bin extremes add)
                double min = 0;
                double max = 0;
                for (int i = 0; i < bins; i++) {
                    double lo = Double.POSITIVE_INFINITY;
                    double hi = Double.NEGATIVE_INFINITY;
                    for (int a = 0; a <= 40; a++) {
                        for (int b = 0; b <= 40; b++) {
                            double pi = p[0][i] + (p[1][i] - p[0][i]) * a / 40;
                            double qi = q[0][i] + (q[1][i] - q[0][i]) * b / 40;
                            double v = term.value(pi, qi);
                            lo = Math.min(lo, v);
                            hi = Math.max(hi, v);
                        }
                    }
                    min += lo;
                    max += hi;
                }
                assertThat(bounds[1]).as(term + " upper").isGreaterThanOrEqualTo(max - 1e-12);
                assertThat(bounds[0]).as(term + " lower").isLessThanOrEqualTo(Math.max(0, min) + 1e-12);
            }
        }
    }
}
