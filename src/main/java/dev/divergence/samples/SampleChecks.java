package dev.divergence.samples;

import dev.divergence.config.LimitProperties;
import dev.divergence.validation.RequestProblem;
import dev.divergence.validation.Violation;
import dev.divergence.validation.Violations;

/**
 * Checks one sample before anything is estimated: present, at least 2 values (labels or points), finite numbers,
 * a probability map only where it is allowed, and within {@code divergence.limits.max-elements}.
 */
final class SampleChecks {

    private final LimitProperties limits;

    SampleChecks(LimitProperties limits) {
        this.limits = limits;
    }

    /**
     * @param s the sample, or null when absent
     * @param at its JSON Pointer
     * @param mapAllowed whether a probability map may stand in for the sample (q against labels)
     */
    void check(SampleInput s, String at, Violations violations, boolean mapAllowed) {
        if (s == null) {
            violations.add(RequestProblem.MISSING_FIELD, at, "is required: an array of samples");
            return;
        }
        if (s instanceof SampleInput.ProbabilityMap map) {
            if (!mapAllowed) {
                violations.add(RequestProblem.INVALID_DISTRIBUTION, at, at.equals("/p")
                        ? "must be a sample (an array of labels or numbers), not a probability map"
                        : "may be a probability map only when p holds labels");
                return;
            }
            for (int i = 0; i < map.probabilities().length; i++) {
                double v = map.probabilities()[i];
                if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
                    violations.add(RequestProblem.INVALID_DISTRIBUTION, at + "/" + Violation.escape(map.keys()[i]),
                            "must be a finite probability >= 0, was " + Violations.format(v));
                }
            }
            return;
        }
        int n = size(s);
        if (n < 2) {
            violations.add(RequestProblem.INVALID_DISTRIBUTION, at, "must have at least 2 samples, has " + n);
            return;
        }
        if (s instanceof SampleInput.Points pts) {
            if ((long) pts.n() * pts.d() > limits.maxElements()) {
                violations.add(RequestProblem.LIMIT_EXCEEDED, at, "has " + (long) pts.n() * pts.d()
                        + " values, more than the limit of " + limits.maxElements());
                return;
            }
            double[] v = pts.values();
            for (int i = 0; i < v.length; i++) {
                if (!(Math.abs(v[i]) < Double.POSITIVE_INFINITY)) {
                    String pointer = pts.rows() ? at + "/" + i / pts.d() + "/" + i % pts.d() : at + "/" + i;
                    violations.add(RequestProblem.INVALID_DISTRIBUTION, pointer,
                            "must be a finite number, was " + Violations.format(v[i]));
                }
            }
        } else if (n > limits.maxElements()) {
            violations.add(RequestProblem.LIMIT_EXCEEDED, at, "has " + n + " labels, more than the limit of "
                    + limits.maxElements());
        }
    }

    static int size(SampleInput s) {
        if (s instanceof SampleInput.Labels l) {
            return l.labels().length;
        }
        if (s instanceof SampleInput.Points pts) {
            return pts.n();
        }
        return 0;
    }
}
