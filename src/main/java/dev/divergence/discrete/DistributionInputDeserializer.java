package dev.divergence.discrete;

import dev.divergence.config.JacksonConfig;
import dev.divergence.runtime.RequestMemory;
import dev.divergence.web.InvalidJsonValueException;
import dev.divergence.web.JsonNumbers;
import dev.divergence.web.json.DoubleArrayBuilder;
import dev.divergence.web.json.NumericArrayParser;
import java.util.Arrays;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a distribution straight from the token stream into a primitive {@code double[]}: a JSON array of
 * numbers, or an object {category: number}. No boxing and no per-element allocation (a
 * {@link DoubleArrayBuilder} collects an array's entries); with a {@link NumericArrayParser} the plain numbers
 * of an array are scanned straight from the input bytes. The strings {@code "Infinity"}, {@code "-Infinity"}
 * and {@code "NaN"} are read as the corresponding doubles so the service can say precisely why such a value is
 * invalid for the input type; any other non-number is rejected here with its JSON Pointer.
 */
final class DistributionInputDeserializer extends ValueDeserializer<DistributionInput> {

    private static final int INITIAL_CAPACITY = 16;

    @Override
    public DistributionInput deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_ARRAY) {
            return readArray(p, ctxt);
        }
        if (token == JsonToken.START_OBJECT) {
            return readObject(p, ctxt);
        }
        throw InvalidJsonValueException.of(p, DistributionInput.class,
                "must be an array of numbers or an object {category: number}");
    }

    /** @return {@code divergence.limits.max-elements}, or no limit when the mapper does not carry it */
    private static int maxElements(DeserializationContext ctxt) {
        return ctxt.getAttribute(JacksonConfig.MAX_ELEMENTS) instanceof Integer max ? max : Integer.MAX_VALUE;
    }

    private static InvalidJsonValueException overLimit(JsonParser p, int max) {
        return InvalidJsonValueException.overLimit(p, DistributionInput.class, "has more than " + max
                + " entries, the limit divergence.limits.max-elements = " + max);
    }

    private static DistributionInput readArray(JsonParser p, DeserializationContext ctxt) {
        NumericArrayParser fast = NumericArrayParser.of(p);
        DoubleArrayBuilder values = new DoubleArrayBuilder();
        int max = maxElements(ctxt);
        while (true) {
            if (fast != null) {
                values.addFrom(fast);
            }
            if (values.size() > max) {
                throw overLimit(p, max);
            }
            // what the fast path left: a string, a number crossing the buffer's end, the array's end, bad input
            JsonToken token = p.nextToken();
            if (token == JsonToken.END_ARRAY) {
                break;
            }
            try {
                values.add(number(p, token));
            } catch (JacksonException e) {
                throw JacksonException.wrapWithPath(e, values, values.size());
            }
        }
        return new DistributionInput.Dense(values.toArray());
    }

    private static DistributionInput readObject(JsonParser p, DeserializationContext ctxt) {
        String[] keys = new String[INITIAL_CAPACITY];
        double[] values = new double[INITIAL_CAPACITY];
        int n = 0;
        String key;
        int max = maxElements(ctxt);
        while ((key = p.nextName()) != null) {
            if (n == max) {
                throw overLimit(p, max);
            }
            if (n == values.length) {
                // the two grown arrays (8-byte values, references of at most 8 bytes)
                RequestMemory.charge(16L * n * 2);
                values = Arrays.copyOf(values, n * 2);
                keys = Arrays.copyOf(keys, n * 2);
            }
            // the key: a String of about 40 bytes plus its characters
            RequestMemory.charge(40L + key.length());
            keys[n] = key;
            try {
                values[n] = number(p, p.nextToken());
            } catch (JacksonException e) {
                throw JacksonException.wrapWithPath(e, values, key);
            }
            n++;
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw InvalidJsonValueException.of(p, DistributionInput.class, "expected a category name");
        }
        return new DistributionInput.Keyed(Arrays.copyOf(keys, n), Arrays.copyOf(values, n));
    }

    private static double number(JsonParser p, JsonToken token) {
        return JsonNumbers.read(p, token, token == JsonToken.VALUE_STRING
                ? "must be a number (or the string \"-Infinity\" for log-probabilities)" : "must be a number");
    }
}
