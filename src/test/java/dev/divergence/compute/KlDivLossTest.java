package dev.divergence.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KlDivLossTest {

    /** Row-wise log_softmax and softmax of the published examples, evaluated here. */
    private static double[] logSoftmax(double... v) {
        double lse = Math.log(Math.exp(v[0]) + Math.exp(v[1]));
        return new double[] {v[0] - lse, v[1] - lse};
    }

    @Test
    void reproducesThePublishedTwoRowExample() {
        // torch docs: x = log_softmax([[1, 2], [3, 4]]), y = softmax([[0.1, 0.2], [0.3, 0.4]]);
        // published mean 0.0482 and sum 0.1928 (golden README: 0.0481918793…, 0.1927675174…);
        // within 1e-10 because the reference values are truncated after 10 decimals
        double[] x = concat(logSoftmax(1, 2), logSoftmax(3, 4));
        double[] y = concat(softmax(0.1, 0.2), softmax(0.3, 0.4));
        double[] losses = KlDivLoss.pointwise(x, y, false);
        assertThat(KlDivLoss.reduce(losses, 2, KlDivLoss.Reduction.SUM)).isCloseTo(0.1927675174, within(1e-10));
        assertThat(KlDivLoss.reduce(losses, 2, KlDivLoss.Reduction.MEAN)).isCloseTo(0.0481918793, within(1e-10));
        assertThat(KlDivLoss.reduce(losses, 2, KlDivLoss.Reduction.BATCHMEAN)).isCloseTo(0.1927675174 / 2, within(1e-10));
    }

    @Test
    void batchmeanOfOneRowIsTheKlDivergenceOfTargetFromExpInput() {
        // torch docs: log_softmax([[0.8, 0.15, 0.05]]) vs [[0.7, 0.2, 0.1]], batchmean 0.0935 (0.0935308827…,
        // truncated after 10 decimals: hence 1e-10); the identities below hold to a few ulps (1e-15)
        double[] z = {0.8, 0.15, 0.05};
        double lse = Math.log(Math.exp(z[0]) + Math.exp(z[1]) + Math.exp(z[2]));
        double[] input = {z[0] - lse, z[1] - lse, z[2] - lse};
        double[] target = {0.7, 0.2, 0.1};
        double loss = KlDivLoss.reduce(KlDivLoss.pointwise(input, target, false), 1, KlDivLoss.Reduction.BATCHMEAN);
        assertThat(loss).isCloseTo(0.0935308827, within(1e-10));
        double[] q = {Math.exp(input[0]), Math.exp(input[1]), Math.exp(input[2])};
        assertThat(loss).isCloseTo(DiscreteDivergences.inNats().klDivergence(target, q), within(1e-15));
        double[] logTarget = {Math.log(0.7), Math.log(0.2), Math.log(0.1)};
        assertThat(KlDivLoss.reduce(KlDivLoss.pointwise(input, logTarget, true), 1, KlDivLoss.Reduction.BATCHMEAN))
                .isCloseTo(loss, within(1e-15));
    }

    @Test
    void zeroTargetContributesZeroEvenAgainstMinusInfinity() {
        double[] losses = KlDivLoss.pointwise(new double[] {Double.NEGATIVE_INFINITY, 0}, new double[] {0, 1}, false);
        assertThat(losses).containsExactly(0.0, 0.0);
        double[] logTarget = KlDivLoss.pointwise(new double[] {Double.NEGATIVE_INFINITY}, new double[] {Double.NEGATIVE_INFINITY}, true);
        assertThat(logTarget).containsExactly(0.0);
        assertThat(KlDivLoss.pointwise(new double[] {Double.NEGATIVE_INFINITY}, new double[] {0.5}, false))
                .containsExactly(Double.POSITIVE_INFINITY);
    }

    @Test
    void invalidValuesAreRejectedWithTheirIndex() {
        assertThatThrownBy(() -> KlDivLoss.pointwise(new double[] {0, 0}, new double[] {0.5, -0.5}, false))
                .isInstanceOf(InvalidDistributionException.class).extracting("index").isEqualTo(1);
        assertThatThrownBy(() -> KlDivLoss.pointwise(new double[] {Double.NaN}, new double[] {1}, false))
                .isInstanceOf(InvalidDistributionException.class).extracting("argument").isEqualTo("input");
        assertThatThrownBy(() -> KlDivLoss.reduce(new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}, 1,
                KlDivLoss.Reduction.SUM)).isInstanceOf(ArithmeticException.class);
    }

    private static double[] softmax(double a, double b) {
        double[] l = logSoftmax(a, b);
        return new double[] {Math.exp(l[0]), Math.exp(l[1])};
    }

    private static double[] concat(double[] a, double[] b) {
        return new double[] {a[0], a[1], b[0], b[1]};
    }

    @Test
    void overflowsGiveTheirLimitsNotNaN() {
        // e^t · (t − x) with t = x beyond e's range: ∞ · 0 in floating point, 0 in value (was NaN)
        assertThat(KlDivLoss.pointwise(new double[] {1e300}, new double[] {1e300}, true)).containsExactly(0.0);
        // finite losses whose sum passes the largest double: +∞, not the compensation's NaN
        double[] losses = KlDivLoss.pointwise(new double[] {-1.7e308, -1.7e308}, new double[] {1, 1}, false);
        assertThat(losses).containsExactly(1.7e308, 1.7e308);
        assertThat(KlDivLoss.reduce(losses, 2, KlDivLoss.Reduction.SUM)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(KlDivLoss.reduce(new double[] {1.7e308, -1.7e308, 1.7e308}, 3, KlDivLoss.Reduction.SUM))
                .isEqualTo(1.7e308);
        // both infinities: undefined, refused (the service answers 400 invalid-distribution)
        assertThatThrownBy(() -> KlDivLoss.reduce(new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY},
                2, KlDivLoss.Reduction.SUM)).isInstanceOf(ArithmeticException.class);
    }
}
