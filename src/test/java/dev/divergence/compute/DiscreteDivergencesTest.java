package dev.divergence.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DiscreteDivergencesTest {

    private static final DiscreteDivergences NATS = DiscreteDivergences.inNats();
    private static final double LN2 = Math.log(2);

    static Stream<Arguments> klReferenceValues() {
        return Stream.of(
                // closed form: ½ ln(5/9) + ½ ln 5 = ln(5/3)
                Arguments.of(new double[] {0.5, 0.5}, new double[] {0.9, 0.1}, Math.log(5.0 / 3)),
                // point mass against uniform: ln 2
                Arguments.of(new double[] {1, 0}, new double[] {0.5, 0.5}, LN2),
                // the tutorial bag (0.4, 0.6) against a fair coin: 0.4 ln 0.8 + 0.6 ln 1.2
                Arguments.of(new double[] {0.4, 0.6}, new double[] {0.5, 0.5}, 0.4 * Math.log(0.8) + 0.6 * Math.log(1.2)),
                // identical distributions: exactly 0
                Arguments.of(new double[] {0.2, 0.3, 0.5}, new double[] {0.2, 0.3, 0.5}, 0.0));
    }

    @ParameterizedTest
    @MethodSource("klReferenceValues")
    void klDivergenceMatchesClosedForm(double[] p, double[] q, double expected) {
        // rel 1e-14: a few ulps of the closed form's own evaluation
        assertThat(NATS.klDivergence(p, q)).isCloseTo(expected, within(1e-14 * Math.max(1, expected)));
        assertThat(NATS.bundle(p, q).kl()).isCloseTo(expected, within(1e-14 * Math.max(1, expected)));
    }

    @Test
    void klDivergenceWhenQIsZeroWherePIsPositiveIsInfinite() {
        assertThat(NATS.klDivergence(new double[] {0.5, 0.5}, new double[] {1, 0})).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void termsWherePIsZeroContributeNothingEvenWhereQIsZero() {
        assertThat(NATS.klDivergence(new double[] {1, 0}, new double[] {1, 0})).isZero();
        assertThat(NATS.klTerms(new double[] {1, 0}, new double[] {0.5, 0.5})).containsExactly(LN2, 0.0);
    }

    @Test
    void pointMassAgainstUniformHasClosedFormBundle() {
        DivergenceBundle b = NATS.bundle(new double[] {1, 0}, new double[] {0.5, 0.5});
        // M = (3/4, 1/4): JS = ½ ln(4/3) + ¼ ln(2/3) + ¼ ln 2
        assertThat(b.jensenShannon()).isCloseTo(0.5 * Math.log(4.0 / 3) + 0.25 * Math.log(2.0 / 3) + 0.25 * LN2,
                within(1e-15));
        assertThat(b.reverseKl()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(b.jeffreys()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(b.psi()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(b.crossEntropy()).isCloseTo(LN2, within(1e-15)); // −1·ln ½
        assertThat(b.entropyP()).isZero();
        assertThat(b.entropyQ()).isCloseTo(LN2, within(1e-15));
        assertThat(b.totalVariation()).isCloseTo(0.5, within(1e-15));
        // BC = √½: H = √(1 − √½), Bhattacharyya = ½ ln 2, χ² = (½)²/½ + (½)²/½ = 1
        assertThat(b.hellinger()).isCloseTo(Math.sqrt(1 - Math.sqrt(0.5)), within(1e-15));
        assertThat(b.bhattacharyya()).isCloseTo(0.5 * LN2, within(1e-15));
        assertThat(b.chiSquare()).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void disjointSupportsReachEveryBound() {
        DivergenceBundle b = DiscreteDivergences.inBase(LogBase.BITS).bundle(new double[] {1, 0}, new double[] {0, 1});
        assertThat(b.kl()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(b.jensenShannon()).isEqualTo(1.0); // ln 2 nats = 1 bit
        assertThat(b.jensenShannonDistance()).isEqualTo(1.0);
        assertThat(b.totalVariation()).isEqualTo(1.0);
        assertThat(b.hellinger()).isEqualTo(1.0);
        assertThat(b.bhattacharyya()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(b.chiSquare()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(DiscreteDivergences.inNats().renyiDivergence(new double[] {1, 0}, new double[] {0, 1}, 0.5))
                .isEqualTo(Double.POSITIVE_INFINITY);
    }

    /**
     * p = ((1 + x)/2, (1 − x)/2) against uniform, x = 2^-26 (exact in binary). Series: KL = x²/2 + x⁴/12 + …,
     * JS = x²/8 + O(x⁴), H² = x²/8 + O(x⁴), TV = x/2, χ² = x², D_α = αx²/2 + O(x⁴). At x² ≈ 1.5e-16 the
     * O(x⁴) terms are 1e-16 relative: a naive Σ p ln p − Σ p ln q would lose every digit here. Sums whose
     * terms have both signs (KL, JS, Rényi) cancel terms of size x/2 down to x², so their relative accuracy is
     * about ε/x ≈ 1.5e-8 (absolute 1e-24); sums of non-negative terms (χ², Hellinger) keep ~1e-15.
     */
    @Test
    void nearIdenticalInputsKeepRelativeAccuracy() {
        double x = 0x1p-26;
        double[] p = {0.5 + x / 2, 0.5 - x / 2};
        double[] q = {0.5, 0.5};
        DivergenceBundle b = NATS.bundle(p, q);
        Percentage rel = Percentage.withPercentage(1e-7); // 1e-9 relative
        Percentage signed = Percentage.withPercentage(1e-5); // 1e-7 relative: ε/x, see above
        assertThat(b.kl()).isCloseTo(x * x / 2, signed);
        assertThat(NATS.klDivergence(p, q)).isCloseTo(x * x / 2, signed);
        assertThat(b.reverseKl()).isCloseTo(x * x / 2, signed);
        assertThat(b.jensenShannon()).isCloseTo(x * x / 8, signed);
        assertThat(b.hellinger()).isCloseTo(x / Math.sqrt(8), rel);
        assertThat(b.totalVariation()).isEqualTo(x / 2);
        assertThat(b.chiSquare()).isCloseTo(x * x, rel);
        assertThat(b.bhattacharyya()).isCloseTo(x * x / 8, rel); // −ln(1 − H²) ≈ H²
        assertThat(NATS.renyiDivergence(p, q, 3)).isCloseTo(1.5 * x * x, signed);
        assertThat(NATS.renyiDivergence(p, q, 0.25)).isCloseTo(0.125 * x * x, signed);
    }

    @Test
    void probabilitiesOf1eMinus300StayFinite() {
        double[] p = {0.5, 0.5};
        double[] q = {1e-300, 1.0};
        // ½ ln(½ / 1e-300) + ½ ln ½ = ln ½ + 150 ln 10
        assertThat(NATS.klDivergence(p, q)).isCloseTo(Math.log(0.5) + 150 * Math.log(10), within(1e-12));
        DivergenceBundle b = NATS.bundle(p, q);
        assertThat(b.chiSquare()).isCloseTo(0.25e300, Percentage.withPercentage(1e-10)); // (½)²/1e-300 dominates
        assertThat(b.bhattacharyya()).isCloseTo(-Math.log(Math.sqrt(0.5)), within(1e-12)); // √(½·1e-300) negligible
        // D_10 = ln(½^10 · 1e-300^-9 + ½^10)/9: the first term, 1e2697, overflows a double; log domain keeps it
        assertThat(NATS.renyiDivergence(p, q, 10)).isCloseTo((10 * Math.log(0.5) + 2700 * Math.log(10)) / 9,
                within(1e-9));
    }

    @Test
    void millionElementVectorsSumAccurately() {
        int n = 1_000_000;
        double[] p = new double[n];
        double[] q = new double[n];
        Arrays.fill(p, 1.0 / n);
        for (int i = 0; i < n; i++) {
            q[i] = (i < n / 2 ? 1.5 : 0.5) / n;
        }
        // half the mass at ratio 1/1.5, half at 1/0.5: KL = ½ ln(2/3) + ½ ln 2 = ½ ln(4/3)
        assertThat(NATS.klDivergence(p, q)).isCloseTo(0.5 * Math.log(4.0 / 3), within(1e-13));
        assertThat(NATS.bundle(p, q).totalVariation()).isCloseTo(0.25, within(1e-13));
    }

    @Test
    void renyiDivergenceMatchesClosedForm() {
        double[] p = {0.5, 0.5};
        double[] q = {0.9, 0.1};
        // D_3 = ln(Σ p³ q⁻²)/2
        assertThat(NATS.renyiDivergence(p, q, 3)).isCloseTo(Math.log(0.125 * (1 / 0.81 + 1 / 0.01)) / 2, within(1e-14));
        // D_½ = −2 ln Σ √(pq)
        assertThat(NATS.renyiDivergence(p, q, 0.5)).isCloseTo(-2 * Math.log(Math.sqrt(0.45) + Math.sqrt(0.05)),
                within(1e-14));
        assertThat(NATS.renyiDivergence(p, q, 1)).isEqualTo(NATS.klDivergence(p, q));
    }

    @Test
    void renyiOfOrderBelowOneIgnoresCategoriesQCannotProduce() {
        // α = ½, p = (½, ½), q = (1, 0): Σ √(pq) = √½, D = −2 ln √½ = ln 2
        assertThat(NATS.renyiDivergence(new double[] {0.5, 0.5}, new double[] {1, 0}, 0.5)).isCloseTo(LN2, within(1e-15));
        assertThat(NATS.renyiDivergence(new double[] {0.5, 0.5}, new double[] {1, 0}, 2)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void baseConvertsLogarithmicQuantitiesOnly() {
        double[] p = {0.5, 0.5};
        double[] q = {0.9, 0.1};
        DivergenceBundle nats = NATS.bundle(p, q);
        DivergenceBundle bits = DiscreteDivergences.inBase(LogBase.BITS).bundle(p, q);
        assertThat(bits.kl()).isCloseTo(nats.kl() / LN2, within(1e-15));
        assertThat(bits.totalVariation()).isEqualTo(nats.totalVariation());
        assertThat(bits.hellinger()).isEqualTo(nats.hellinger());
        assertThat(bits.chiSquare()).isEqualTo(nats.chiSquare());
        assertThat(LogBase.of(3).unit()).isEqualTo("base-3");
        assertThat(LogBase.of(2.5).unit()).isEqualTo("base-2.5");
        assertThat(LogBase.of(Math.E)).isSameAs(LogBase.NATS);
    }

    @Test
    void invalidArgumentsAreRejectedWithTheirIndex() {
        assertThatThrownBy(() -> NATS.klDivergence(new double[] {0.5, 0.5}, new double[] {1}))
                .isInstanceOf(InvalidDistributionException.class).extracting("argument").isEqualTo("q");
        assertThatThrownBy(() -> NATS.bundle(new double[] {0.5, Double.NaN}, new double[] {0.5, 0.5}))
                .isInstanceOf(InvalidDistributionException.class).extracting("index").isEqualTo(1);
        assertThatThrownBy(() -> NATS.klDivergence(new double[] {1.5, -0.5}, new double[] {0.5, 0.5}))
                .isInstanceOf(InvalidDistributionException.class).extracting("index").isEqualTo(0);
        // the bundle checks a block of entries at once and still names the first bad one, in q after a valid p
        double[] p = new double[3_000];
        double[] q = new double[3_000];
        java.util.Arrays.fill(p, 1.0 / 3_000);
        java.util.Arrays.fill(q, 1.0 / 3_000);
        q[2_500] = -0.1;
        q[2_900] = 2;
        assertThatThrownBy(() -> NATS.bundle(p, q)).isInstanceOf(InvalidDistributionException.class)
                .satisfies(e -> assertThat(((InvalidDistributionException) e).index()).isEqualTo(2_500))
                .extracting("argument").isEqualTo("q");
        assertThatThrownBy(() -> NATS.renyiDivergence(new double[] {1}, new double[] {1}, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogBase.of(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogBase.of(-2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void softmaxOfLogProbabilitiesWithMinusInfinityGivesExactZeros() {
        double[] v = {Math.log(0.25), Double.NEGATIVE_INFINITY, Math.log(0.75)};
        ProbabilityVectors.softmaxInPlace(v, "p");
        assertThat(v[0]).isCloseTo(0.25, within(1e-16));
        assertThat(v[1]).isZero();
        assertThat(v[2]).isCloseTo(0.75, within(1e-16));
        // logits far beyond exp's range: shifted by the maximum, nothing overflows
        double[] logits = {1000, 1000 + Math.log(3)};
        ProbabilityVectors.softmaxInPlace(logits, "p");
        assertThat(logits[0]).isCloseTo(0.25, within(1e-13)); // 1000 + ln 3 is rounded to ulp(1000) ≈ 1.1e-13
        assertThatThrownBy(() -> ProbabilityVectors.softmaxInPlace(new double[] {Double.NEGATIVE_INFINITY}, "p"))
                .isInstanceOf(InvalidDistributionException.class);
    }

    @Test
    void bundleOfUniformOnHalfAgainstUniformOnAllSpansBlocksWithClosedForms() {
        // P uniform on the first N of 2N entries, Q uniform on all 2N: 3 blocks, P zero on the second half
        int n = 1500;
        double[] p = new double[2 * n];
        double[] q = new double[2 * n];
        Arrays.fill(p, 0, n, 1.0 / n);
        Arrays.fill(q, 1.0 / (2 * n));
        DivergenceBundle b = NATS.bundle(p, q);
        // rel 1e-13: 3,000 terms, each within a few ulps
        Percentage close = Percentage.withPercentage(1e-11);
        assertThat(b.kl()).isCloseTo(LN2, close);
        assertThat(b.reverseKl()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(b.crossEntropy()).isCloseTo(Math.log(2 * n), close);
        assertThat(b.entropyP()).isCloseTo(Math.log(n), close);
        assertThat(b.entropyQ()).isCloseTo(Math.log(2 * n), close);
        assertThat(b.totalVariation()).isCloseTo(0.5, close);
        assertThat(b.bhattacharyya()).isCloseTo(0.5 * LN2, close); // BC = N·√(1/N · 1/2N) = 1/√2
        assertThat(b.hellinger()).isCloseTo(Math.sqrt(1 - Math.sqrt(0.5)), close);
        assertThat(b.chiSquare()).isCloseTo(1.0, close); // 2N terms of (1/2N)²/(1/2N)
        // M = 3/(4N) on the first half, 1/(4N) on the second: ½ ln(4/3) + ¼ ln(2/3) + ¼ ln 2
        assertThat(b.jensenShannon()).isCloseTo(0.5 * Math.log(4.0 / 3) + 0.25 * Math.log(2.0 / 3) + 0.25 * LN2,
                close);
    }

    @Test
    void bundleAgreesWithExactlySummedDefinitionsAcrossBlocks() {
        // 5,000 entries (5 blocks) with zeros in p, in q and in both, and near-identical pairs (the log1p path)
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261122L);
        int n = 5000;
        double[] p = new double[n];
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = rng.nextDouble();
            q[i] = i % 7 == 0 ? p[i] * (1 + 1e-6 * rng.nextDouble()) : rng.nextDouble();
        }
        for (int i = 0; i < n; i += 997) {
            p[i] = 0;
            q[i + 1] = 0;
            p[i + 2] = 0;
            q[i + 2] = 0;
        }
        normalize(p);
        normalize(q);
        // reference: every term by its definition (StrictMath, correctly rounded to 1 ulp), summed exactly
        BigDecimal tv = BigDecimal.ZERO;
        BigDecimal h2 = BigDecimal.ZERO;
        BigDecimal bc = BigDecimal.ZERO;
        BigDecimal chi = BigDecimal.ZERO;
        BigDecimal hp = BigDecimal.ZERO;
        BigDecimal hq = BigDecimal.ZERO;
        BigDecimal js = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            double m = 0.5 * (p[i] + q[i]);
            tv = tv.add(big(Math.abs(p[i] - q[i]) / 2));
            h2 = h2.add(big(0.5 * Math.pow(StrictMath.sqrt(p[i]) - StrictMath.sqrt(q[i]), 2)));
            bc = bc.add(big(StrictMath.sqrt(p[i]) * StrictMath.sqrt(q[i])));
            hp = hp.add(big(p[i] > 0 ? -p[i] * StrictMath.log(p[i]) : 0));
            hq = hq.add(big(q[i] > 0 ? -q[i] * StrictMath.log(q[i]) : 0));
            if (p[i] > 0) {
                js = js.add(big(0.5 * p[i] * StrictMath.log(p[i] / m)));
            }
            if (q[i] > 0) {
                js = js.add(big(0.5 * q[i] * StrictMath.log(q[i] / m)));
                chi = chi.add(big((p[i] - q[i]) * (p[i] - q[i]) / q[i]));
            }
        }
        DivergenceBundle b = NATS.bundle(p, q);
        // rel 1e-12: the reference terms' own rounding (1 ulp each) and the kernel's blockwise bound 1024·ε
        Percentage close = Percentage.withPercentage(1e-10);
        assertThat(b.totalVariation()).isCloseTo(tv.doubleValue(), close);
        assertThat(b.hellinger()).isCloseTo(Math.sqrt(h2.doubleValue()), close);
        assertThat(b.bhattacharyya()).isCloseTo(-Math.log(bc.doubleValue()), close);
        assertThat(b.entropyP()).isCloseTo(hp.doubleValue(), close);
        assertThat(b.entropyQ()).isCloseTo(hq.doubleValue(), close);
        assertThat(b.jensenShannon()).isCloseTo(js.doubleValue(), close);
        assertThat(b.kl()).isEqualTo(Double.POSITIVE_INFINITY); // q = 0 < p at i + 1
        assertThat(b.reverseKl()).isEqualTo(Double.POSITIVE_INFINITY); // p = 0 < q at i
        assertThat(b.chiSquare()).isEqualTo(Double.POSITIVE_INFINITY);
        // with the q-zeros removed, KL and χ² are finite: compare them as well
        double[] qPositive = q.clone();
        for (int i = 0; i < n; i += 997) {
            qPositive[i + 1] = 1e-3;
        }
        normalize(qPositive);
        BigDecimal kl = BigDecimal.ZERO;
        BigDecimal cross = BigDecimal.ZERO;
        BigDecimal chiPositive = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            if (qPositive[i] > 0) {
                chiPositive = chiPositive.add(big((p[i] - qPositive[i]) * (p[i] - qPositive[i]) / qPositive[i]));
            }
            if (p[i] > 0) {
                kl = kl.add(big(p[i] * StrictMath.log(p[i] / qPositive[i])));
                cross = cross.add(big(-p[i] * StrictMath.log(qPositive[i])));
            }
        }
        DivergenceBundle finite = NATS.bundle(p, qPositive);
        assertThat(finite.kl()).isCloseTo(kl.doubleValue(), close);
        assertThat(finite.crossEntropy()).isCloseTo(cross.doubleValue(), close);
        assertThat(finite.chiSquare()).isCloseTo(chiPositive.doubleValue(), close);
        assertThat(finite.kl()).isCloseTo(NATS.klDivergence(p, qPositive), close);
    }

    @Test
    void nearSeriesAgreeWithLog1pOverTheirWholeDomain() {
        // x log-uniform in magnitude from 1e-300 to 1/16, both signs (seeded)
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(16L);
        double eps = Math.ulp(1.0);
        for (int trial = 0; trial < 100_000; trial++) {
            double x = Math.copySign(Math.pow(10, -300 * rng.nextDouble()) / 16, rng.nextBoolean() ? 1 : -1);
            // reference: JDK log1p (fdlibm, < 1 ulp); the difference of opposite-signed terms does not cancel
            double ratio = Math.log1p(x) - Math.log1p(-x);
            assertThat(DiscreteDivergences.logRatioNear(x)).as("x = %s", x).isCloseTo(ratio,
                    within(4 * eps * Math.abs(ratio)));
            double js = DiscreteDivergences.jensenShannonTermNear(x);
            if (Math.abs(x) >= 1e-3) {
                // the log1p form cancels to x²: its own error is about 2ε|x| absolute
                double reference = (1 + x) * Math.log1p(x) + (1 - x) * Math.log1p(-x);
                assertThat(js).as("x = %s", x).isCloseTo(reference, within(4 * eps * Math.abs(x)));
            } else {
                // Taylor to x⁶: the omitted x⁸/28 is below 4e-14·x²·ε here
                double y = x * x;
                assertThat(js).as("x = %s", x).isCloseTo(y * (1 + y / 6 + y * y / 15), within(4 * eps * y));
            }
        }
    }

    private static BigDecimal big(double x) {
        return new BigDecimal(x);
    }

    private static void normalize(double[] v) {
        double total = 0;
        for (double x : v) {
            total += x;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= total;
        }
    }
}
