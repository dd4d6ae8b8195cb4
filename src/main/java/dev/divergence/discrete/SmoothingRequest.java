package dev.divergence.discrete;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Smoothing of zero probabilities.
 *
 * @param method none, additive or epsilon
 * @param alpha additive: pseudo-count added to every category of both distributions (1 = Laplace)
 * @param epsilon epsilon: probability given to each zero entry before renormalizing
 */
@Schema(description = "Smoothing: {\"method\": \"none\"} (default), {\"method\": \"additive\", \"alpha\": a} (counts "
        + "only: add a to every category of both, then normalize), {\"method\": \"epsilon\", \"epsilon\": e} "
        + "(after normalizing, replace each 0 by e and renormalize).")
public record SmoothingRequest(
        SmoothingMethod method,
        @Schema(description = "Pseudo-count for additive smoothing, > 0", example = "1") Double alpha,
        @Schema(description = "Replacement for zero probabilities, in (0, 1)", example = "1e-9") Double epsilon) {

    public SmoothingOption toOption() {
        return new SmoothingOption(method, alpha, epsilon);
    }
}
