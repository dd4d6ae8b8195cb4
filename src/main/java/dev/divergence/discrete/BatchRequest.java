package dev.divergence.discrete;

import dev.divergence.web.Docs;
import dev.divergence.web.LogBaseDeserializer;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import tools.jackson.databind.annotation.JsonDeserialize;

/** Many pairs compared with the same options (each pair may set its own base). */
@Schema(description = "Pairs of discrete distributions, each compared with the same options")
record BatchRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<PairRequest> pairs,
        @Schema(description = Docs.INPUT_TYPE, defaultValue = InputType.DEFAULT_NAME) InputType inputType,
        @Schema(description = Docs.NORMALIZE, defaultValue = "true") Boolean normalize,
        @Schema(description = Docs.BASE, oneOf = {String.class, Double.class}, defaultValue = "e")
        @JsonDeserialize(using = LogBaseDeserializer.class) Double base,
        SmoothingRequest smoothing,
        @Schema(description = Docs.METRICS) List<Metric> metrics,
        @Schema(description = Docs.RENYI_ORDERS, defaultValue = "[0.5, 2]") double[] renyiOrders,
        @Schema(description = Docs.POINTWISE, defaultValue = "false") Boolean pointwise) {

    List<DiscreteDivergenceService.Pair> servicePairs() {
        return pairs == null ? null : pairs.stream()
                .map(pair -> pair == null ? null : new DiscreteDivergenceService.Pair(pair.p(), pair.q(), pair.base()))
                .toList();
    }

    DiscreteOptions options() {
        return new DiscreteOptions(inputType, normalize, base, smoothing == null ? null : smoothing.toOption(),
                metrics, renyiOrders, pointwise);
    }

    /** One pair of a batch. */
    record PairRequest(
            @Schema(description = Docs.DISTRIBUTION_P, requiredMode = Schema.RequiredMode.REQUIRED,
                    oneOf = {DiscreteRequest.NumberArray.class, DiscreteRequest.CategoryMap.class})
            @JsonDeserialize(using = DistributionInputDeserializer.class) DistributionInput p,
            @Schema(description = Docs.DISTRIBUTION_Q, requiredMode = Schema.RequiredMode.REQUIRED,
                    oneOf = {DiscreteRequest.NumberArray.class, DiscreteRequest.CategoryMap.class})
            @JsonDeserialize(using = DistributionInputDeserializer.class) DistributionInput q,
            @Schema(description = "This pair's base, overriding the batch's", oneOf = {String.class, Double.class},
                    example = "2")
            @JsonDeserialize(using = LogBaseDeserializer.class) Double base) {
    }
}
