package dev.divergence.discrete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.divergence.runtime.ComputeGate;
import dev.divergence.runtime.ServiceMeters;
import dev.divergence.validation.InvalidRequestException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Preparation of the inputs (alignment, softmax, smoothing, normalization), checked against hand values. */
class DiscreteDivergenceServiceTest {

    private static final double LN2 = Math.log(2);

    private final DiscreteDivergenceService service =
            new DiscreteDivergenceService(GoldenCorpusServiceTest.LIMITS, new ServiceMeters(new SimpleMeterRegistry()),
                ComputeGate.direct(new ServiceMeters(new SimpleMeterRegistry()), GoldenCorpusServiceTest.RESILIENCE));

    private static DiscreteOptions options(String inputType, SmoothingOption smoothing, Boolean normalize) {
        return new DiscreteOptions(inputType == null ? null : InputType.of(inputType), normalize, null, smoothing,
                null, null, true);
    }

    private static DiscreteDivergenceService.Pair dense(double[] p, double[] q) {
        return new DiscreteDivergenceService.Pair(new DistributionInput.Dense(p), new DistributionInput.Dense(q));
    }

    @Test
    void logProbabilitiesWithMinusInfinityAreImpossibleOutcomes() {
        // p = (½, ½, 0), q = (¼, ¼, ½): KL = 2·½ ln 2 = ln 2; reverse KL infinite (q > 0 = p at index 2)
        DiscreteResult r = service.evaluate(dense(new double[] {Math.log(0.5), Math.log(0.5), Double.NEGATIVE_INFINITY},
                new double[] {Math.log(0.25), Math.log(0.25), Math.log(0.5)}), options("logProbabilities", null, null));
        assertThat(r.kl()).isCloseTo(LN2, within(1e-15));
        assertThat(r.bundle().reverseKl()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(r.pointwise()[2]).isZero();
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("reverseKl is infinite") && w.contains("[2]"));
    }

    @Test
    void keyedMapsAlignOverTheUnionInOrderOfAppearance() {
        DiscreteResult r = service.evaluate(new DiscreteDivergenceService.Pair(
                new DistributionInput.Keyed(new String[] {"a", "b"}, new double[] {1, 1}),
                new DistributionInput.Keyed(new String[] {"c", "b", "a"}, new double[] {2, 1, 1})),
                options("counts", null, null));
        assertThat(r.categories()).containsExactly("a", "b", "c");
        // p = (½, ½, 0), q = (¼, ¼, ½): KL = ln 2, p is 0 where q > 0 at "c"
        assertThat(r.kl()).isCloseTo(LN2, within(1e-15));
        assertThat(r.warnings()).anyMatch(w -> w.contains("categories [c]"));
    }

    @Test
    void epsilonSmoothingReplacesZerosAfterNormalizing() {
        // p = (1, 0) → (1, ε)/(1 + ε); q = (½, ½): KL = Σ p ln(2p)
        double eps = 1e-3;
        double p0 = 1 / (1 + eps);
        double p1 = eps / (1 + eps);
        DiscreteResult r = service.evaluate(dense(new double[] {4, 0}, new double[] {1, 1}),
                options("counts", new SmoothingOption(SmoothingMethod.of("epsilon"), null, eps), null));
        assertThat(r.kl()).isCloseTo(p0 * Math.log(2 * p0) + p1 * Math.log(2 * p1), within(1e-15));
    }

    @Test
    void additiveSmoothingAddsToEveryCategoryOfBoth() {
        // counts (3, 0) and (0, 1) with α = 1 → (4, 1)/5 and (1, 2)/3
        DiscreteResult r = service.evaluate(dense(new double[] {3, 0}, new double[] {0, 1}),
                options("counts", new SmoothingOption(SmoothingMethod.of("additive"), 1.0, null), null));
        assertThat(r.kl()).isCloseTo(0.8 * Math.log(0.8 / (1.0 / 3)) + 0.2 * Math.log(0.2 / (2.0 / 3)), within(1e-15));
    }

    @Test
    void unnormalizedProbabilitiesAreRescaledWithAWarningOrRefused() {
        DiscreteResult r = service.evaluate(dense(new double[] {1, 1}, new double[] {0.5, 0.5}),
                options(null, null, null));
        assertThat(r.kl()).isZero();
        assertThat(r.warnings()).containsExactly("p summed to 2.0 and was rescaled to sum 1");
        assertThatThrownBy(() -> service.evaluate(dense(new double[] {1, 1}, new double[] {0.5, 0.5}),
                options(null, null, false))).isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).violations().get(0).pointer()).isEqualTo("/p");
    }

    @Test
    void onlyTheRequestedMetricsAreReturnedAndKlAloneSkipsTheBundle() {
        DiscreteResult r = service.evaluate(dense(new double[] {0.5, 0.5}, new double[] {0.9, 0.1}),
                new DiscreteOptions(null, null, 2.0, null, List.of(Metric.KL), null, null));
        assertThat(r.metrics()).containsExactly(Metric.KL);
        assertThat(r.bundle()).isNull();
        assertThat(r.kl()).isCloseTo(Math.log(5.0 / 3) / LN2, within(1e-15)); // ln(5/3) nats in bits
        assertThat(r.base().unit()).isEqualTo("bits");
    }
}
