package dev.divergence.validation;

import java.util.List;

/**
 * A request the service refuses, with every offending value located by a JSON Pointer. Thrown before any
 * expensive computation starts.
 */
public final class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RequestProblem problem;
    private final transient List<Violation> violations;

    /**
     * @param problem the kind of problem (of the first violation, when there are several kinds)
     * @param detail a sentence about this request
     * @param violations the offending values, at least one
     */
    public InvalidRequestException(RequestProblem problem, String detail, List<Violation> violations) {
        super(detail, null, false, false);
        this.problem = problem;
        this.violations = List.copyOf(violations);
    }

    /** @return the kind of problem */
    public RequestProblem problem() {
        return problem;
    }

    /** @return the offending values */
    public List<Violation> violations() {
        return violations;
    }
}
