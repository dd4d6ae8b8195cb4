package dev.divergence.api;

import dev.divergence.config.LimitProperties;
import dev.divergence.service.Metric;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Capabilities")
class CapabilitiesController {

    private final Capabilities capabilities;

    CapabilitiesController(LimitProperties limits) {
        this.capabilities = new Capabilities(
                List.of("/v1/divergences/discrete", "/v1/divergences/discrete/batch", "/v1/divergences/kl-div"),
                Arrays.stream(Metric.values()).map(Metric::jsonName).toList(),
                List.of("probabilities", "counts", "logProbabilities", "logits"),
                List.of("none", "additive", "epsilon"),
                List.of(new Capabilities.Unit("e", "nats"), new Capabilities.Unit("2", "bits"),
                        new Capabilities.Unit("10", "hartleys"), new Capabilities.Unit("b > 0, b != 1", "base-b")),
                new Capabilities.Limits(limits.maxElements(), limits.maxBatchPairs(), limits.maxRenyiOrders(),
                        limits.maxRequestBytes(), limits.sumTolerance()));
    }

    @Operation(summary = "What this instance supports: endpoints, metrics, input types, smoothing, units, limits")
    @GetMapping(path = "/v1/capabilities", produces = MediaType.APPLICATION_JSON_VALUE)
    Capabilities capabilities() {
        return capabilities;
    }

    /**
     * @param endpoints the computation endpoints
     * @param metrics the metric names of the discrete bundle
     * @param inputTypes accepted values of {@code inputType}
     * @param smoothingMethods accepted values of {@code smoothing.method}
     * @param units logarithm bases and their units
     * @param limits the configured limits
     */
    record Capabilities(List<String> endpoints, List<String> metrics, List<String> inputTypes,
            List<String> smoothingMethods, List<Unit> units, Limits limits) {

        record Unit(String base, String unit) {
        }

        record Limits(int maxElements, int maxBatchPairs, int maxRenyiOrders, long maxRequestBytes,
                double sumTolerance) {
        }
    }
}
