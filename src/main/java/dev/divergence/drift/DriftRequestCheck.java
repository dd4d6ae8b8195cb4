package dev.divergence.drift;

import dev.divergence.samples.BinStrategy;
import dev.divergence.validation.RequestProblem;
import dev.divergence.validation.Violation;
import dev.divergence.validation.Violations;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * The checks of a drift request's options that need no data (before admission): {@code driftShare} in (0, 1],
 * thresholds finite, ≥ 0 and ≤ 1 where a p-value method is named, type-level methods that apply to their type,
 * well-formed bins, no column listed twice. Every violation is reported with its pointer.
 */
final class DriftRequestCheck {

    private DriftRequestCheck() {
    }

    /**
     * @param r the request
     * @param maxViolations the most violations listed
     * @throws dev.divergence.validation.InvalidRequestException with every violation
     */
    static void validate(DriftRequest r, int maxViolations) {
        Violations v = new Violations(maxViolations);
        if (r.reference() == null) {
            v.add(RequestProblem.MISSING_FIELD, "/reference", "is required: {column: [values]}");
        }
        if (r.current() == null) {
            v.add(RequestProblem.MISSING_FIELD, "/current", "is required: {column: [values]}");
        }
        if (r.driftShare() != null && !(r.driftShare() > 0 && r.driftShare() <= 1)) {
            v.add(RequestProblem.INVALID_OPTION, "/driftShare", "must be in (0, 1], was "
                    + Violations.format(r.driftShare()));
        }
        checkThreshold(v, "/threshold", r.threshold(), r.method());
        checkThreshold(v, "/numericalThreshold", r.numericalThreshold(), r.numericalMethod());
        checkThreshold(v, "/categoricalThreshold", r.categoricalThreshold(), r.categoricalMethod());
        checkType(v, "/numericalMethod", r.numericalMethod(), ColumnType.NUMERICAL);
        checkType(v, "/categoricalMethod", r.categoricalMethod(), ColumnType.CATEGORICAL);
        if (r.perColumn() != null) {
            for (Map.Entry<String, DriftRequest.ColumnRequest> e : r.perColumn().entrySet()) {
                String at = "/perColumn/" + Violation.escape(e.getKey());
                DriftRequest.ColumnRequest c = e.getValue();
                if (c == null) {
                    continue;
                }
                checkThreshold(v, at + "/threshold", c.threshold(), c.method());
                if (c.bins() != null) {
                    checkBins(v, at + "/bins", c.bins(), c.method());
                }
            }
        }
        if (r.columns() != null && r.columns().size() != new LinkedHashSet<>(r.columns()).size()) {
            v.add(RequestProblem.INVALID_OPTION, "/columns", "lists a column more than once");
        }
        v.throwIfAny();
    }

    private static void checkThreshold(Violations v, String pointer, Double threshold, DriftMethod method) {
        if (threshold == null) {
            return;
        }
        if (!(threshold >= 0 && threshold < Double.POSITIVE_INFINITY)) {
            v.add(RequestProblem.INVALID_OPTION, pointer, "must be a finite number >= 0, was "
                    + Violations.format(threshold));
        } else if (method != null && method.givesPValue() && threshold > 1) {
            v.add(RequestProblem.INVALID_OPTION, pointer, "is compared with the p-value of " + method.jsonName()
                    + ", so it must be in [0, 1], was " + Violations.format(threshold));
        }
    }

    private static void checkType(Violations v, String pointer, DriftMethod method, ColumnType type) {
        if (method != null && method != DriftMethod.AUTO && !method.columnTypes().contains(type)) {
            v.add(RequestProblem.INVALID_OPTION, pointer, method.jsonName() + " does not apply to "
                    + type.jsonName() + " columns");
        }
    }

    private static void checkBins(Violations v, String pointer, DriftRequest.BinsRequest bins, DriftMethod method) {
        BinStrategy strategy = bins.strategy() == null ? BinStrategy.AUTO : bins.strategy();
        if (method != null && method != DriftMethod.AUTO && method != DriftMethod.PSI && method != DriftMethod.KL
                && method != DriftMethod.JENSEN_SHANNON && method != DriftMethod.HELLINGER) {
            v.add(RequestProblem.INVALID_OPTION, pointer, "bins apply to psi, kl, jensenShannon and hellinger, not "
                    + method.jsonName());
        }
        if (strategy == BinStrategy.EDGES) {
            double[] e = bins.edges();
            if (e == null || e.length < 2) {
                v.add(RequestProblem.INVALID_OPTION, pointer + "/edges", "the edges strategy needs at least 2 edges");
                return;
            }
            for (int i = 0; i < e.length; i++) {
                if (!Double.isFinite(e[i]) || (i > 0 && !(e[i] > e[i - 1]))) {
                    v.add(RequestProblem.INVALID_OPTION, pointer + "/edges/" + i,
                            "must be finite and greater than the edge before it, was " + Violations.format(e[i]));
                }
            }
        } else if (bins.edges() != null) {
            v.add(RequestProblem.INVALID_OPTION, pointer + "/edges", "edges need the strategy \"edges\"");
        }
        if (bins.count() != null) {
            if (strategy != BinStrategy.COUNT && strategy != BinStrategy.QUANTILE) {
                v.add(RequestProblem.INVALID_OPTION, pointer + "/count", "count applies to the strategies count and "
                        + "quantile, not " + strategy.jsonName());
            } else if (!(bins.count() >= 1 && bins.count() <= 100_000)) {
                v.add(RequestProblem.INVALID_OPTION, pointer + "/count", "must be between 1 and 100000, was "
                        + bins.count());
            }
        }
    }
}
