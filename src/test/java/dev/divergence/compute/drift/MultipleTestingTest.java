package dev.divergence.compute.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The adjustments against hand computations from their definitions (Holm 1979; Benjamini and Hochberg 1995), and,
 * on seeded random p-values, the properties the drift verdicts rely on.
 */
class MultipleTestingTest {

    private static final double[] P = {0.01, 0.04, 0.03, 0.005};

    @Test
    void bonferroniMultipliesByTheNumberOfTests() {
        assertThat(MultipleTesting.bonferroni(P)).containsExactly(new double[] {0.04, 0.16, 0.12, 0.02},
                within(1e-15));
        assertThat(MultipleTesting.bonferroni(new double[] {0.3, 0.9})).containsExactly(0.6, 1.0);
    }

    @Test
    void holmStepsDownWithARunningMaximum() {
        // sorted: 0.005 (×4 = 0.02), 0.01 (×3 = 0.03), 0.03 (×2 = 0.06), 0.04 (×1 = 0.04 → max 0.06)
        assertThat(MultipleTesting.holm(P)).containsExactly(new double[] {0.03, 0.06, 0.06, 0.02}, within(1e-15));
    }

    @Test
    void benjaminiHochbergStepsUpWithARunningMinimum() {
        // sorted: 0.005·4/1 = 0.02, 0.01·4/2 = 0.02, 0.03·4/3 = 0.04, 0.04·4/4 = 0.04
        assertThat(MultipleTesting.benjaminiHochberg(P)).containsExactly(new double[] {0.02, 0.04, 0.04, 0.02},
                within(1e-15));
    }

    @Test
    void adjustedPValuesAreNeverBelowTheRawOnesNorAboveOne() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(16L);
        for (int trial = 0; trial < 2000; trial++) {
            double[] p = new double[1 + rng.nextInt(40)];
            for (int i = 0; i < p.length; i++) {
                p[i] = rng.nextInt(4) == 0 ? rng.nextDouble() * 1e-6 : rng.nextDouble();
            }
            for (double[] adjusted : new double[][] {MultipleTesting.bonferroni(p), MultipleTesting.holm(p),
                MultipleTesting.benjaminiHochberg(p)}) {
                for (int i = 0; i < p.length; i++) {
                    assertThat(adjusted[i]).isGreaterThanOrEqualTo(p[i]).isLessThanOrEqualTo(1.0);
                }
            }
            double[] holm = MultipleTesting.holm(p);
            double[] bonferroni = MultipleTesting.bonferroni(p);
            double[] bh = MultipleTesting.benjaminiHochberg(p);
            for (int i = 0; i < p.length; i++) {
                // Holm is uniformly more powerful than Bonferroni, BH (FDR) than Holm (FWER)
                assertThat(holm[i]).isLessThanOrEqualTo(bonferroni[i]);
                assertThat(bh[i]).isLessThanOrEqualTo(holm[i] + 1e-15);
            }
        }
    }
}
