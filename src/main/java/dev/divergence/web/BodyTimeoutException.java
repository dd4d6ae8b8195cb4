package dev.divergence.web;

import java.io.IOException;

/** A streamed request body read past its {@link ArrivalLimits}; answered 408 by {@link ProblemAdvice}. */
final class BodyTimeoutException extends IOException {

    private static final long serialVersionUID = 1L;

    BodyTimeoutException(String message) {
        super(message);
    }

    /** @return the detail of the 408 */
    String detail() {
        return getMessage();
    }

    /** @return the failure, or the first of its causes, that is a body that took too long; else null */
    static BodyTimeoutException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BodyTimeoutException b) {
                return b;
            }
        }
        return null;
    }
}
