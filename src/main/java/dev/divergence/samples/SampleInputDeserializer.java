package dev.divergence.samples;

import dev.divergence.runtime.RequestMemory;
import dev.divergence.web.InvalidJsonValueException;
import dev.divergence.web.JsonNumbers;
import dev.divergence.web.json.TensorDeserializer;
import dev.divergence.web.json.TensorInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Reads a sample: an array of string labels, an array of numbers (1-D), an array of equal-length number arrays
 * (d-dimensional points), or an object {label: probability} (a known categorical distribution, for q). Numbers
 * stream straight into {@code double[]}; mixed labels and numbers are refused with the pointer of the first
 * entry that breaks the pattern.
 */
final class SampleInputDeserializer extends ValueDeserializer<SampleInput> {

    @Override
    public SampleInput deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT) {
            return probabilityMap(p);
        }
        if (token != JsonToken.START_ARRAY) {
            throw InvalidJsonValueException.of(p, SampleInput.class, "must be an array of samples: labels "
                    + "[\"red\", ...], numbers [0.1, ...] or points [[0.1, 2.0], ...]");
        }
        JsonToken first = p.nextToken();
        if (first == JsonToken.VALUE_STRING && !isSpecialNumber(p.getString())) {
            return labels(p);
        }
        if (first == JsonToken.END_ARRAY) {
            return new SampleInput.Points(new double[0], 0, 1, false);
        }
        TensorInput t = TensorDeserializer.readArrayFrom(p, first);
        int[] shape = t.shape();
        if (shape.length > 2) {
            throw InvalidJsonValueException.of(p, SampleInput.class,
                    "must be numbers or rows of numbers (rank 1 or 2), was of rank " + shape.length);
        }
        return shape.length == 1 ? new SampleInput.Points(t.values(), shape[0], 1, false)
                : new SampleInput.Points(t.values(), shape[0], shape[1], true);
    }

    private static boolean isSpecialNumber(String s) {
        return s.equals("NaN") || s.equals("Infinity") || s.equals("+Infinity") || s.equals("-Infinity");
    }

    private static SampleInput labels(JsonParser p) {
        List<String> labels = new ArrayList<>();
        labels.add(p.getString());
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.VALUE_STRING) {
                MismatchedInputException e = InvalidJsonValueException.of(p, String.class,
                        "must be a string label like the entries before it (labels and numbers cannot be mixed)");
                throw JacksonException.wrapWithPath(e, labels, labels.size());
            }
            String label = p.getString();
            // a String of about 40 bytes plus its characters, and its place in the list (twice, while it grows)
            RequestMemory.charge(56L + label.length());
            labels.add(label);
        }
        return new SampleInput.Labels(labels.toArray(new String[0]));
    }

    private static SampleInput probabilityMap(JsonParser p) {
        List<String> keys = new ArrayList<>();
        double[] values = new double[8];
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken token = p.nextToken();
            try {
                if (keys.size() == values.length) {
                    values = Arrays.copyOf(values, values.length * 2);
                }
                values[keys.size()] = JsonNumbers.read(p, token, "must be a probability (a number)");
            } catch (JacksonException e) {
                throw JacksonException.wrapWithPath(e, keys, name);
            }
            keys.add(name);
        }
        return new SampleInput.ProbabilityMap(keys.toArray(new String[0]), Arrays.copyOf(values, keys.size()));
    }
}
