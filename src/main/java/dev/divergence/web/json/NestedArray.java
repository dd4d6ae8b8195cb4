package dev.divergence.web.json;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A tensor written as nested JSON arrays of its shape, straight from its row-major values (no boxed doubles, no
 * nested lists): {@code values} {1, 2, 3, 4} with {@code shape} [2, 2] is {@code [[1.0, 2.0], [3.0, 4.0]]}.
 *
 * @param values the entries in row-major order
 * @param shape the dimensions, rank ≥ 1
 */
@JsonSerialize(using = NestedArray.Serializer.class)
public record NestedArray(double[] values, int[] shape) {

    /** Writes the nested arrays depth first. */
    static final class Serializer extends ValueSerializer<NestedArray> {
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
