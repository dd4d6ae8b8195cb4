package dev.divergence.compute.estimators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bin edges against numpy 2.4.6: {@code numpy.histogram_bin_edges(DATA, bins=rule)}, {@code numpy.percentile} and
 * {@code numpy.histogram}, evaluated on the fixed sample below (60 values: 37 normal, 23 exponential, rounded to
 * 4 decimals). Edges agree to a few ulps: both compute min + i·(max − min)/bins.
 */
class BinEdgesTest {

    /** Both compute min + i·(max − min)/bins; numpy's arange times step may differ by an ulp of values ~1. */
    private static final double LINSPACE = 1e-15;

    static final double[] DATA = {-0.8019, -1.3244, -0.2484, 0.4204, 1.136, 0.1097, -0.5526, -0.7848, 0.7487, 1.6348,
        0.2728, -1.2333, -0.9583, 1.6, 0.2029, -1.7321, -0.0837, -1.1632, -0.6293, -0.488, -0.7133, 0.5534, -0.0631,
        -0.5894, 0.4096, 0.8299, -1.643, -0.2567, -0.9807, -0.1732, -1.2894, 0.0207, -0.0379, -0.3043, -1.0479,
        -0.3962, -1.0913, 1.0336, 0.8632, 2.1627, 2.9485, 0.73, 0.7519, 0.6144, 4.2337, 2.6767, 0.0248, 1.1332,
        0.1869, 2.4964, 2.0269, 1.5613, 1.1988, 2.8327, 0.6488, 0.8082, 5.1793, 2.5538, 2.6483, 0.2528};

    static Stream<Arguments> numpyEdges() {
        // rule, number of bins, edges[1], edges[bins − 1] (edges[0] = −1.7321 and edges[bins] = 5.1793 for all)
        return Stream.of(
                Arguments.of(BinEdges.Rule.AUTO, 8, -0.868175, 4.3153749999999995),
                Arguments.of(BinEdges.Rule.FD, 8, -0.868175, 4.3153749999999995),
                Arguments.of(BinEdges.Rule.STURGES, 7, -0.7447571428571429, 4.1919571428571425),
                Arguments.of(BinEdges.Rule.SCOTT, 6, -0.5802, 4.027399999999999),
                Arguments.of(BinEdges.Rule.DOANE, 9, -0.9641666666666667, 4.411366666666666),
                Arguments.of(BinEdges.Rule.SQRT, 8, -0.868175, 4.3153749999999995));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numpyEdges")
    void matchesNumpyHistogramBinEdges(BinEdges.Rule rule, int bins, double second, double penultimate) {
        double[] e = BinEdges.of(DATA, rule, 1000);
        assertThat(e).hasSize(bins + 1);
        assertThat(e[0]).isEqualTo(-1.7321);
        assertThat(e[1]).isCloseTo(second, within(LINSPACE));
        assertThat(e[bins - 1]).isCloseTo(penultimate, within(LINSPACE));
        assertThat(e[bins]).isEqualTo(5.1793);
    }

    @Test
    void aFixedCountIsLinspaceOverTheRange() {
        // numpy.histogram_bin_edges(DATA, bins=7)
        double[] e = BinEdges.equalWidth(-1.7321, 5.1793, 7);
        assertThat(e[1]).isCloseTo(-0.7447571428571429, within(LINSPACE));
        assertThat(e[7]).isEqualTo(5.1793);
    }

    @Test
    void quantileEdgesFollowNumpyPercentile() {
        // numpy.percentile(DATA[:37], [0, 25, 50, 75, 100])
        double[] e = BinEdges.quantiles(java.util.Arrays.copyOf(DATA, 37), 4);
        assertThat(e).containsExactly(new double[] {-1.7321, -0.9583, -0.3043, 0.2029, 1.6348}, within(LINSPACE));
    }

    @Test
    void countsFollowNumpyHistogramWithOpenOuterBins() {
        double[] e = BinEdges.of(DATA, BinEdges.Rule.STURGES, 1000);
        double[] c = Histogram.counts(DATA, e);
        // numpy.histogram(DATA, bins='sturges') → [12, 18, 17, 5, 6, 0, 2]; nothing below or above
        assertThat(c).containsExactly(0, 12, 18, 17, 5, 6, 0, 2, 0);
        double[] outer = Histogram.counts(new double[] {-5, 0, 0.5, 1, 9}, new double[] {0, 0.5, 1});
        // [0, 0.5) holds 0; [0.5, 1] holds 0.5 and 1 (the last bin is closed); −5 below, 9 above
        assertThat(outer).containsExactly(1, 1, 2, 1);
    }

    @Test
    void aConstantSampleGetsOneUnitWideBin() {
        double[] e = BinEdges.of(new double[] {3, 3, 3}, BinEdges.Rule.AUTO, 1000);
        assertThat(e).containsExactly(2.5, 3.5);
    }

    @Test
    void tooManyBinsAreRefused() {
        double[] outlier = new double[1000];
        for (int i = 0; i < outlier.length; i++) {
            outlier[i] = i * 1e-6;
        }
        outlier[999] = 1e9;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BinEdges.of(outlier, BinEdges.Rule.FD, 1000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bins");
    }
}
