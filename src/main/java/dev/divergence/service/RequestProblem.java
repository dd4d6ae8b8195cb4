package dev.divergence.service;

/** The kinds of invalid request the service layer recognizes; the web layer gives each a problem type. */
public enum RequestProblem {
    /** An entry or the whole of a distribution is outside its domain (negative, NaN, all zero, …). */
    INVALID_DISTRIBUTION,
    /** Two arrays that must have equal lengths do not. */
    LENGTH_MISMATCH,
    /** An option has an invalid value or combination (unknown metric, base ≤ 0, additive smoothing on probabilities). */
    INVALID_OPTION,
    /** A required field is absent or null. */
    MISSING_FIELD,
    /** The request is larger than a configured limit. */
    LIMIT_EXCEEDED
}
