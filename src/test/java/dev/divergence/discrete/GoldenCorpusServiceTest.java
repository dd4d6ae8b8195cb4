package dev.divergence.discrete;

import static dev.divergence.GoldenCorpus.assertWithin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.divergence.GoldenCorpus;
import dev.divergence.config.LimitProperties;
import dev.divergence.runtime.ComputeGate;
import dev.divergence.runtime.ServiceMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The public golden corpus through the service and compute layers, without Spring: every discrete case, and
 * every categorical-samples case by counting labels, each of its 15 values within the case's tolerance.
 */
class GoldenCorpusServiceTest {

    static final dev.divergence.config.ResilienceProperties RESILIENCE = new dev.divergence.config.ResilienceProperties(
            4, 8, java.time.Duration.ofSeconds(2), 0.25, java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(1));
    static final LimitProperties LIMITS = new LimitProperties(2_000_000, 10_000, 32, 64L << 20, 1e-6, 50, 512, 20_000_000L, 20_000_000L, 20_000_000_000L, 64, 1000, 1_000_000, 100_000);

    private final DiscreteDivergenceService service =
            new DiscreteDivergenceService(LIMITS, new ServiceMeters(new SimpleMeterRegistry()),
                ComputeGate.direct(new ServiceMeters(new SimpleMeterRegistry()), GoldenCorpusServiceTest.RESILIENCE));

    static Stream<Arguments> discreteCases() {
        return GoldenCorpus.cases("discrete.jsonl").stream()
                .map(c -> Arguments.of(c.get("id").asString(), c, GoldenCorpus.discreteRequest(c.get("input"))));
    }

    static Stream<Arguments> categoricalCases() {
        return GoldenCorpus.categoricalSampleCases().stream()
                .map(c -> Arguments.of(c.get("id").asString(), c, GoldenCorpus.categoricalRequest(c.get("input"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("discreteCases")
    void discreteCaseMatchesReference(String id, JsonNode goldenCase, JsonNode request) {
        assertCase(goldenCase, request);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("categoricalCases")
    void categoricalSamplesCaseMatchesReferenceByCounting(String id, JsonNode goldenCase, JsonNode request) {
        assertCase(goldenCase, request);
    }

    private void assertCase(JsonNode goldenCase, JsonNode request) {
        JsonNode base = request.get("base");
        SmoothingOption smoothing = request.has("smoothing") ? new SmoothingOption(
                SmoothingMethod.of(request.get("smoothing").get("method").asString()),
                request.get("smoothing").has("alpha") ? request.get("smoothing").get("alpha").doubleValue() : null,
                request.get("smoothing").has("epsilon") ? request.get("smoothing").get("epsilon").doubleValue() : null)
                : null;
        DiscreteOptions options = new DiscreteOptions(InputType.of(request.get("inputType").asString()), null,
                base.isString() ? Math.E : base.doubleValue(), smoothing, null, null, null);
        DiscreteResult result = service.evaluate(
                new DiscreteDivergenceService.Pair(input(request.get("p")), input(request.get("q"))), options);
        assertThat(goldenCase.get("expected").propertyNames()).hasSize(15);
        for (Map.Entry<String, String> key : GoldenCorpus.DISCRETE_KEYS.entrySet()) {
            assertWithin(goldenCase, key.getKey(), value(result, key.getValue()));
        }
    }

    static DistributionInput input(JsonNode node) {
        if (node.isArray()) {
            return new DistributionInput.Dense(GoldenCorpus.numbers(node));
        }
        List<String> keys = new ArrayList<>(node.propertyNames());
        double[] values = new double[keys.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = GoldenCorpus.number(node.get(keys.get(i)));
        }
        return new DistributionInput.Keyed(keys.toArray(String[]::new), values);
    }

    static double value(DiscreteResult r, String name) {
        var b = r.bundle();
        return switch (name) {
            case "kl" -> r.kl();
            case "reverseKl" -> b.reverseKl();
            case "jeffreys" -> b.jeffreys();
            case "psi" -> b.psi();
            case "jensenShannon" -> b.jensenShannon();
            case "jensenShannonDistance" -> b.jensenShannonDistance();
            case "crossEntropy" -> b.crossEntropy();
            case "entropyP" -> b.entropyP();
            case "entropyQ" -> b.entropyQ();
            case "totalVariation" -> b.totalVariation();
            case "hellinger" -> b.hellinger();
            case "bhattacharyya" -> b.bhattacharyya();
            case "chiSquare" -> b.chiSquare();
            case "renyi/0.5" -> r.renyi()[indexOf(r.renyiOrders(), 0.5)];
            case "renyi/2" -> r.renyi()[indexOf(r.renyiOrders(), 2)];
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static int indexOf(double[] orders, double order) {
        for (int i = 0; i < orders.length; i++) {
            if (orders[i] == order) {
                return i;
            }
        }
        throw new IllegalArgumentException("order " + order);
    }
}
