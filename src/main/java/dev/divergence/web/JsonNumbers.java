package dev.divergence.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Reads one number of a streamed array: a JSON number, or one of the strings "Infinity", "+Infinity",
 * "-Infinity" and "NaN" (JSON has no literal for them; the service checks each value against its field's
 * domain and says why it is invalid there).
 */
public final class JsonNumbers {

    private JsonNumbers() {
    }

    /**
     * @param p the parser, positioned on {@code token}
     * @param token the current token
     * @param expected the error message when the token is not a number, in JSON terms ("must be …")
     * @return the value
     * @throws MismatchedInputException if the token is neither a number nor one of the special strings
     */
    public static double read(JsonParser p, JsonToken token, String expected) {
        if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
            return p.getDoubleValue();
        }
        if (token == JsonToken.VALUE_STRING) {
            switch (p.getString()) {
                case "Infinity", "+Infinity" -> {
                    return Double.POSITIVE_INFINITY;
                }
                case "-Infinity" -> {
                    return Double.NEGATIVE_INFINITY;
                }
                case "NaN" -> {
                    return Double.NaN;
                }
                default -> {
                    // not a special value: the error below
                }
            }
        }
        throw InvalidJsonValueException.of(p, double.class, expected);
    }
}
