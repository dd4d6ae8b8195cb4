package dev.divergence.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * KL, reverse KL and Jeffreys of near-identical distributions keep their relative accuracy. References: mpmath
 * 1.3.0 at {@code mp.dps = 50}, Σ P ln(P/Q) over exactly the doubles written here. Summing p ln(p/q) alone was off by
 * about Σp − Σq ≈ 1e-16 whatever the divergence, i.e. relatively by 1e2 to 1e11 in these cases.
 */
class NearIdenticalDistributionsTest {

    /** Inputs that sum to 1 exactly in binary: only the summation's rounding remains, a few ulps. */
    private static final double EXACT_REL = 1e-14;

    static Stream<Arguments> exactInputs() {
        return Stream.of(
                Arguments.of(new double[] {0.25, 0.25, 0.25, 0.25},
                        new double[] {0.25 + 0x1p-45, 0.25 - 0x1p-45, 0.25, 0.25},
                        3.231174267785264355e-27, 3.231174267785264355e-27),
                Arguments.of(new double[] {0.5, 0.5}, new double[] {0.5 + 0x1p-30, 0.5 - 0x1p-30},
                        1.7347234759768070974e-18, 1.7347234759768070954e-18),
                Arguments.of(new double[] {0.125, 0.125, 0.125, 0.125, 0.125, 0.125, 0.125, 0.125},
                        new double[] {0.125 + 0x1p-40, 0.125 - 0x1p-41, 0.125 - 0x1p-41, 0.125, 0.125, 0.125, 0.125,
                            0.125},
                        4.9630836753061289871e-24, 4.9630836753121475182e-24));
    }

    @ParameterizedTest
    @MethodSource("exactInputs")
    void divergencesOfNearIdenticalDistributionsAreAccurateToAFewUlps(double[] p, double[] q, double kl,
            double reverseKl) {
        DivergenceBundle b = DiscreteDivergences.inNats().bundle(p, q);
        assertThat(b.kl()).isCloseTo(kl, withinPercentage(100 * EXACT_REL));
        assertThat(b.reverseKl()).isCloseTo(reverseKl, withinPercentage(100 * EXACT_REL));
        assertThat(b.jeffreys()).isCloseTo(kl + reverseKl, withinPercentage(100 * EXACT_REL));
        assertThat(DiscreteDivergences.inNats().klDivergence(p, q)).isCloseTo(kl, withinPercentage(100 * EXACT_REL));
    }

    static Stream<Arguments> renyiCases() {
        double[] quarters = {0.25, 0.25, 0.25, 0.25};
        double[] shiftedQuarters = {0.25 + 0x1p-45, 0.25 - 0x1p-45, 0.25, 0.25};
        double[] halves = {0.5, 0.5};
        double[] shiftedHalves = {0.5 + 0x1p-30, 0.5 - 0x1p-30};
        return Stream.of(
                // D_α = ln(Σ p^α q^(1−α))/(α − 1), mpmath at 50 digits
                Arguments.of(quarters, shiftedQuarters, 0.5, 1.6155871338926321775e-27),
                Arguments.of(quarters, shiftedQuarters, 2.0, 6.4623485355705287099e-27),
                Arguments.of(halves, shiftedHalves, 0.5, 8.6736173798840354833e-19),
                Arguments.of(halves, shiftedHalves, 2.0, 3.4694469519536141948e-18));
    }

    /**
     * Rényi divergences near α = 1 share KL's first-order cancellation. The sum removes it too; its terms
     * p expm1((1 − α) ln(q/p)) − (1 − α)(q − p) still cancel to their second-order part, which costs a relative
     * error of about ε/|ln(q/p)| (here 2⁻⁵³/2⁻⁴³ ≈ 1e-3 at worst); the old sum was off by the whole of
     * (1 − α)(Σq − Σp) or more.
     */
    @ParameterizedTest
    @MethodSource("renyiCases")
    void renyiDivergencesOfNearIdenticalDistributionsKeepTheirLeadingDigits(double[] p, double[] q, double alpha,
            double expected) {
        assertThat(DiscreteDivergences.inNats().renyiDivergence(p, q, alpha))
                .isCloseTo(expected, withinPercentage(0.1));
    }

    /**
     * The inputs of issue 17, decimal and normalized in float64 as the service normalizes them; the reference is
     * the divergence of the exactly normalized decimals' doubles (true KL 5.714285268845879e-20, reverse
     * 5.714285270478532e-20). Rounding the normalized probabilities moves each |p − q| ≈ 1e-10 by up to ~3e-17, so
     * these divergences, quadratic in p − q, by up to ~6e-7 relatively: that is the tolerance. The old sum was
     * 1.39e-17 for KL and 0.0 for reverse KL.
     */
    @org.junit.jupiter.api.Test
    void theNormalizedDecimalsOfTheAttackAreAccurateToTheirRounding() {
        double[] p = {0.1, 0.2, 0.7};
        double[] q = {0.1000000001, 0.2, 0.6999999999};
        ProbabilityVectors.normalizeInPlace(p, "p");
        ProbabilityVectors.normalizeInPlace(q, "q");
        DivergenceBundle b = DiscreteDivergences.inNats().bundle(p, q);
        assertThat(b.kl()).isCloseTo(5.7142852688458788389e-20, withinPercentage(6e-5));
        assertThat(b.reverseKl()).isCloseTo(5.7142852704785316891e-20, withinPercentage(6e-5));
        assertThat(b.jeffreys()).isCloseTo(b.psi(), withinPercentage(6e-5));
        // Rényi of orders ½ and 2 (mpmath, the same exactly normalized inputs); the quadratic part of each term
        // is computed from its cancellation (see above), so 1e-3 relative
        assertThat(DiscreteDivergences.inNats().renyiDivergence(p, q, 0.5))
                .isCloseTo(2.857142634831102632e-20, withinPercentage(0.1));
        assertThat(DiscreteDivergences.inNats().renyiDivergence(p, q, 2.0))
                .isCloseTo(1.1428570534426451978e-19, withinPercentage(0.1));
    }
}
