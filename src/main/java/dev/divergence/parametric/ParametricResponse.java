package dev.divergence.parametric;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.divergence.web.json.NestedArray;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * KL(p ‖ q) between two parametric distributions: a number, or a nested array of the broadcast batch shape.
 *
 * @param kl the divergence ("Infinity" when infinite)
 * @param unit nats, bits, hartleys or base-b
 * @param base the logarithm base as a number
 * @param method closedForm or monteCarlo
 * @param batchShape the broadcast batch shape ([] for one pair)
 * @param standardError Monte Carlo standard error of each value, in {@code unit}
 * @param samples Monte Carlo draws per value
 * @param seed Monte Carlo seed
 * @param warnings remarks: why a value is infinite, where torch differs, the estimation error
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ParametricResponse(
        @Schema(description = "KL(p ‖ q), or for batched parameters a nested array of batchShape; \"Infinity\" "
                + "when p gives probability where q has none", oneOf = {Double.class, String.class, Object[].class},
                example = "0.4431471805599453") Object kl,
        @Schema(example = "nats") String unit,
        @Schema(example = "2.718281828459045") double base,
        @Schema(description = "The method used: closedForm or monteCarlo (auto is resolved to one of them)")
        Method method,
        @Schema(example = "[]") int[] batchShape,
        @Schema(description = "Monte Carlo only: standard error of kl (same shape)", oneOf = {Double.class,
                Object[].class}) Object standardError,
        @Schema(description = "Monte Carlo only: draws of p per value", example = "100000") Integer samples,
        @Schema(description = "Monte Carlo only: the generator's seed", example = "0") Long seed,
        List<String> warnings) {

    static ParametricResponse of(ParametricResult r) {
        return new ParametricResponse(shaped(r.kl(), r.batchShape()), r.base().unit(), r.base().base(), r.method(),
                r.batchShape(), r.standardError() == null ? null : shaped(r.standardError(), r.batchShape()),
                r.samples(), r.seed(), r.warnings());
    }

    private static Object shaped(double[] values, int[] shape) {
        return shape.length == 0 ? (Object) values[0] : new NestedArray(values, shape);
    }
}
