package dev.divergence.validation;

/**
 * One offending value of a request.
 *
 * @param pointer JSON Pointer (RFC 6901) to the value, e.g. {@code /q/3}
 * @param detail what is wrong with it
 * @param problem what kind of problem it is, or null for the kind of the request's problem as a whole
 */
public record Violation(String pointer, String detail, RequestProblem problem) {

    /**
     * A violation of the kind of the problem it is reported in.
     *
     * @param pointer JSON Pointer (RFC 6901) to the value
     * @param detail what is wrong with it
     */
    public Violation(String pointer, String detail) {
        this(pointer, detail, null);
    }

    /**
     * @param segment a raw key or index
     * @return the segment escaped for a JSON Pointer: {@code ~} as {@code ~0}, {@code /} as {@code ~1}
     */
    public static String escape(String segment) {
        return segment.indexOf('~') < 0 && segment.indexOf('/') < 0 ? segment
                : segment.replace("~", "~0").replace("/", "~1");
    }
}
