package dev.divergence.api;

import dev.divergence.service.KlDivResult;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

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
        @Schema(example = "batchmean") String reduction,
        @Schema(example = "[1, 3]") int[] shape,
        @Schema(example = "nats") String unit,
        List<String> warnings) {

    static KlDivResponse of(KlDivResult r) {
        Object loss = r.pointwise() != null ? new NestedArray(r.pointwise(), r.shape()) : r.loss();
        return new KlDivResponse(loss, r.reduction(), r.shape(), "nats", r.warnings());
    }

    /** A row-major array written as nested JSON arrays of the given shape. */
    @JsonSerialize(using = NestedArraySerializer.class)
    record NestedArray(double[] values, int[] shape) {
    }

    static final class NestedArraySerializer extends ValueSerializer<NestedArray> {
        @Override
        public void serialize(NestedArray a, JsonGenerator gen, SerializationContext ctxt) throws JacksonException {
            write(a, gen, 0, 0);
        }

        private static int write(NestedArray a, JsonGenerator gen, int depth, int offset) {
            gen.writeStartArray();
            int[] shape = a.shape();
            if (depth == shape.length - 1) {
                for (int i = 0; i < shape[depth]; i++) {
                    gen.writeNumber(a.values()[offset++]);
                }
            } else {
                for (int i = 0; i < shape[depth]; i++) {
                    offset = write(a, gen, depth + 1, offset);
                }
            }
            gen.writeEndArray();
            return offset;
        }
    }
}
