package dev.divergence.compute.parametric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded properties over random parameters of every univariate family: KL(p ‖ p) = 0, KL(p ‖ q) ≥ 0, and the
 * closed form lies within 5 Monte Carlo standard errors of a seeded estimate (false failure probability ≈ 6e-7
 * per pair, so ≈ 1e-4 over the whole run).
 */
class ParametricPropertyTest {

    private static final long SEED = 20261122L;

    /** Random members of each family, from a uniform variate source. */
    private static final List<Function<UniformRandomProvider, Univariate>> FAMILIES = List.of(
            r -> Normal.of(u(r, -2, 2), u(r, 0.3, 3)),
            r -> LogNormal.of(u(r, -1, 1), u(r, 0.2, 1.5)),
            r -> HalfNormal.of(u(r, 0.3, 3)),
            r -> Laplace.of(u(r, -2, 2), u(r, 0.3, 3)),
            r -> Gumbel.of(u(r, -2, 2), u(r, 0.3, 3)),
            r -> Cauchy.of(u(r, -2, 2), u(r, 0.3, 3)),
            r -> HalfCauchy.of(u(r, 0.3, 3)),
            r -> Exponential.of(u(r, 0.3, 3)),
            r -> Gamma.of(u(r, 0.5, 6), u(r, 0.3, 3)),
            r -> Gamma.chi2(u(r, 1, 8)),
            r -> Weibull.of(u(r, 0.5, 3), u(r, 0.6, 4)),
            r -> Beta.of(u(r, 0.6, 5), u(r, 0.6, 5)),
            r -> ContinuousBernoulli.ofProbs(u(r, 0.05, 0.95)),
            r -> Uniform.of(u(r, 0, 1), u(r, 1.5, 3)),
            r -> Pareto.of(u(r, 0.5, 2), u(r, 2.5, 6)),
            r -> StudentT.of(u(r, 3, 10), u(r, -1, 1), u(r, 0.5, 2)),
            r -> Bernoulli.ofProbs(u(r, 0.05, 0.95)),
            r -> Binomial.of(Math.floor(u(r, 1, 20)), Bernoulli.ofProbs(u(r, 0.05, 0.95))),
            r -> Geometric.of(Bernoulli.ofProbs(u(r, 0.1, 0.9))),
            r -> Poisson.of(u(r, 0.5, 20)),
            r -> Categorical.ofProbs(new double[] {u(r, 0.1, 1), u(r, 0.1, 1), u(r, 0.1, 1), u(r, 0.1, 1)}));

    private static double u(UniformRandomProvider r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    static Stream<Arguments> families() {
        return IntStream.range(0, FAMILIES.size()).mapToObj(i -> Arguments.of(
                FAMILIES.get(i).apply(RandomSource.SPLIT_MIX_64.create(1L)).family(), i));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void klOfADistributionWithItselfIsZero(String family, int index) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED + index);
        for (int trial = 0; trial < 50; trial++) {
            Univariate p = FAMILIES.get(index).apply(rng);
            ClosedForm c = ParametricDivergences.klDivergence(p, p);
            if (c != null) {
                // same-family forms cancel to a few ulps of the terms (≈ 1e-15 for these magnitudes)
                assertThat(c.value()).as(p.toString()).isBetween(0.0, 1e-13);
            }
        }
    }

    @ParameterizedTest(name = "{0} against every family")
    @MethodSource("families")
    void closedFormsAreNonNegativeAndAgreeWithMonteCarlo(String family, int index) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED * 31 + index);
        for (Function<UniformRandomProvider, Univariate> other : FAMILIES) {
            Univariate p = FAMILIES.get(index).apply(rng);
            Univariate q = other.apply(rng);
            ClosedForm c = ParametricDivergences.klDivergence(p, q);
            if (c == null) {
                continue;
            }
            assertThat(c.value()).as(p + " ‖ " + q).isGreaterThanOrEqualTo(0);
            MonteCarlo.Estimate e = MonteCarlo.klDivergence(p, q, 20_000, rng.nextLong());
            if (c.value() == Double.POSITIVE_INFINITY) {
                continue;
            }
            assertThat(e.value()).as(p + " ‖ " + q + ": a finite KL has no draw outside q's support").isFinite();
            if (p instanceof Cauchy || p instanceof HalfCauchy || p instanceof Pareto || p instanceof StudentT) {
                // heavy tails: the log-ratio's variance can be infinite, so the standard error is not reliable
                continue;
            }
            assertThat(Math.abs(e.value() - c.value())).as(p + " ‖ " + q + ": MC " + e.value() + " ± "
                    + e.standardError() + " vs " + c.value()).isLessThanOrEqualTo(5 * e.standardError() + 1e-12);
        }
    }
}
