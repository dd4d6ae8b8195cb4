package dev.divergence.parametric;

import dev.divergence.web.InvalidJsonValueException;
import dev.divergence.web.JsonNumbers;
import dev.divergence.web.json.TensorDeserializer;
import dev.divergence.web.json.TensorInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Reads a distribution spec {@code {"family": "Normal", "params": {"loc": 0, "scale": [1, 2]}}}: each parameter is
 * a number (a scalar), a rectangular nested array (a batch, or a vector or matrix parameter), or a nested spec
 * (Independent's {@code base_distribution}). Numbers stream straight into {@code double[]}; the service checks
 * names, shapes and domains.
 */
final class DistributionSpecDeserializer extends ValueDeserializer<DistributionSpec> {

    private static final List<Object> FIELDS = List.of("family", "params");

    @Override
    public DistributionSpec deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        return readSpec(p);
    }

    private static DistributionSpec readSpec(JsonParser p) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw InvalidJsonValueException.of(p, DistributionSpec.class,
                    "must be a distribution: {\"family\": \"Normal\", \"params\": {\"loc\": 0, \"scale\": 1}}");
        }
        String family = null;
        Map<String, Object> params = null;
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken token = p.nextToken();
            try {
                switch (name) {
                    case "family" -> {
                        if (token == JsonToken.VALUE_NULL) {
                            family = null;
                        } else if (token == JsonToken.VALUE_STRING) {
                            family = p.getString();
                        } else {
                            throw InvalidJsonValueException.of(p, String.class,
                                    "must be a string: a torch.distributions class name such as \"Normal\"");
                        }
                    }
                    case "params" -> params = token == JsonToken.VALUE_NULL ? null : readParams(p);
                    default -> throw UnrecognizedPropertyException.from(p, DistributionSpec.class, name, FIELDS);
                }
            } catch (UnrecognizedPropertyException e) {
                throw e;
            } catch (JacksonException e) {
                throw JacksonException.wrapWithPath(e, DistributionSpec.class, name);
            }
        }
        return new DistributionSpec(family, params);
    }

    private static Map<String, Object> readParams(JsonParser p) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw InvalidJsonValueException.of(p, Map.class,
                    "must be an object of parameters by torch's names, e.g. {\"loc\": 0, \"scale\": 1}");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken token = p.nextToken();
            try {
                params.put(name, readParam(p, token));
            } catch (JacksonException e) {
                throw JacksonException.wrapWithPath(e, params, name);
            }
        }
        return params;
    }

    private static Object readParam(JsonParser p, JsonToken token) {
        if (token == JsonToken.START_OBJECT) {
            return readSpec(p);
        }
        if (token == JsonToken.START_ARRAY) {
            return TensorDeserializer.readArray(p);
        }
        double value = JsonNumbers.read(p, token,
                "must be a number, a (nested) array of numbers, or a distribution {\"family\": ..., \"params\": ...}");
        return new TensorInput(new int[0], new double[] {value});
    }
}
