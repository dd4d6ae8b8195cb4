package dev.divergence.compute.estimators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.divergence.GoldenCorpus;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The k-NN estimator against the golden corpus (scipy cKDTree on the stored samples) and brute force. */
class KnnDivergenceTest {

    /** Brute force and the estimator add the same few hundred logarithms in a different order (and the estimator
     * compensates its sum): the results differ by rounding, far below 1e-12. */
    private static final double SUM_ORDER = 1e-12;

    static Stream<Arguments> continuousCases() {
        return GoldenCorpus.cases("samples.jsonl").stream()
                .filter(c -> "continuous".equals(c.get("input").get("type").asString()))
                .map(c -> Arguments.of(c.get("id").asString(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("continuousCases")
    void reproducesTheCorpusValuesForKOneAndFive(String id, JsonNode goldenCase) {
        Sample x = Sample.of(goldenCase.get("input").get("x"));
        Sample y = Sample.of(goldenCase.get("input").get("y"));
        for (int k : new int[] {1, 5}) {
            KnnDivergence.Estimate e = KnnDivergence.estimate(x.values, x.n, y.values, y.n, x.d, k);
            GoldenCorpus.assertWithin(goldenCase, "knn_k" + k, e.value());
            assertThat(e.pointsWithTies()).isZero();
        }
    }

    @Test
    void kdTreeAgreesWithBruteForceInThreeDimensions() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = 300;
        int m = 250;
        int d = 3;
        double[] x = new double[n * d];
        double[] y = new double[m * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = g.sample();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = 0.5 + 1.3 * g.sample();
        }
        for (int k : new int[] {1, 3, 10}) {
            double brute = bruteForce(x, n, y, m, d, k);
            assertThat(KnnDivergence.estimate(x, n, y, m, d, k).value()).isCloseTo(brute,
                    org.assertj.core.data.Offset.offset(SUM_ORDER));
        }
    }

    @Test
    void oneDimensionalPathAgreesWithBruteForce() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(8L);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] x = new double[400];
        double[] y = new double[300];
        for (int i = 0; i < x.length; i++) {
            x[i] = g.sample();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = 1 + 0.7 * g.sample();
        }
        for (int k : new int[] {1, 4}) {
            assertThat(KnnDivergence.estimate(x, 400, y, 300, 1, k).value()).isCloseTo(
                    bruteForce(x, 400, y, 300, 1, k), org.assertj.core.data.Offset.offset(SUM_ORDER));
        }
    }

    @Test
    void duplicatePointsAreSkippedAndCountedInsteadOfGivingInfinity() {
        double[] x = {0, 0, 1, 2, 3, 3, 4};
        double[] y = {0, 0.5, 1.5, 2.5, 3.5};
        KnnDivergence.Estimate e = KnnDivergence.estimate(x, 7, y, 5, 1, 1);
        assertThat(e.value()).isFinite();
        // x = 0 (twice: a duplicate and a y), x = 3 (twice)
        assertThat(e.pointsWithTies()).isEqualTo(4);
        // the same points in 2-D (second coordinate 0) go through the k-d tree and must agree
        double[] x2 = new double[14];
        double[] y2 = new double[10];
        for (int i = 0; i < 7; i++) {
            x2[2 * i] = x[i];
        }
        for (int i = 0; i < 5; i++) {
            y2[2 * i] = y[i];
        }
        KnnDivergence.Estimate e2 = KnnDivergence.estimate(x2, 7, y2, 5, 2, 1);
        // d = 2 doubles the distance term: (2/n) Σ vs (1/n) Σ
        assertThat(e2.pointsWithTies()).isEqualTo(4);
        double half = e.value() - Math.log(5.0 / 6);
        assertThat(e2.value() - Math.log(5.0 / 6)).isCloseTo(2 * half, org.assertj.core.data.Offset.offset(SUM_ORDER));
    }

    @Test
    void kMustLeaveEnoughNeighbours() {
        assertThatThrownBy(() -> KnnDivergence.estimate(new double[] {1, 2, 3}, 3, new double[] {1, 2}, 2, 1, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k must be");
        assertThatThrownBy(() -> KnnDivergence.estimate(new double[] {1, 1, 1}, 3, new double[] {1, 2}, 2, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("identical");
    }

    /** Brute force over all pairs, skipping zero distances like the estimator. */
    private static double bruteForce(double[] x, int n, double[] y, int m, int d, int k) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.log(kth(x, n, x, i, d, k)) - Math.log(kth(y, m, x, i, d, k));
        }
        return -(double) d / n * sum + Math.log((double) m / (n - 1));
    }

    private static double kth(double[] pts, int count, double[] q, int qi, int d, int k) {
        double[] dist = new double[count];
        int c = 0;
        for (int j = 0; j < count; j++) {
            double s = 0;
            for (int t = 0; t < d; t++) {
                double diff = pts[j * d + t] - q[qi * d + t];
                s += diff * diff;
            }
            if (s > 0) {
                dist[c++] = Math.sqrt(s);
            }
        }
        java.util.Arrays.sort(dist, 0, c);
        return dist[k - 1];
    }

    /** A sample read from the corpus: numbers (1-D) or rows of numbers. */
    record Sample(double[] values, int n, int d) {
        static Sample of(JsonNode array) {
            int n = array.size();
            if (!array.get(0).isArray()) {
                return new Sample(GoldenCorpus.numbers(array), n, 1);
            }
            int d = array.get(0).size();
            double[] v = new double[n * d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    v[i * d + j] = array.get(i).get(j).doubleValue();
                }
            }
            return new Sample(v, n, d);
        }
    }
}
