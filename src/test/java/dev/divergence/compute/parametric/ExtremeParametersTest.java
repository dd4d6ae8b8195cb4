package dev.divergence.compute.parametric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Closed forms at parameters whose ratios or differences overflow or underflow a double, and at nearly equal
 * parameters (issue 17, items 5–7). Every expected value is the closed form evaluated by mpmath at 50 digits on
 * the exact double parameters, rounded to double. Before the fix these answered Infinity, NaN or lost their
 * relative accuracy.
 */
class ExtremeParametersTest {

    static Stream<Arguments> finite() {
        return Stream.of(
                // ½(r² − 1 − ln r²), r = 1e-400: the ratio underflowed to 0 (answered Infinity)
                Arguments.of("Normal(0, 1e-200) ‖ Normal(0, 1e200)", Normal.of(0, 1e-200), Normal.of(0, 1e200),
                        920.5340371976183),
                // (Δ/σ)²/2 with Δ = 2e308: the difference overflowed (answered Infinity)
                Arguments.of("Normal(1e308, 1e300) ‖ Normal(−1e308, 1e300)", Normal.of(1e308, 1e300),
                        Normal.of(-1e308, 1e300), 2e16),
                Arguments.of("Normal(0, 1e-160) ‖ Normal(0, 1e160)", Normal.of(0, 1e-160), Normal.of(0, 1e160),
                        736.3272297580946),
                Arguments.of("LogNormal(0, 1e-300) ‖ LogNormal(0, 1e300)", LogNormal.of(0, 1e-300),
                        LogNormal.of(0, 1e300), 1381.0510557964274),
                Arguments.of("HalfNormal(1e-300) ‖ HalfNormal(1e300)", HalfNormal.of(1e-300), HalfNormal.of(1e300),
                        1381.0510557964274),
                Arguments.of("Laplace(0, 1e-300) ‖ Laplace(0, 1e300)", Laplace.of(0, 1e-300), Laplace.of(0, 1e300),
                        1380.5510557964274),
                // the location difference overflowed: answered NaN
                Arguments.of("Laplace(−1e308, 1e300) ‖ Laplace(1e308, 1e300)", Laplace.of(-1e308, 1e300),
                        Laplace.of(1e308, 1e300), 199999999.0),
                Arguments.of("Cauchy(0, 1e-300) ‖ Cauchy(0, 1e300)", Cauchy.of(0, 1e-300), Cauchy.of(0, 1e300),
                        1380.1647614353076),
                Arguments.of("HalfCauchy(1e-300) ‖ HalfCauchy(1e300)", HalfCauchy.of(1e-300), HalfCauchy.of(1e300),
                        1380.1647614353076),
                // rate ratio 1e-320 is subnormal: its logarithm was far off
                Arguments.of("Exponential(1e160) ‖ Exponential(1e-160)", Exponential.of(1e160),
                        Exponential.of(1e-160), 735.8272297580946),
                Arguments.of("Pareto(1e300, 1) ‖ Pareto(1e-300, 1)", Pareto.of(1e300, 1), Pareto.of(1e-300, 1),
                        1381.5510557964274),
                // near-identical scales: ln(σp/σq) as log1p of the exact difference
                Arguments.of("Normal(0, 1) ‖ Normal(0, 1.000000000001)", Normal.of(0, 1), Normal.of(0, 1.000000000001),
                        1.0001778090663284e-24),
                Arguments.of("Laplace(0, 1) ‖ Laplace(0, 1.000000000001)", Laplace.of(0, 1),
                        Laplace.of(0, 1.000000000001), 5.00088904533331e-25),
                Arguments.of("Exponential(1) ‖ Exponential(1.000000000001)", Exponential.of(1),
                        Exponential.of(1.000000000001), 5.000889045336643e-25),
                Arguments.of("Cauchy(0, 1) ‖ Cauchy(1e-9, 1)", Cauchy.of(0, 1), Cauchy.of(1e-9, 1), 2.5e-19),
                // q = σ(−800) rounds to 0 but ln q = −800: the support came from the rounded probability (Infinity,
                // with a warning that q is 0)
                Arguments.of("Bernoulli(0.5) ‖ Bernoulli(logits −800)", Bernoulli.ofProbs(0.5), Bernoulli.ofLogits(-800),
                        399.30685281944005),
                // near-identical concentrations (issue 17, item 8): lnΓ and ψ terms regrouped into parts that are each
                // second order; Dirichlet answered 2.2e-16 and Beta 0.0
                Arguments.of("Dirichlet([2, 3]) ‖ Dirichlet([2, 3 + 1e-10])", Dirichlet.of(new double[] {2, 3}),
                        Dirichlet.of(new double[] {2, 3 + 1e-10}), 8.68055699184485e-22),
                Arguments.of("Beta(2, 3) ‖ Beta(2, 3 + 1e-10)", Beta.of(2, 3), Beta.of(2, 3 + 1e-10),
                        8.68055699184485e-22),
                Arguments.of("Dirichlet([0.5, 1.5, 4]) ‖ Dirichlet([0.5000001, 1.5, 3.9999999])",
                        Dirichlet.of(new double[] {0.5, 1.5, 4}), Dirichlet.of(new double[] {0.5000001, 1.5, 3.9999999}),
                        2.609312295933029e-14),
                Arguments.of("Gamma(2, 3) ‖ Gamma(2 + 1e-10, 3)", Gamma.of(2, 3), Gamma.of(2 + 1e-10, 3),
                        3.2246708677946417e-21),
                Arguments.of("Gamma(2, 3) ‖ Gamma(2, 3(1 + 1e-10))", Gamma.of(2, 3), Gamma.of(2, 3 * (1 + 1e-10)),
                        1.0000001654140822e-20),
                // h up to a hundredth of a: still the series
                Arguments.of("Gamma(2, 3) ‖ Gamma(2.01, 3)", Gamma.of(2, 3), Gamma.of(2.01, 3), 3.217955611376456e-05),
                Arguments.of("Dirichlet([2, 3]) ‖ Dirichlet([2.01, 3.02])", Dirichlet.of(new double[] {2, 3}),
                        Dirichlet.of(new double[] {2.01, 3.02}), 1.1585177081771154e-05),
                Arguments.of("Gamma(50, 1) ‖ Gamma(50.3, 1)", Gamma.of(50, 1), Gamma.of(50.3, 1),
                        0.0009072291792597198),
                // and far from P = Q, unchanged
                Arguments.of("Gamma(2, 3) ‖ Gamma(5, 0.5)", Gamma.of(2, 3), Gamma.of(5, 0.5), 9.201831504526153),
                Arguments.of("Dirichlet([2, 3]) ‖ Dirichlet([7, 0.5])", Dirichlet.of(new double[] {2, 3}),
                        Dirichlet.of(new double[] {7, 0.5}), 6.060491901297402),
                // huge concentrations against moderate ones: lnΓ and ψ terms of size a ln a cancel to tens of nats
                // (issue 17, item 6: 8.0, 3.0, then 0.0 for 1e20 and 1e300); Stirling's series with the a's apart
                Arguments.of("Beta(1e15, 1e15) ‖ Beta(1, 1)", Beta.of(1e15, 1e15), Beta.of(1, 1), 16.89017043509059),
                Arguments.of("Dirichlet([1e15, 1e15]) ‖ Dirichlet([1, 1])", Dirichlet.of(new double[] {1e15, 1e15}),
                        Dirichlet.of(new double[] {1, 1}), 16.89017043509059),
                Arguments.of("Dirichlet([1e20, 1e20]) ‖ Dirichlet([1, 1])", Dirichlet.of(new double[] {1e20, 1e20}),
                        Dirichlet.of(new double[] {1, 1}), 22.6466331675757),
                Arguments.of("Dirichlet([1e300, 1e300]) ‖ Dirichlet([1, 1])",
                        Dirichlet.of(new double[] {1e300, 1e300}), Dirichlet.of(new double[] {1, 1}), 345.0085461867421),
                Arguments.of("Dirichlet([1e200, 3e200]) ‖ Dirichlet([2, 0.5])",
                        Dirichlet.of(new double[] {1e200, 3e200}), Dirichlet.of(new double[] {2, 0.5}),
                        231.89984156089145),
                Arguments.of("Dirichlet([1e12, 2e12, 3e12]) ‖ Dirichlet([1, 2, 3])",
                        Dirichlet.of(new double[] {1e12, 2e12, 3e12}), Dirichlet.of(new double[] {1, 2, 3}),
                        26.767225075541933),
                Arguments.of("Dirichlet([1e5, 3e5]) ‖ Dirichlet([2, 0.5])", Dirichlet.of(new double[] {1e5, 3e5}),
                        Dirichlet.of(new double[] {2, 0.5}), 7.397800896765609),
                Arguments.of("Beta(1e4, 1e4) ‖ Beta(1, 1)", Beta.of(1e4, 1e4), Beta.of(1, 1), 4.225977424873357),
                Arguments.of("Dirichlet([5e3, 7e3]) ‖ Dirichlet([2, 3])", Dirichlet.of(new double[] {5e3, 7e3}),
                        Dirichlet.of(new double[] {2, 3}), 3.453342846542965),
                Arguments.of("Beta(100, 250) ‖ Beta(1, 1)", Beta.of(100, 250), Beta.of(1, 1), 2.3069396784817493),
                Arguments.of("Beta(150, 300) ‖ Beta(3, 0.2)", Beta.of(150, 300), Beta.of(3, 0.2), 5.597874087689275),
                // near-identical discrete and Gumbel parameters (item 8): each term p ln(p/q) − p + q, second order
                // (Bernoulli, Binomial, Geometric answered about 1e-17 whatever the value; Gumbel 0.0)
                Arguments.of("Bernoulli(0.3) ‖ Bernoulli(0.3 + 1e-10)", Bernoulli.ofProbs(0.3),
                        Bernoulli.ofProbs(0.3 + 1e-10), 2.3809527746518206e-20),
                Arguments.of("Binomial(10, 0.3) ‖ Binomial(10, 0.3 + 1e-10)", Binomial.of(10, Bernoulli.ofProbs(0.3)),
                        Binomial.of(10, Bernoulli.ofProbs(0.3 + 1e-10)), 2.3809527746518207e-19),
                Arguments.of("Geometric(0.3) ‖ Geometric(0.3 + 1e-10)", Geometric.of(Bernoulli.ofProbs(0.3)),
                        Geometric.of(Bernoulli.ofProbs(0.3 + 1e-10)), 7.936509248839403e-20),
                Arguments.of("Bernoulli(0.3) ‖ Bernoulli(0.9)", Bernoulli.ofProbs(0.3), Bernoulli.ofProbs(0.9),
                        1.0325534177382867),
                Arguments.of("Categorical([¼, ¼, ½]) ‖ Categorical([¼, ¼ + 2⁻³⁰, ½ − 2⁻³⁰])",
                        Categorical.ofProbs(new double[] {0.25, 0.25, 0.5}),
                        Categorical.ofProbs(new double[] {0.25, 0.25 + 0x1p-30, 0.5 - 0x1p-30}), 2.6020852107340364e-18),
                Arguments.of("Gumbel(0, 1) ‖ Gumbel(1e-10, 1)", Gumbel.of(0, 1), Gumbel.of(1e-10, 1),
                        5.000000000166667e-21),
                Arguments.of("Gumbel(0, 1) ‖ Gumbel(0, 1 + 1e-10)", Gumbel.of(0, 1), Gumbel.of(0, 1 + 1e-10),
                        9.11840481161268e-21),
                // equal scales: e^{−δ} + δ − 1 lost its digits to an addition of ±δ in the wrong order
                Arguments.of("Laplace(0, 1) ‖ Laplace(1e-10, 1)", Laplace.of(0, 1), Laplace.of(1e-10, 1),
                        4.999999999833334e-21),
                // a huge shape against a moderate one: the shapes cancel in Stirling's form (answered 12.0)
                Arguments.of("Gamma(1e15, 1e15) ‖ Gamma(1, 1)", Gamma.of(1e15, 1e15), Gamma.of(1, 1),
                        16.85044966425067),
                Arguments.of("Gamma(1e5, 2e5) ‖ Gamma(3, 0.5)", Gamma.of(1e5, 2e5), Gamma.of(3, 0.5), 9.439567796558393),
                Arguments.of("Gamma(150, 2) ‖ Gamma(3, 0.5)", Gamma.of(150, 2), Gamma.of(3, 0.5), 28.41540349871704),
                // widths past the largest double (item 5: a 500, then a 400): ln of the widths' ratio from halves
                Arguments.of("Uniform(0, 5e-324) ‖ Uniform(−1.7e308, 1.7e308)", Uniform.of(0, 5e-324),
                        Uniform.of(-1.7e308, 1.7e308), 1454.8600559951694),
                Arguments.of("Uniform(−1e308, 1e308) ‖ Uniform(−1.7e308, 1.7e308)", Uniform.of(-1e308, 1e308),
                        Uniform.of(-1.7e308, 1.7e308), 0.5306282510621704),
                Arguments.of("Uniform(−1e308, 1e308) ‖ Uniform(−1e308, 1e308)", Uniform.of(-1e308, 1e308),
                        Uniform.of(-1e308, 1e308), 0.0),
                Arguments.of("Uniform(−1.7e308, 1.7e308) ‖ Laplace(0, 1)", Uniform.of(-1.7e308, 1.7e308),
                        Laplace.of(0, 1), 8.5e307),
                // η A′(η) − A(η) without forming either: logits 1e308 gave 0.0 (issue 17, item 6)
                Arguments.of("ContinuousBernoulli(logits 1e308) ‖ ContinuousBernoulli(logits 0)",
                        ContinuousBernoulli.ofLogits(1e308), ContinuousBernoulli.ofLogits(0), 708.1962086421661),
                Arguments.of("ContinuousBernoulli(logits −1e308) ‖ ContinuousBernoulli(logits 0)",
                        ContinuousBernoulli.ofLogits(-1e308), ContinuousBernoulli.ofLogits(0), 708.1962086421661),
                Arguments.of("ContinuousBernoulli(logits 30) ‖ ContinuousBernoulli(logits −2)",
                        ContinuousBernoulli.ofLogits(30), ContinuousBernoulli.ofLogits(-2), 3.4959700765697725),
                Arguments.of("ContinuousBernoulli(logits 1e-10) ‖ ContinuousBernoulli(logits 0)",
                        ContinuousBernoulli.ofLogits(1e-10), ContinuousBernoulli.ofLogits(0), 4.166666666666667e-22),
                Arguments.of("ContinuousBernoulli(logits 0.3) ‖ ContinuousBernoulli(logits 0)",
                        ContinuousBernoulli.ofLogits(0.3), ContinuousBernoulli.ofLogits(0), 0.0037415825419354672),
                Arguments.of("ContinuousBernoulli(logits 1.9) ‖ ContinuousBernoulli(logits 0)",
                        ContinuousBernoulli.ofLogits(1.9), ContinuousBernoulli.ofLogits(0), 0.13802570373792486),
                Arguments.of("ContinuousBernoulli(logits 2.5) ‖ ContinuousBernoulli(logits 0)",
                        ContinuousBernoulli.ofLogits(2.5), ContinuousBernoulli.ofLogits(0), 0.2255049402008233),
                Arguments.of("ContinuousBernoulli(logits 700) ‖ ContinuousBernoulli(logits 0)",
                        ContinuousBernoulli.ofLogits(700), ContinuousBernoulli.ofLogits(0), 5.551080335043404),
                // a difference of entropies from Γ and ψ lost every digit: 8.4e-4 at df 1e12, 0.5 at 1e16
                Arguments.of("StudentT(1e12) ‖ Normal(0, 1)", StudentT.of(1e12, 0, 1), Normal.of(0, 1),
                        1.7500000000041666e-24),
                Arguments.of("StudentT(1e16) ‖ Normal(0, 1)", StudentT.of(1e16, 0, 1), Normal.of(0, 1),
                        1.7500000000000005e-32),
                Arguments.of("StudentT(1e6, 0.5, 2) ‖ Normal(0, 1.5)", StudentT.of(1e6, 0.5, 2), Normal.of(0, 1.5),
                        0.15676314977374686),
                Arguments.of("StudentT(100) ‖ Normal(0, 1)", StudentT.of(100, 0, 1), Normal.of(0, 1),
                        1.7924951908196833e-4),
                Arguments.of("Categorical([½, ½]) ‖ Categorical(logits [0, −800])",
                        Categorical.ofProbs(new double[] {0.5, 0.5}), Categorical.ofLogits(new double[] {0, -800}),
                        399.30685281944005));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("finite")
    void aFiniteKlIsComputedToAFewUlps(String name, Distribution p, Distribution q, double expected) {
        ClosedForm kl = ParametricDivergences.klDivergence(p, q);
        assertThat(kl.value()).as(name).isCloseTo(expected, within(8 * Math.ulp(expected)));
        // no warning about the value (pairs torch has no rule for keep that note)
        assertThat(kl.notes()).as(name).noneMatch(n -> n.contains("Infinity") || n.contains("q is 0"));
    }

    @Test
    void gumbelsFarApartKeepTheirRelativeAccuracyToAFewTimesTenToTheMinusFifteen() {
        // the regrouped form's lnΓ(s) + γ(s − 1) cancels about half its digits for s = 2/3; e^u amplifies u's
        // rounding by u for s = 6 (mpmath: 0.11567547720070093 and 99.53572278564074; measured 3.4e-15 and below)
        assertThat(ParametricDivergences.klDivergence(Gumbel.of(0, 1), Gumbel.of(0.3, 1.5)).value())
                .isCloseTo(0.11567547720070093, org.assertj.core.data.Percentage.withPercentage(5e-13));
        assertThat(ParametricDivergences.klDivergence(Gumbel.of(2, 3), Gumbel.of(1, 0.5)).value())
                .isCloseTo(99.53572278564074, org.assertj.core.data.Percentage.withPercentage(5e-13));
    }

    @Test
    void aLowRankCovarianceWhoseProductOverflowsIsFactoredScaled() {
        // W Wᵀ overflowed for cov_factor 1e155 and the answer was NaN (issue 17, item 5). Σp = diag(1e310 + 1, 1),
        // Σq = diag(4e310 + 1, 1), means 1 apart along the first axis: KL = ½(1/4 + 1 − 2 + ln 4) to 1e-300. The
        // log-determinants (about 714 each) leave an absolute error of a few ulps of 714, so 1e-14 here
        MultivariateNormal p = MultivariateNormal.ofLowRank(new double[] {0, 0}, new double[] {1e155, 0},
                new double[] {1, 1}, 1);
        MultivariateNormal q = MultivariateNormal.ofLowRank(new double[] {1, 0}, new double[] {2e155, 0},
                new double[] {1, 1}, 1);
        assertThat(ParametricDivergences.klDivergence(p, q).value()).isCloseTo(0.3181471805599453, within(1e-14));
        // and the tiny end, where W Wᵀ underflowed to 0: Σ = diag(1e-340 + 1e-300, 1e-300) both, means equal
        MultivariateNormal tiny = MultivariateNormal.ofLowRank(new double[] {0, 0}, new double[] {1e-170, 0},
                new double[] {1e-300, 1e-300}, 1);
        MultivariateNormal tinier = MultivariateNormal.ofLowRank(new double[] {0, 0}, new double[] {1e-150, 0},
                new double[] {1e-300, 1e-300}, 1);
        // Σq11 = 1e-300 + 1e-300 = 2e-300 against Σp11 = 1e-300 (+1e-340): ½(1/2 − 1 + ln 2)
        assertThat(ParametricDivergences.klDivergence(tiny, tinier).value())
                .isCloseTo(0.5 * (0.5 - 1 + Math.log(2)), within(1e-14));
    }

    static Stream<Arguments> overflowing() {
        // true values about e^1381 / 2, 1e600, e^1381 − 1381 and 4e2567: finite, beyond the largest double
        return Stream.of(
                Arguments.of("Normal(0, 1e300) ‖ Normal(0, 1e-300)", Normal.of(0, 1e300), Normal.of(0, 1e-300)),
                Arguments.of("Exponential(1e-300) ‖ Exponential(1e300)", Exponential.of(1e-300),
                        Exponential.of(1e300)),
                Arguments.of("Laplace(0, 1e300) ‖ Laplace(0, 1e-300)", Laplace.of(0, 1e300), Laplace.of(0, 1e-300)),
                // about 4e2567 (issue 17, item 7: it was Infinity without a word)
                Arguments.of("Gumbel(0, 10) ‖ Gumbel(0, 0.01)", Gumbel.of(0, 10), Gumbel.of(0, 0.01)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overflowing")
    void aFiniteKlBeyondTheLargestDoubleIsInfinityWithAWarningNeverNaN(String name, Distribution p,
            Distribution q) {
        ClosedForm kl = ParametricDivergences.klDivergence(p, q);
        assertThat(kl.value()).as(name).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(kl.notes()).as(name).containsExactly(ParametricDivergences.OVERFLOW_NOTE);
    }

    @org.junit.jupiter.api.Test
    void theWeibullNoteSaysWhatTorchDoes() {
        // torch 1.13: kl_divergence(Weibull(1, 2), Weibull(1, 2)) = 0, and NotImplementedError for (1, 2) vs (1.5, 0.7)
        assertThat(ParametricDivergences.klDivergence(Weibull.of(1, 2), Weibull.of(1, 2)).notes()).isEmpty();
        assertThat(ParametricDivergences.klDivergence(Weibull.of(1, 2), Weibull.of(1.5, 0.7)).notes())
                .singleElement().asString().contains("different parameters", "NotImplementedError");
    }

    @ParameterizedTest(name = "zeta({0}, {1})")
    @org.junit.jupiter.params.provider.CsvSource({"2, 0.5, 4.934802200544679", "2, 3.0, 0.39493406684822646",
        "2, 0.001, 1000001.6425331958", "3, 0.5, 8.41439832211716", "6, 2.5, 0.004821409821393196",
        "2, 1000000.0, 1.0000005000001667e-06"})
    void theHurwitzZetaIsWithinAFewUlpsOfMpmath(int k, double a, double expected) {
        assertThat(StableMath.hurwitzZeta(k, a)).isCloseTo(expected, within(4 * Math.ulp(expected)));
    }

    @org.junit.jupiter.api.Test
    void multivariateNormalsNearEachOtherKeepTheirRelativeAccuracy() {
        // issue 17, item 8: tr(Σq⁻¹Σp) − d − ln det left ≈ 1e-16 d absolute; mpmath at 60 digits on the doubles
        MultivariateNormal p = MultivariateNormal.ofCovariance(new double[] {0, 0}, new double[] {2, 0.5, 0.5, 1});
        MultivariateNormal q = MultivariateNormal.ofCovariance(new double[] {0, 0},
                new double[] {2, 0.5, 0.5, 1 + 1e-10});
        // from the inputs' exact difference, not the two Cholesky factors (which left 1e-6 relative)
        assertThat(ParametricDivergences.klDivergence(p, q).value()).isCloseTo(3.2653066622967115e-21,
                within(8 * Math.ulp(3.2653066622967115e-21)));
        double[] cov = {1, 0.2, 0, 0.2, 1, 0.1, 0, 0.1, 1};
        assertThat(ParametricDivergences.klDivergence(MultivariateNormal.ofCovariance(new double[] {0, 0, 0}, cov),
                MultivariateNormal.ofCovariance(new double[] {1e-9, 0, 0}, cov)).value())
                .isCloseTo(5.210526315789474e-19, within(8 * Math.ulp(5.210526315789474e-19)));
        // far apart: the trace and log-determinants, unchanged
        assertThat(ParametricDivergences.klDivergence(p, MultivariateNormal.ofCovariance(new double[] {1, -1},
                new double[] {1, 0.1, 0.1, 3})).value()).isCloseTo(1.124016090703486, within(1e-14));
    }

    @org.junit.jupiter.api.Test
    void wishartsNearEachOtherKeepTheirRelativeAccuracy() {
        double[] v = {2, 0.5, 0.5, 1};
        Wishart p = Wishart.ofCovariance(5, v, 2);
        // degrees of freedom 1e-9 apart: lnΓ₂ and ψ₂ regrouped into second-order parts, to a few ulps of mpmath
        assertThat(ParametricDivergences.klDivergence(p, Wishart.ofCovariance(5 + 1e-9, v, 2)).value())
                .isCloseTo(1.4191150133883532e-19, within(8 * Math.ulp(1.4191150133883532e-19)));
        // scales 1e-10 apart: from the inputs' exact difference (the Cholesky factors' rounding left 1e-6 relative)
        assertThat(ParametricDivergences.klDivergence(p, Wishart.ofCovariance(5, new double[] {2, 0.5, 0.5,
                1 + 1e-10}, 2)).value()).isCloseTo(1.6326533311483555e-20,
                within(8 * Math.ulp(1.6326533311483555e-20)));
        // far apart: unchanged
        assertThat(ParametricDivergences.klDivergence(p, Wishart.ofCovariance(7, new double[] {1, 0.2, 0.2, 3},
                2)).value()).isCloseTo(3.066247361335545, within(1e-14));
    }
}
