package dev.divergence.validation;

import dev.divergence.compute.LogBase;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the violations of one request, up to a cap, and throws them together so a caller sees every
 * offending value at once. Not thread-safe: one instance per request.
 */
public final class Violations {

    private final int cap;
    private final List<Violation> list = new ArrayList<>();
    private RequestProblem first;
    private int total;

    public Violations(int cap) {
        this.cap = cap;
    }

    public void add(RequestProblem problem, String pointer, String detail) {
        if (first == null) {
            first = problem;
        }
        total++;
        if (list.size() < cap) {
            list.add(new Violation(pointer, detail, problem));
        }
    }

    public int count() {
        return total;
    }

    public boolean isEmpty() {
        return total == 0;
    }

    /** @throws InvalidRequestException if any violation was added */
    public void throwIfAny() {
        if (total == 0) {
            return;
        }
        String detail = total == 1 ? list.get(0).detail()
                : total + " values are invalid" + (total > list.size() ? " (the first " + list.size() + " are listed)" : "");
        if (total == 1) {
            detail = list.get(0).pointer() + ": " + detail;
        }
        throw new InvalidRequestException(first, detail, list);
    }

    /**
     * The logarithm base of a request: e (nats) when absent.
     *
     * @param base the base as written, or null
     * @param pointer where it is in the request
     * @return the base, or null after adding an {@code invalid-option} violation at {@code pointer}
     */
    public LogBase logBase(Double base, String pointer) {
        if (base == null) {
            return LogBase.NATS;
        }
        try {
            return LogBase.of(base);
        } catch (IllegalArgumentException e) {
            add(RequestProblem.INVALID_OPTION, pointer, "must be \"e\" or a number > 0 and != 1, was " + format(base));
            return null;
        }
    }

    /** @return {@code x} as a request would write it: {@code NaN}, {@code Infinity}, {@code -Infinity} or its digits */
    public static String format(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        return Double.isInfinite(x) ? (x > 0 ? "Infinity" : "-Infinity") : Double.toString(x);
    }
}
