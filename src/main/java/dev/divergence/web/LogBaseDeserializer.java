package dev.divergence.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/** Reads {@code base}: the string {@code "e"} (Euler's number) or a JSON number, checked later by the service. */
public final class LogBaseDeserializer extends ValueDeserializer<Double> {

    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue();
        }
        if (token == JsonToken.VALUE_STRING && "e".equals(p.getString())) {
            return Math.E;
        }
        throw InvalidJsonValueException.of(p, Double.class, "must be \"e\" or a number > 0 and != 1");
    }
}
