package dev.divergence.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A value our own deserializers refuse, with a detail written for the caller in JSON terms ("must be an array
 * of numbers"). It is a Jackson {@link MismatchedInputException}, so Jackson adds the path to the value as it
 * unwinds; the problem details take the detail as it is and the pointer from that path.
 */
public final class InvalidJsonValueException extends MismatchedInputException {

    private static final long serialVersionUID = 1L;

    private final boolean limitExceeded;

    private InvalidJsonValueException(JsonParser p, String detail, Class<?> targetType, boolean limitExceeded) {
        super(p, detail, targetType);
        this.limitExceeded = limitExceeded;
    }

    /** @return whether the value is refused for a configured limit (413), not for being invalid (400) */
    public boolean limitExceeded() {
        return limitExceeded;
    }

    /**
     * @param p the parser, at the offending value
     * @param targetType what was being read
     * @param detail what is wrong, in JSON terms, without the pointer (it is added from the path)
     * @return the exception to throw
     */
    public static InvalidJsonValueException of(JsonParser p, Class<?> targetType, String detail) {
        return new InvalidJsonValueException(p, detail, targetType, false);
    }

    /**
     * @param p the parser, at the value past the limit
     * @param targetType what was being read
     * @param detail which limit, and its value (the property's name), without the pointer
     * @return the exception to throw: a 413 {@code limit-exceeded} at the value's pointer
     */
    public static InvalidJsonValueException overLimit(JsonParser p, Class<?> targetType, String detail) {
        return new InvalidJsonValueException(p, detail, targetType, true);
    }
}
