package dev.divergence.compute.parametric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every closed form against an independent reference: numerical integration of p (ln p − ln q) over p's
 * support ({@link Quadrature}), or direct summation of the mass functions. The references use only the
 * families' log-densities (Commons Statistics, or the few written here), never the closed-form code.
 */
class ClosedFormVersusQuadratureTest {

    /** The graded quadrature reaches ≈ 1e-12 relative here; the tolerance is the golden corpus's. */
    private static final double REL = 1e-8;
    private static final double ABS = 1e-10;

    static Stream<Arguments> continuousPairs() {
        return Stream.of(
                // same family
                pair(Normal.of(0.3, 0.7), Normal.of(-1, 2), 0, 1),
                pair(LogNormal.of(0.2, 0.5), LogNormal.of(-0.3, 0.9), 1, 1),
                pair(HalfNormal.of(0.7), HalfNormal.of(1.9), 0, 1),
                pair(Laplace.of(0.3, 0.7), Laplace.of(-1, 2), 0, 1),
                pair(Gumbel.of(0.5, 0.8), Gumbel.of(-0.3, 1.2), 0, 1),
                pair(Cauchy.of(0, 1), Cauchy.of(1, 2), 0, 1),
                pair(HalfCauchy.of(0.5), HalfCauchy.of(2), 0, 1),
                pair(Exponential.of(0.5), Exponential.of(2), 0, 1),
                pair(Gamma.of(2.5, 1.5), Gamma.of(0.7, 0.4), 0, 2),
                pair(Gamma.chi2(3), Gamma.chi2(5), 0, 3),
                pair(Weibull.of(1.3, 0.8), Weibull.of(2, 1.7), 0, 1),
                // singular at x = 0 only: near x = 1 the grid cannot resolve 1 − x below one ulp of 1 (the golden
                // corpus covers Beta(0.5, 0.5))
                pair(Beta.of(0.5, 1.5), Beta.of(2, 3), 0, 1),
                pair(ContinuousBernoulli.ofProbs(0.2), ContinuousBernoulli.ofProbs(0.9), 0, 1),
                pair(ContinuousBernoulli.ofProbs(0.5001), ContinuousBernoulli.ofProbs(0.3), 0, 1),
                pair(Uniform.of(0.2, 0.9), Uniform.of(-1, 2), 0, 1),
                pair(Pareto.of(1.5, 2.5), Pareto.of(1, 1.2), 0, 1),
                // torch's cross-family rules
                pair(Beta.of(0.5, 1.5), ContinuousBernoulli.ofProbs(0.7), 0, 1),
                pair(Beta.of(2, 3), Exponential.of(1.5), 0, 1),
                pair(Beta.of(2, 3), Gamma.of(2, 1), 0, 1),
                pair(Beta.of(2, 3), Normal.of(0.5, 0.2), 0, 1),
                pair(Beta.of(0.7, 1.3), Uniform.of(-1, 2), 0, 1),
                pair(ContinuousBernoulli.ofProbs(0.3), Exponential.of(2), 0, 1),
                pair(ContinuousBernoulli.ofProbs(0.8), Normal.of(0.2, 0.5), 0, 1),
                pair(ContinuousBernoulli.ofProbs(0.8), Uniform.of(0, 1), 0, 1),
                pair(Exponential.of(1.3), Gamma.of(2, 0.5), 0, 1),
                pair(Exponential.of(1), Gumbel.of(0.5, 1.5), 0, 1),
                pair(Exponential.of(2), Normal.of(0, 1), 0, 1),
                pair(Gamma.of(3, 2), Exponential.of(0.5), 0, 1),
                pair(Gamma.of(2.5, 1.5), Gumbel.of(1, 2), 0, 1),
                pair(Gamma.of(2, 1), Normal.of(2, 1.5), 0, 2),
                pair(Gumbel.of(0.5, 0.8), Normal.of(-0.3, 1.2), 0, 1),
                pair(Laplace.of(0.4, 1.1), Normal.of(0, 1), 0, 1),
                pair(Normal.of(0.5, 0.8), Gumbel.of(-0.3, 1.2), 0, 1),
                pair(Normal.of(0.5, 0.8), Laplace.of(-0.3, 1.2), 0, 1),
                pair(Pareto.of(2, 1.5), Exponential.of(0.5), 0, 2),
                pair(Pareto.of(2, 1.5), Gamma.of(2, 0.5), 0, 2),
                pair(Pareto.of(0.5, 5), Normal.of(0, 1), 0, 1),
                pair(Uniform.of(0, 0.5), Beta.of(2, 3), 0, 1),
                pair(Uniform.of(0, 1), ContinuousBernoulli.ofProbs(0.3), 0, 1),
                pair(Uniform.of(0.5, 2), Exponential.of(1), 0, 1),
                pair(Uniform.of(0.5, 2), Gamma.of(2, 1), 0, 1),
                pair(Uniform.of(-1, 2), Gumbel.of(0, 1.5), 0, 1),
                pair(Uniform.of(0, 1), Normal.of(0, 1), 0, 1),
                pair(Uniform.of(1, 3), Pareto.of(0.5, 2), 0, 1),
                // beyond torch
                pair(LogNormal.of(0.1, 0.4), Gamma.of(3, 2), 1, 1),
                pair(LogNormal.of(0.1, 0.4), Weibull.of(1.2, 2), 1, 1),
                pair(LogNormal.of(0.1, 0.4), Exponential.of(0.8), 1, 1),
                pair(LogNormal.of(0.1, 0.4), Laplace.of(1, 0.7), 1, 1),
                pair(Gamma.of(3, 2), LogNormal.of(0.3, 0.6), 1, 1),
                pair(Gamma.of(3, 2), Weibull.of(1.5, 1.5), 1, 1),
                pair(Weibull.of(1.5, 1.5), Gamma.of(3, 2), 1, 1),
                pair(Weibull.of(1.5, 2.5), LogNormal.of(0.2, 0.5), 1, 1),
                pair(Weibull.of(1.5, 2.5), Laplace.of(1, 0.5), 1, 1),
                pair(Exponential.of(1.5), Weibull.of(0.8, 1.3), 0, 1),
                pair(Weibull.of(0.8, 1.3), Exponential.of(1.5), 0, 1),
                pair(HalfNormal.of(1.2), Exponential.of(0.9), 0, 1),
                pair(Exponential.of(0.9), HalfNormal.of(1.2), 0, 1),
                pair(HalfNormal.of(1.2), Gamma.of(1.5, 1), 0, 1),
                pair(HalfNormal.of(1.2), LogNormal.of(0, 1), 0, 1),
                pair(HalfNormal.of(1.2), Laplace.of(0.5, 1), 0, 1),
                pair(HalfNormal.of(1.2), Gumbel.of(0.5, 1), 0, 1),
                pair(Uniform.of(-0.5, 1.5), Laplace.of(0.2, 0.8), 0, 1),
                pair(Uniform.of(-0.5, 1.5), Cauchy.of(0.2, 0.8), 0, 1),
                pair(Uniform.of(0.5, 1.5), HalfCauchy.of(0.8), 0, 1),
                pair(Uniform.of(0.5, 1.5), LogNormal.of(0, 0.5), 0, 1),
                pair(Uniform.of(0.5, 1.5), Weibull.of(1, 2), 0, 1),
                pair(Exponential.of(0.7), Laplace.of(1, 2), 0, 1),
                pair(Gamma.of(2.5, 1.5), Laplace.of(1, 2), 0, 1),
                pair(Beta.of(2, 3), Laplace.of(0.3, 0.5), 0, 1),
                pair(Beta.of(2, 3), LogNormal.of(-1, 0.7), 0, 1),
                pair(Beta.of(2, 3), Weibull.of(0.5, 1.8), 0, 1),
                pair(Pareto.of(1, 3), Laplace.of(1, 2), 0, 1),
                pair(Pareto.of(1, 3), LogNormal.of(0.5, 1), 0, 1),
                pair(HalfCauchy.of(1), LogNormal.of(0, 1.5), 0, 1),
                pair(Laplace.of(0.2, 0.6), Gumbel.of(0, 1), 0, 1),
                pair(ContinuousBernoulli.ofProbs(0.7), Gumbel.of(0.3, 0.5), 0, 1),
                pair(StudentT.of(5, 0.3, 1.2), Normal.of(0, 1.5), 0, 1));
    }

    private static Arguments pair(Univariate p, Univariate q, double center, double scale) {
        return Arguments.of(p.family() + " ‖ " + q.family(), p, q, center, scale);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("continuousPairs")
    void closedFormMatchesNumericalIntegration(String name, Univariate p, Univariate q, double center, double scale) {
        ClosedForm closed = ParametricDivergences.klDivergence(p, q);
        assertThat(closed).as(name + " has a closed form").isNotNull();
        double reference = Quadrature.klDivergence(p, q, center, scale);
        assertThat(Math.abs(closed.value() - reference)).as(name + ": " + closed.value() + " vs " + reference)
                .isLessThanOrEqualTo(ABS + REL * Math.abs(reference));
    }

    static Stream<Arguments> discretePairs() {
        return Stream.of(
                pair(Bernoulli.ofProbs(0.3), Bernoulli.ofProbs(0.8), 0, 1),
                pair(Bernoulli.ofLogits(-30), Bernoulli.ofLogits(2), 0, 1),
                pair(Binomial.of(10, Bernoulli.ofProbs(0.3)), Binomial.of(10, Bernoulli.ofProbs(0.45)), 0, 1),
                pair(Binomial.of(8, Bernoulli.ofProbs(0.3)), Binomial.of(12, Bernoulli.ofProbs(0.45)), 0, 1),
                pair(Geometric.of(Bernoulli.ofProbs(0.3)), Geometric.of(Bernoulli.ofProbs(0.6)), 0, 1),
                pair(Poisson.of(3.5), Poisson.of(5), 0, 1),
                pair(Poisson.of(100), Poisson.of(90), 0, 1),
                pair(Categorical.ofProbs(new double[] {1, 2, 3, 0}), Categorical.ofLogits(new double[] {0, 1, -1, 2}), 0, 1),
                pair(Bernoulli.ofProbs(0.3), Poisson.of(2), 0, 1),
                pair(Binomial.of(6, Bernoulli.ofProbs(0.4)), Poisson.of(2.2), 0, 1),
                pair(Categorical.ofProbs(new double[] {0.2, 0.5, 0.3}), Binomial.of(2, Bernoulli.ofProbs(0.6)), 0, 1),
                pair(Binomial.of(6, Bernoulli.ofProbs(0.4)), Geometric.of(Bernoulli.ofProbs(0.3)), 0, 1),
                pair(Poisson.of(2.5), Geometric.of(Bernoulli.ofProbs(0.3)), 0, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("discretePairs")
    void closedFormMatchesDirectSummation(String name, Univariate p, Univariate q, double center, double scale) {
        ClosedForm closed = ParametricDivergences.klDivergence(p, q);
        double reference = Quadrature.sum(p, q);
        if (closed == null) {
            // Poisson's entropy is a series without a closed form: the pair is left to Monte Carlo
            assertThat(p).isInstanceOf(Poisson.class);
            return;
        }
        assertThat(Math.abs(closed.value() - reference)).as(name + ": " + closed.value() + " vs " + reference)
                .isLessThanOrEqualTo(ABS + REL * Math.abs(reference));
    }

    static Stream<Arguments> infinitePairs() {
        return Stream.of(
                pair(Normal.of(0, 1), Exponential.of(1), 0, 1),
                pair(Gamma.of(2, 1), Uniform.of(0, 5), 0, 1),
                pair(Laplace.of(0, 1), Beta.of(2, 2), 0, 1),
                pair(Uniform.of(-1, 1), Gamma.of(2, 1), 0, 1),
                pair(Uniform.of(0.5, 3), Pareto.of(1, 2), 0, 1),
                pair(Pareto.of(1, 1), Exponential.of(1), 0, 1),
                pair(Pareto.of(1, 0.8), Gamma.of(2, 1), 0, 1),
                pair(Pareto.of(1, 1.5), Normal.of(0, 1), 0, 1),
                pair(Cauchy.of(0, 1), Normal.of(0, 1), 0, 1),
                pair(Cauchy.of(0, 1), Laplace.of(0, 1), 0, 1),
                pair(HalfCauchy.of(1), Exponential.of(1), 0, 1),
                pair(Poisson.of(2), Binomial.of(5, Bernoulli.ofProbs(0.5)), 0, 1),
                pair(Binomial.of(12, Bernoulli.ofProbs(0.4)), Binomial.of(10, Bernoulli.ofProbs(0.4)), 0, 1),
                pair(Bernoulli.ofProbs(0.2), Bernoulli.ofProbs(0), 0, 1),
                pair(Poisson.of(2), Normal.of(2, 1), 0, 1),
                pair(Normal.of(2, 1), Poisson.of(2), 0, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("infinitePairs")
    void infiniteBySupportOrDivergentMoment(String name, Univariate p, Univariate q, double center, double scale) {
        ClosedForm closed = ParametricDivergences.klDivergence(p, q);
        assertThat(closed.value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(closed.notes()).as("says why").isNotEmpty();
    }
}
