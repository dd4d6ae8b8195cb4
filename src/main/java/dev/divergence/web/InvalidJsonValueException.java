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

    private InvalidJsonValueException(JsonParser p, String detail, Class<?> targetType) {
        super(p, detail, targetType);
    }

    /**
     * @param p the parser, at the offending value
     * @param targetType what was being read
     * @param detail what is wrong, in JSON terms, without the pointer (it is added from the path)
     * @return the exception to throw
     */
    public static InvalidJsonValueException of(JsonParser p, Class<?> targetType, String detail) {
        return new InvalidJsonValueException(p, detail, targetType);
    }
}
