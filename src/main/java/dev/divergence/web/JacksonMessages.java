package dev.divergence.web;

import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The three request failures Jackson reports with a general exception type, whose kind is only in its message:
 * which parser limit was exceeded, content after the JSON value, and a duplicate key. This is the one place that
 * reads Jackson's message text; {@code JacksonMessagesTest} triggers each case on the Jackson in use and fails if
 * a release words them differently.
 */
final class JacksonMessages {

    /** The parser limits of {@code divergence.limits}. */
    enum Limit { NESTING_DEPTH, NUMBER_LENGTH, STRING_LENGTH, DOCUMENT_LENGTH, OTHER }

    private static final String DUPLICATE = "Duplicate Object property \"";

    private JacksonMessages() {
    }

    /** @return which limit {@code e} reports */
    static Limit limit(StreamConstraintsException e) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.startsWith("Document nesting depth")) {
            return Limit.NESTING_DEPTH;
        }
        if (m.startsWith("Number value length")) {
            return Limit.NUMBER_LENGTH;
        }
        if (m.startsWith("String value length") || m.startsWith("Name length")) {
            return Limit.STRING_LENGTH;
        }
        return m.startsWith("Document length") ? Limit.DOCUMENT_LENGTH : Limit.OTHER;
    }

    /** @return whether {@code e} reports content after the JSON value ({@code FAIL_ON_TRAILING_TOKENS}) */
    static boolean isTrailingContent(MismatchedInputException e) {
        return e.getMessage() != null && e.getMessage().contains("Trailing token");
    }

    /** @return the duplicated key {@code e} reports ({@code STRICT_DUPLICATE_DETECTION}), or null for another error */
    static String duplicateKey(StreamReadException e) {
        String m = e.getOriginalMessage();
        return m != null && m.startsWith(DUPLICATE) && m.endsWith("\"")
                ? m.substring(DUPLICATE.length(), m.length() - 1) : null;
    }
}
