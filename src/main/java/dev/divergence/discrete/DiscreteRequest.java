package dev.divergence.discrete;

import dev.divergence.web.Docs;
import dev.divergence.web.LogBaseDeserializer;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import tools.jackson.databind.annotation.JsonDeserialize;

/** Two discrete distributions and the options of their comparison. */
@Schema(description = "Two discrete distributions over the same categories")
record DiscreteRequest(
        @Schema(description = Docs.DISTRIBUTION_P, requiredMode = Schema.RequiredMode.REQUIRED,
                oneOf = {NumberArray.class, CategoryMap.class})
        @JsonDeserialize(using = DistributionInputDeserializer.class) DistributionInput p,
        @Schema(description = Docs.DISTRIBUTION_Q, requiredMode = Schema.RequiredMode.REQUIRED,
                oneOf = {NumberArray.class, CategoryMap.class})
        @JsonDeserialize(using = DistributionInputDeserializer.class) DistributionInput q,
        @Schema(description = Docs.INPUT_TYPE, defaultValue = InputType.DEFAULT_NAME) InputType inputType,
        @Schema(description = Docs.NORMALIZE, defaultValue = "true") Boolean normalize,
        @Schema(description = Docs.BASE, oneOf = {String.class, Double.class}, defaultValue = "e", example = "2")
        @JsonDeserialize(using = LogBaseDeserializer.class) Double base,
        SmoothingRequest smoothing,
        @Schema(description = Docs.METRICS) List<Metric> metrics,
        @Schema(description = Docs.RENYI_ORDERS, defaultValue = "[0.5, 2]") double[] renyiOrders,
        @Schema(description = Docs.POINTWISE, defaultValue = "false") Boolean pointwise) {

    DiscreteDivergenceService.Pair pair() {
        return new DiscreteDivergenceService.Pair(p, q);
    }

    DiscreteOptions options() {
        return new DiscreteOptions(inputType, normalize, base, smoothing == null ? null : smoothing.toOption(),
                metrics, renyiOrders, pointwise);
    }

    /** Schema only: an array of weights. */
    @Schema(types = "array", description = "Weights by position", example = "[0.4, 0.6]")
    interface NumberArray {
    }

    /** Schema only: weights keyed by category. */
    @Schema(types = "object", description = "Weights by category (aligned over the union of keys; a missing key is 0)",
            example = "{\"red\": 10, \"blue\": 15}", additionalPropertiesSchema = Double.class)
    interface CategoryMap {
    }
}
