package dev.divergence.discrete;

import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes a metrics map ({name: number}, with nested {order: number} maps for Rényi) straight to the generator:
 * {@link JsonGenerator#writeNumber(double)} for each value, with no per-entry serializer lookup; a
 * {@link DiscreteMetrics} writes itself from its result. Non-finite values become the strings "Infinity" as
 * everywhere else (the generator's {@code WRITE_NAN_AS_STRINGS}); any other kind of value is left to Jackson.
 */
public final class MetricsSerializer extends ValueSerializer<Map<String, Object>> {

    @Override
    public void serialize(Map<String, Object> metrics, JsonGenerator gen, SerializationContext ctxt)
            throws JacksonException {
        if (metrics instanceof DiscreteMetrics discrete) {
            discrete.write(gen);
            return;
        }
        gen.writeStartObject();
        for (Map.Entry<String, Object> entry : metrics.entrySet()) {
            gen.writeName(entry.getKey());
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> byOrder) {
                gen.writeStartObject();
                for (Map.Entry<?, ?> order : byOrder.entrySet()) {
                    gen.writeName(order.getKey().toString());
                    writeValue(order.getValue(), gen, ctxt);
                }
                gen.writeEndObject();
            } else {
                writeValue(value, gen, ctxt);
            }
        }
        gen.writeEndObject();
    }

    private static void writeValue(Object value, JsonGenerator gen, SerializationContext ctxt) {
        if (value instanceof Double number) {
            gen.writeNumber(number.doubleValue());
        } else {
            ctxt.writeValue(gen, value);
        }
    }
}
