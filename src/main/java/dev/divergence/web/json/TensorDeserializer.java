package dev.divergence.web.json;

import dev.divergence.web.InvalidJsonValueException;
import dev.divergence.web.JsonNumbers;
import java.util.Arrays;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a rectangular nested array of numbers of any rank ≥ 1 straight into a row-major {@code double[]} and
 * its shape, rejecting ragged or mixed nesting with the JSON Pointer of the first offending array. Numbers may
 * be the strings "Infinity", "-Infinity" and "NaN" (checked later against the field's domain). With a
 * {@link NumericArrayParser}, the plain numbers after the first one of each innermost array are scanned straight
 * from the input bytes.
 */
public final class TensorDeserializer extends ValueDeserializer<TensorInput> {

    private static final int MAX_RANK = 32;

    @Override
    public TensorInput deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw InvalidJsonValueException.of(p, TensorInput.class,
                    "must be an array of numbers, or a nested rectangular array (rank >= 1)");
        }
        return readArray(p);
    }

    /**
     * @param p a parser positioned on START_ARRAY
     * @return the tensor, rank ≥ 1
     */
    public static TensorInput readArray(JsonParser p) {
        return readArrayFrom(p, null);
    }

    /**
     * @param p a parser inside an array: on its START_ARRAY ({@code first} null), or on its first element
     *        ({@code first} that element's token, already consumed by the caller's look-ahead)
     * @param first the first element's token, or null
     * @return the tensor, rank ≥ 1
     */
    public static TensorInput readArrayFrom(JsonParser p, JsonToken first) {
        Reader reader = new Reader(p);
        reader.pending = first;
        reader.read(0);
        int rank = reader.leafDepth < 0 ? 1 : reader.leafDepth + 1;
        return new TensorInput(Arrays.copyOf(reader.dims, rank), reader.values.toArray());
    }

    /** Depth-first reader; dims[d] is the common length of every array at depth d. */
    private static final class Reader {
        private final JsonParser p;
        private final NumericArrayParser fast;
        private final int[] dims = new int[MAX_RANK];
        private final DoubleArrayBuilder values = new DoubleArrayBuilder();
        private int leafDepth = -1;
        /** The deepest depth at which an array held a nested array (numbers must lie deeper). */
        private int arrayDepth = -1;
        private JsonToken pending;

        Reader(JsonParser p) {
            this.p = p;
            this.fast = NumericArrayParser.of(p);
            Arrays.fill(dims, -1);
        }

        void read(int depth) {
            if (depth >= MAX_RANK) {
                throw InvalidJsonValueException.of(p, TensorInput.class, "must have rank <= " + MAX_RANK);
            }
            int count = 0;
            JsonToken token;
            while ((token = next()) != JsonToken.END_ARRAY) {
                try {
                    if (token == JsonToken.START_ARRAY) {
                        if (leafDepth >= 0 && leafDepth <= depth) {
                            throw InvalidJsonValueException.of(p, double.class, "must be a number: the array is "
                                    + "not rectangular (numbers and arrays at the same depth)");
                        }
                        arrayDepth = Math.max(arrayDepth, depth);
                        read(depth + 1);
                    } else {
                        if (arrayDepth >= depth) {
                            throw InvalidJsonValueException.of(p, double.class, "must be an array: the array is "
                                    + "not rectangular (numbers and arrays at the same depth)");
                        }
                        if (leafDepth < 0) {
                            leafDepth = depth;
                        } else if (leafDepth != depth) {
                            throw InvalidJsonValueException.of(p, double.class, "must be an array: the array is "
                                    + "not rectangular (numbers and arrays at the same depth)");
                        }
                        values.add(number(token));
                        if (fast != null) {
                            count += values.addFrom(fast);
                        }
                    }
                } catch (JacksonException e) {
                    throw JacksonException.wrapWithPath(e, dims, count);
                }
                count++;
            }
            if (dims[depth] < 0) {
                dims[depth] = count;
            } else if (dims[depth] != count) {
                throw InvalidJsonValueException.of(p, TensorInput.class, "must have " + dims[depth]
                        + " entries like the arrays before it (ragged arrays are not tensors), has " + count);
            }
        }

        private JsonToken next() {
            if (pending != null) {
                JsonToken t = pending;
                pending = null;
                return t;
            }
            return p.nextToken();
        }

        private double number(JsonToken token) {
            return JsonNumbers.read(p, token, "must be a number (or \"-Infinity\")");
        }
    }
}
