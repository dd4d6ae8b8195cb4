package dev.divergence.compute.parametric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The multivariate closed forms against independent references: identities with univariate closed forms (which
 * {@link ClosedFormVersusQuadratureTest} checks by integration), invariance under an orthogonal change of
 * coordinates, agreement of torch's alternative parameterizations, and seeded Monte Carlo (within 5 standard
 * errors: a false failure has probability below 1e-6).
 */
class MultivariateFamiliesTest {

    /**
     * Two float64 routes to one value of order 1 (Cholesky factors, triangular solves, log-determinants, lgamma on
     * one side; sums of univariate forms on the other) each round at ~1e-16 per operation over a few dozen
     * operations: they agree to 1e-12.
     */
    private static final double TWO_ROUTES = 1e-12;

    private static final double[] COV_P = {1.0, 0.5, 0.2, 0.5, 2.0, -0.3, 0.2, -0.3, 1.5};
    private static final double[] COV_Q = {2.0, 0.1, 0.0, 0.1, 1.0, 0.4, 0.0, 0.4, 3.0};
    private static final double[] LOC_P = {0.1, -0.4, 1.0};
    private static final double[] LOC_Q = {-0.5, 0.3, 0.2};

    @Test
    void diagonalMultivariateNormalIsTheSumOfItsMarginals() {
        double[] sp = {0.7, 1.3, 2.0};
        double[] sq = {1.1, 0.9, 0.5};
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            expected += ParametricDivergences.klDivergence(Normal.of(LOC_P[i], sp[i]), Normal.of(LOC_Q[i], sq[i])).value();
        }
        MultivariateNormal p = MultivariateNormal.ofCovariance(LOC_P, diagonal(sp));
        MultivariateNormal q = MultivariateNormal.ofCovariance(LOC_Q, diagonal(sq));
        assertThat(ParametricDivergences.klDivergence(p, q).value()).isCloseTo(expected, within(TWO_ROUTES));
    }

    @Test
    void klIsInvariantUnderARotationOfBothDistributions() {
        // R = rotation by θ about the z axis; KL(R p ‖ R q) = KL(p ‖ q)
        double c = Math.cos(0.7);
        double s = Math.sin(0.7);
        double[] r = {c, -s, 0, s, c, 0, 0, 0, 1};
        MultivariateNormal p = MultivariateNormal.ofCovariance(LOC_P, COV_P);
        MultivariateNormal q = MultivariateNormal.ofCovariance(LOC_Q, COV_Q);
        MultivariateNormal rp = MultivariateNormal.ofCovariance(times(r, LOC_P), conjugate(r, COV_P));
        MultivariateNormal rq = MultivariateNormal.ofCovariance(times(r, LOC_Q), conjugate(r, COV_Q));
        assertThat(ParametricDivergences.klDivergence(rp, rq).value())
                .isCloseTo(ParametricDivergences.klDivergence(p, q).value(), within(TWO_ROUTES));
    }

    @Test
    void covariancePrecisionScaleTrilAndLowRankDescribeTheSameDistribution() {
        MultivariateNormal q = MultivariateNormal.ofCovariance(LOC_Q, COV_Q);
        double expected = ParametricDivergences.klDivergence(MultivariateNormal.ofCovariance(LOC_P, COV_P), q).value();
        // precision = Σ⁻¹ and scale_tril = chol(Σ), computed independently here for the 3 × 3 Σ_p
        double[] tril = cholesky3(COV_P);
        assertThat(ParametricDivergences.klDivergence(MultivariateNormal.ofScaleTril(LOC_P, tril), q).value())
                .isCloseTo(expected, within(TWO_ROUTES));
        assertThat(ParametricDivergences.klDivergence(MultivariateNormal.ofPrecision(LOC_P, inverse3(COV_P)), q).value())
                .isCloseTo(expected, within(TWO_ROUTES));
        // Σ_p = W Wᵀ + D with W the first column of chol(Σ_p) scaled, D the remainder on the diagonal: build
        // a low-rank p and its explicit covariance
        double[] w = {0.8, -0.2, 0.5, 0.1, 0.3, 0.4};
        double[] d = {0.5, 0.7, 0.9};
        double[] full = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                full[i * 3 + j] = w[i * 2] * w[j * 2] + w[i * 2 + 1] * w[j * 2 + 1] + (i == j ? d[i] : 0);
            }
        }
        MultivariateNormal lowRank = MultivariateNormal.ofLowRank(LOC_P, w, d, 2);
        assertThat(lowRank.family()).isEqualTo("LowRankMultivariateNormal");
        assertThat(ParametricDivergences.klDivergence(lowRank, q).value()).isCloseTo(
                ParametricDivergences.klDivergence(MultivariateNormal.ofCovariance(LOC_P, full), q).value(),
                within(TWO_ROUTES));
        assertThat(ParametricDivergences.klDivergence(q, lowRank).value()).isCloseTo(
                ParametricDivergences.klDivergence(q, MultivariateNormal.ofCovariance(LOC_P, full)).value(),
                within(TWO_ROUTES));
    }

    @Test
    void multivariateNormalClosedFormAgreesWithMonteCarlo() {
        MultivariateNormal p = MultivariateNormal.ofCovariance(LOC_P, COV_P);
        MultivariateNormal q = MultivariateNormal.ofCovariance(LOC_Q, COV_Q);
        assertAgreesWithMonteCarlo(p, q, 400_000, 3);
    }

    @Test
    void independentNormalsAgainstAMultivariateNormalUseTheGaussianClosedForm() {
        Independent p = Independent.of(new Distribution[] {Normal.of(0.1, 0.7), Normal.of(-0.4, 1.3), Normal.of(1, 2)});
        MultivariateNormal q = MultivariateNormal.ofCovariance(LOC_Q, COV_Q);
        ClosedForm c = ParametricDivergences.klDivergence(p, q);
        assertThat(c.value()).isCloseTo(ParametricDivergences.klDivergence(
                MultivariateNormal.ofCovariance(LOC_P, diagonal(new double[] {0.7, 1.3, 2})), q).value(), within(TWO_ROUTES));
    }

    @Test
    void independentIsTheSumOfItsComponents() {
        Independent p = Independent.of(new Distribution[] {Gamma.of(2, 1), Beta.of(2, 3)});
        Independent q = Independent.of(new Distribution[] {Exponential.of(0.5), Uniform.of(0, 1)});
        double expected = ParametricDivergences.klDivergence(Gamma.of(2, 1), Exponential.of(0.5)).value()
                + ParametricDivergences.klDivergence(Beta.of(2, 3), Uniform.of(0, 1)).value();
        assertThat(ParametricDivergences.klDivergence(p, q).value()).isCloseTo(expected, within(TWO_ROUTES));
        assertAgreesWithMonteCarlo(p, q, 200_000, 5);
    }

    @Test
    void oneDimensionalWishartIsAGamma() {
        // W₁(n, v) is Gamma(n/2, rate 1/(2v)): the closed forms must agree
        Wishart p = Wishart.ofCovariance(4.5, new double[] {0.8}, 1);
        Wishart q = Wishart.ofCovariance(6, new double[] {1.7}, 1);
        double gamma = ParametricDivergences.klDivergence(Gamma.of(2.25, 1 / 1.6), Gamma.of(3, 1 / 3.4)).value();
        assertThat(ParametricDivergences.klDivergence(p, q).value()).isCloseTo(gamma, within(TWO_ROUTES));
    }

    @Test
    void wishartClosedFormAgreesWithMonteCarlo() {
        Wishart p = Wishart.ofCovariance(5, new double[] {1.0, 0.3, 0.3, 2.0}, 2);
        Wishart q = Wishart.ofScaleTril(6.5, new double[] {1.1, 0, -0.2, 0.9}, 2);
        assertAgreesWithMonteCarlo(p, q, 200_000, 7);
    }

    @Test
    void twoCategoryDirichletIsABeta() {
        double beta = ParametricDivergences.klDivergence(Beta.of(2.5, 0.7), Beta.of(1.2, 3)).value();
        double dirichlet = ParametricDivergences.klDivergence(Dirichlet.of(new double[] {2.5, 0.7}),
                Dirichlet.of(new double[] {1.2, 3})).value();
        assertThat(dirichlet).isCloseTo(beta, within(TWO_ROUTES));
    }

    @Test
    void dirichletClosedFormAgreesWithMonteCarlo() {
        assertAgreesWithMonteCarlo(Dirichlet.of(new double[] {2, 3, 1.5, 4}), Dirichlet.of(new double[] {1, 1, 2, 2}),
                200_000, 11);
    }

    @Test
    void oneHotCategoricalIsTheCategoricalSum() {
        Categorical a = Categorical.ofProbs(new double[] {0.2, 0.5, 0.3});
        Categorical b = Categorical.ofProbs(new double[] {0.4, 0.4, 0.2});
        double expected = 0.2 * Math.log(0.2 / 0.4) + 0.5 * Math.log(0.5 / 0.4) + 0.3 * Math.log(0.3 / 0.2);
        assertThat(ParametricDivergences.klDivergence(OneHotCategorical.of(a), OneHotCategorical.of(b)).value())
                .isCloseTo(expected, within(TWO_ROUTES));
        assertAgreesWithMonteCarlo(OneHotCategorical.of(a), OneHotCategorical.of(b), 100_000, 13);
    }

    @Test
    void aCovarianceThatIsNotPositiveDefiniteIsRefused() {
        assertThatThrownBy(() -> MultivariateNormal.ofCovariance(new double[] {0, 0}, new double[] {1, 2, 2, 1}))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("covariance_matrix");
                    assertThat(e.reason()).contains("positive definite");
                });
        assertThatThrownBy(() -> MultivariateNormal.ofCovariance(new double[] {0, 0}, new double[] {1, 0.5, 0.4, 1}))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.index()).isEqualTo(2);
                    assertThat(e.reason()).contains("symmetric");
                });
        assertThatThrownBy(() -> MultivariateNormal.ofScaleTril(new double[] {0, 0}, new double[] {1, 0.1, 0, 1}))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.index()).isEqualTo(1));
    }

    @Test
    void distributionsOnDifferentSpacesCannotBeCompared() {
        assertThatThrownBy(() -> ParametricDivergences.klDivergence(Normal.of(0, 1),
                MultivariateNormal.ofCovariance(new double[] {0}, new double[] {1})))
                .isInstanceOf(IncompatibleDistributionsException.class);
        assertThatThrownBy(() -> ParametricDivergences.klDivergence(Dirichlet.of(new double[] {1, 2}),
                MultivariateNormal.ofCovariance(new double[] {0, 0}, new double[] {1, 0, 0, 1})))
                .isInstanceOf(IncompatibleDistributionsException.class);
    }

    static void assertAgreesWithMonteCarlo(Distribution p, Distribution q, int samples, long seed) {
        double closed = ParametricDivergences.klDivergence(p, q).value();
        MonteCarlo.Estimate e = MonteCarlo.klDivergence(p, q, samples, seed);
        assertThat(e.samples()).isEqualTo(samples);
        assertThat(e.standardError()).isPositive();
        assertThat(Math.abs(e.value() - closed)).as(p + " ‖ " + q + ": MC " + e.value() + " ± " + e.standardError()
                + " vs " + closed).isLessThan(5 * e.standardError());
    }

    private static double[] diagonal(double[] sd) {
        double[] m = new double[sd.length * sd.length];
        for (int i = 0; i < sd.length; i++) {
            m[i * sd.length + i] = sd[i] * sd[i];
        }
        return m;
    }

    private static double[] times(double[] r, double[] v) {
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                out[i] += r[i * 3 + k] * v[k];
            }
        }
        return out;
    }

    /** R A Rᵀ. */
    private static double[] conjugate(double[] r, double[] a) {
        double[] out = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    for (int l = 0; l < 3; l++) {
                        s += r[i * 3 + k] * a[k * 3 + l] * r[j * 3 + l];
                    }
                }
                out[i * 3 + j] = s;
            }
        }
        return out;
    }

    /** Cholesky–Banachiewicz for 3 × 3, written out. */
    private static double[] cholesky3(double[] a) {
        double[] l = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * 3 + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * 3 + k] * l[j * 3 + k];
                }
                l[i * 3 + j] = i == j ? Math.sqrt(s) : s / l[j * 3 + j];
            }
        }
        return l;
    }

    /** The inverse of a 3 × 3 matrix by cofactors. */
    private static double[] inverse3(double[] m) {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
        double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
        return new double[] {(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det,
            (f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det,
            (d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det};
    }
}
