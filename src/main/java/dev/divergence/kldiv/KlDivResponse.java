package dev.divergence.kldiv;

import dev.divergence.web.json.NestedArray;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The loss of kl_div, in nats.
 *
 * @param loss a number, or for reduction none a nested array of the input's shape
 * @param reduction the reduction applied
 * @param shape the input's shape
 * @param unit always nats (torch uses natural logarithms)
 * @param warnings what torch users trip over, for this request
 */
record KlDivResponse(
        @Schema(description = "The reduced loss, or for reduction none a nested array of the input's shape; "
                + "\"Infinity\" where target > 0 and input = -Infinity", oneOf = {Double.class, Object[].class},
                example = "0.09353088271807838") Object loss,
        @Schema(description = "The reduction applied") String reduction,
        @Schema(example = "[1, 3]") int[] shape,
        @Schema(example = "nats") String unit,
        List<String> warnings) {

    static KlDivResponse of(KlDivResult r) {
        Object loss = r.pointwise() != null ? new NestedArray(r.pointwise(), r.shape()) : r.loss();
        return new KlDivResponse(loss, r.reduction(), r.shape(), "nats", r.warnings());
    }

    /** A row-major array written as nested JSON arrays of the given shape. */
}
