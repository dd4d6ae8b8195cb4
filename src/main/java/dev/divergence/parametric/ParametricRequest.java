package dev.divergence.parametric;

import dev.divergence.web.LogBaseDeserializer;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import tools.jackson.databind.annotation.JsonDeserialize;

/** Two parametric distributions by their torch.distributions names, and how to compute KL between them. */
@Schema(description = "KL(p ‖ q) between torch.distributions-style parametric distributions")
record ParametricRequest(
        @Schema(description = "Reference distribution P", requiredMode = Schema.RequiredMode.REQUIRED,
                implementation = SpecDoc.class)
        @JsonDeserialize(using = DistributionSpecDeserializer.class) DistributionSpec p,
        @Schema(description = "Approximating distribution Q", requiredMode = Schema.RequiredMode.REQUIRED,
                implementation = SpecDoc.class)
        @JsonDeserialize(using = DistributionSpecDeserializer.class) DistributionSpec q,
        @Schema(description = "Logarithm base: \"e\" (nats, default), 2 (bits), 10 (hartleys) or any number > 0 and != 1",
                type = "string", example = "e", defaultValue = "e")
        @JsonDeserialize(using = LogBaseDeserializer.class) Double base,
        @Schema(defaultValue = Method.DEFAULT_NAME,
                description = "auto: the closed form when the pair has one, else Monte Carlo") Method method,
        @Schema(description = "Monte Carlo settings (method monteCarlo, or auto for a pair without closed form)")
        MonteCarloOptions monteCarlo) {

    /**
     * @param samples draws of P per batch element (default 100000)
     * @param seed seed of the generator (default 0): the same seed gives the same estimate
     */
    record MonteCarloOptions(
            @Schema(example = "100000", defaultValue = "100000") Integer samples,
            @Schema(example = "42", defaultValue = "0") Long seed) {
    }

    /** The shape of a distribution spec, for the OpenAPI document only. */
    @Schema(name = "DistributionSpec", description = "A torch.distributions family and its parameters")
    record SpecDoc(
            @Schema(description = "torch.distributions class name", example = "Normal",
                    requiredMode = Schema.RequiredMode.REQUIRED) String family,
            @Schema(description = "Parameters by torch's names: numbers, (nested) arrays for batches, vector and "
                    + "matrix parameters, or a nested distribution (Independent's base_distribution)",
                    example = "{\"loc\": 0, \"scale\": 1}", requiredMode = Schema.RequiredMode.REQUIRED)
            Map<String, Object> params) {
    }
}
