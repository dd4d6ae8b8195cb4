package dev.divergence.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded property checks over random distributions (Commons RNG, XO_RO_SHI_RO_128_PP): 200 pairs per
 * property, dimensions 1 to 200, some entries exactly zero, some pairs nearly identical.
 */
class DiscreteDivergencesPropertyTest {

    private static final DiscreteDivergences NATS = DiscreteDivergences.inNats();
    private static final long SEED = 20261122L;
    private static final int PAIRS = 200;

    record Pair(double[] p, double[] q) {
        @Override
        public String toString() {
            return "n=" + p.length;
        }
    }

    static Stream<Pair> pairs() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        return Stream.generate(() -> {
            int n = 1 + rng.nextInt(200);
            double[] p = randomDistribution(rng, n);
            double[] q = rng.nextInt(4) == 0 ? perturbed(rng, p) : randomDistribution(rng, n);
            return new Pair(p, q);
        }).limit(PAIRS);
    }

    /** Flat Dirichlet draw (normalized exponentials), with about one entry in ten set to exactly 0. */
    private static double[] randomDistribution(UniformRandomProvider rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextInt(10) == 0 && n > 1 ? 0 : -Math.log(1 - rng.nextDouble());
        }
        if (ProbabilityVectors.sum(v) == 0) {
            v[0] = 1;
        }
        ProbabilityVectors.normalizeInPlace(v, "p");
        return v;
    }

    private static double[] perturbed(UniformRandomProvider rng, double[] p) {
        double[] q = p.clone();
        for (int i = 0; i < q.length; i++) {
            q[i] *= 1 + 1e-6 * (rng.nextDouble() - 0.5);
        }
        ProbabilityVectors.normalizeInPlace(q, "q");
        return q;
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void klIsNonNegativeAndZeroAgainstItself(Pair pair) {
        assertThat(NATS.klDivergence(pair.p(), pair.q())).isGreaterThanOrEqualTo(0);
        assertThat(NATS.klDivergence(pair.p(), pair.p())).isZero();
        assertThat(NATS.bundle(pair.p(), pair.p()).jensenShannon()).isZero();
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void crossEntropyIsEntropyPlusKl(Pair pair) {
        DivergenceBundle b = NATS.bundle(pair.p(), pair.q());
        if (Double.isFinite(b.kl())) {
            // three compensated sums of magnitude ≤ ln n + KL: a few ulps of the largest
            assertThat(b.crossEntropy()).isCloseTo(b.entropyP() + b.kl(), within(1e-13 * (1 + b.crossEntropy())));
        } else {
            assertThat(b.crossEntropy()).isEqualTo(Double.POSITIVE_INFINITY);
        }
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void jensenShannonIsBoundedByLn2AndSymmetric(Pair pair) {
        DivergenceBundle pq = NATS.bundle(pair.p(), pair.q());
        DivergenceBundle qp = NATS.bundle(pair.q(), pair.p());
        assertThat(pq.jensenShannon()).isBetween(0.0, Math.log(2));
        assertThat(pq.jensenShannon()).isCloseTo(qp.jensenShannon(), within(1e-15));
        assertThat(pq.totalVariation()).isCloseTo(qp.totalVariation(), within(1e-15));
        assertThat(pq.hellinger()).isCloseTo(qp.hellinger(), within(1e-15));
        assertThat(pq.bhattacharyya()).isCloseTo(qp.bhattacharyya(), within(1e-14));
        assertThat(pq.jeffreys()).isCloseTo(qp.jeffreys(), within(1e-15 + 1e-12 * pq.jeffreys()));
        assertThat(pq.psi()).isCloseTo(pq.jeffreys(), within(1e-12 * (1 + pq.jeffreys())));
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void pinskerBoundsTotalVariationByKl(Pair pair) {
        DivergenceBundle b = NATS.bundle(pair.p(), pair.q());
        // Pinsker: TV ≤ √(KL/2); the slack covers rounding when both are ~1e-7
        assertThat(b.totalVariation()).isLessThanOrEqualTo(Math.sqrt(b.kl() / 2) * (1 + 1e-9) + 1e-15);
        assertThat(b.hellinger()).isBetween(0.0, 1.0);
        assertThat(b.totalVariation()).isBetween(0.0, 1.0);
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void renyiApproachesKlAsOrderTendsToOneAndGrowsWithOrder(Pair pair) {
        double kl = NATS.klDivergence(pair.p(), pair.q());
        if (Double.isFinite(kl)) {
            // dD_α/dα at α = 1 is finite: an offset of 1e-6 moves D by about 1e-6 × (variance of the log ratio)
            assertThat(NATS.renyiDivergence(pair.p(), pair.q(), 1 - 1e-6)).isCloseTo(kl, within(1e-4 * (kl + 1e-12)));
            assertThat(NATS.renyiDivergence(pair.p(), pair.q(), 1 + 1e-6)).isCloseTo(kl, within(1e-4 * (kl + 1e-12)));
        }
        // D_α is non-decreasing in α (van Erven and Harremoës 2014, Theorem 3)
        double previous = 0;
        for (double alpha : new double[] {0.1, 0.5, 0.9, 2, 5}) {
            double d = NATS.renyiDivergence(pair.p(), pair.q(), alpha);
            assertThat(d).isGreaterThanOrEqualTo(previous * (1 - 1e-12));
            previous = d;
        }
    }
}
