package dev.divergence.kldiv;

import dev.divergence.web.json.TensorDeserializer;
import dev.divergence.web.json.TensorInput;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.annotation.JsonDeserialize;

/** Arguments of torch.nn.functional.kl_div. */
@Schema(description = "torch.nn.functional.kl_div(input, target, reduction, log_target) in float64")
record KlDivRequest(
        @Schema(description = "Log-probabilities ln q: a rectangular nested array of rank >= 1 (\"-Infinity\" allowed)",
                requiredMode = Schema.RequiredMode.REQUIRED, types = "array",
                example = "[[-0.6903494352688877, -1.3403494352688878, -1.4403494352688877]]")
        @JsonDeserialize(using = TensorDeserializer.class) TensorInput input,
        @Schema(description = "Same shape as input: probabilities, or log-probabilities when logTarget is true",
                requiredMode = Schema.RequiredMode.REQUIRED, types = "array", example = "[[0.7, 0.2, 0.1]]")
        @JsonDeserialize(using = TensorDeserializer.class) TensorInput target,
        @Schema(defaultValue = Reduction.DEFAULT_NAME,
                description = "torch's default is mean (sum / number of elements); batchmean (sum / input.shape[0]) "
                        + "is the mean KL divergence per sample") Reduction reduction,
        @Schema(defaultValue = "false", description = "target holds log-probabilities (torch's log_target)")
        Boolean logTarget) {
}
