package dev.divergence.validation;

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
    LIMIT_EXCEEDED,
    /** A parametric family name that the service does not know. */
    UNKNOWN_FAMILY,
    /** A parameter name the family does not have. */
    UNKNOWN_PARAMETER,
    /** A required parameter (or one of a group of alternatives) is absent. */
    MISSING_PARAMETER,
    /** More than one of a group of alternative parameterizations (probs and logits) is given. */
    CONFLICTING_PARAMETERS,
    /** A parameter value outside its domain (scale ≤ 0, probs outside [0, 1], a covariance not positive definite). */
    INVALID_PARAMETER,
    /** Parameter shapes that do not fit together (a d-vector with an e × e matrix, batches that do not broadcast). */
    SHAPE_MISMATCH,
    /** Two distributions on different sample spaces: KL between them is undefined. */
    INCOMPATIBLE_DISTRIBUTIONS,
    /** method closedForm for a pair that has no closed form. */
    NO_CLOSED_FORM,
    /** Well-formed samples for which the estimator is undefined (singular covariance, all points identical). */
    ESTIMATE_UNDEFINED
}
