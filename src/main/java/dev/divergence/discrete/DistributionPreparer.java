package dev.divergence.discrete;

import dev.divergence.compute.InvalidDistributionException;
import dev.divergence.compute.ProbabilityVectors;
import dev.divergence.validation.RequestProblem;
import dev.divergence.validation.Violation;
import dev.divergence.validation.Violations;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns two {@link DistributionInput}s into aligned, checked probability vectors: aligns keyed maps over the
 * union of their categories, checks every entry against the input type, applies additive smoothing to counts,
 * softmax to log-domain input, normalization, and epsilon smoothing, in that order (docs/metrics.md, "Input
 * handling"). Works in place on the input arrays of dense input.
 */
final class DistributionPreparer {

    /**
     * Aligned probability vectors.
     *
     * @param p normalized reference distribution
     * @param q normalized approximating distribution, same length
     * @param logP p's natural logarithms for log-domain input (logits, log-probabilities) without epsilon smoothing,
     *        exact where p underflowed to 0 or a subnormal; else null
     * @param logQ likewise for q
     * @param categories the aligned category names for keyed input, else null
     */
    record PreparedPair(double[] p, double[] q, double[] logP, double[] logQ, String[] categories) {
    }

    private final int maxElements;
    private final double sumTolerance;

    DistributionPreparer(int maxElements, double sumTolerance) {
        this.maxElements = maxElements;
        this.sumTolerance = sumTolerance;
    }

    /**
     * @param prefix JSON Pointer of the object holding {@code p} and {@code q} ("" at the root)
     * @return the prepared pair, or null when violations were added
     */
    PreparedPair prepare(DistributionInput p, DistributionInput q, ResolvedOptions options, String prefix,
            Violations violations, List<String> warnings) {
        String pp = prefix + "/p";
        String qp = prefix + "/q";
        if (p == null || q == null) {
            if (p == null) {
                violations.add(RequestProblem.MISSING_FIELD, pp, "is required");
            }
            if (q == null) {
                violations.add(RequestProblem.MISSING_FIELD, qp, "is required");
            }
            return null;
        }
        if (!checkSize(p, pp, violations) | !checkSize(q, qp, violations)) {
            return null;
        }
        double fill = options.inputType().logDomain() ? Double.NEGATIVE_INFINITY : 0.0;
        double[] pv;
        double[] qv;
        String[] categories = null;
        if (p instanceof DistributionInput.Dense dp && q instanceof DistributionInput.Dense dq) {
            if (dp.values().length != dq.values().length) {
                violations.add(RequestProblem.LENGTH_MISMATCH, qp, "has " + dq.values().length
                        + " entries but p has " + dp.values().length + "; both must describe the same categories");
                return null;
            }
            pv = dp.values();
            qv = dq.values();
        } else if (p instanceof DistributionInput.Keyed kp && q instanceof DistributionInput.Keyed kq) {
            Map<String, Integer> index = new HashMap<>((kp.keys().length + kq.keys().length) * 2);
            if (!indexKeys(kp.keys(), index, pp, violations) | !indexKeys(kq.keys(), index, qp, violations)) {
                return null;
            }
            if (index.size() > maxElements) {
                violations.add(RequestProblem.LIMIT_EXCEEDED, prefix.isEmpty() ? "/" : prefix,
                        "the union of categories has " + index.size() + " entries, more than the limit of " + maxElements);
                return null;
            }
            categories = new String[index.size()];
            for (Map.Entry<String, Integer> e : index.entrySet()) {
                categories[e.getValue()] = e.getKey();
            }
            pv = aligned(kp, index, fill);
            qv = aligned(kq, index, fill);
        } else {
            violations.add(RequestProblem.INVALID_DISTRIBUTION, qp, p instanceof DistributionInput.Dense
                    ? "must be an array, like p" : "must be an object keyed by category, like p");
            return null;
        }
        String[] names = categories;
        boolean valid = checkEntries(pv, options.inputType(), pp, names, violations)
                & checkEntries(qv, options.inputType(), qp, names, violations);
        if (!valid) {
            return null;
        }
        // log-domain input keeps its log-softmax: the kernel then takes ln p and ln q from it, exact where the
        // probabilities underflow (logits [0, -800]); epsilon smoothing changes the zeros, so it drops them
        boolean keepLogs = options.inputType().logDomain()
                && options.smoothing().method() != SmoothingMethod.EPSILON;
        double[] rawP = keepLogs ? pv.clone() : null;
        double[] rawQ = keepLogs ? qv.clone() : null;
        if (!toProbabilities(pv, options, pp, "p", violations, warnings)
                | !toProbabilities(qv, options, qp, "q", violations, warnings)) {
            return null;
        }
        return new PreparedPair(pv, qv, keepLogs ? ProbabilityVectors.logSoftmax(rawP, "p") : null,
                keepLogs ? ProbabilityVectors.logSoftmax(rawQ, "q") : null, categories);
    }

    private boolean checkSize(DistributionInput d, String pointer, Violations violations) {
        if (d.size() == 0) {
            violations.add(RequestProblem.INVALID_DISTRIBUTION, pointer, "must have at least one entry");
            return false;
        }
        if (d.size() > maxElements) {
            violations.add(RequestProblem.LIMIT_EXCEEDED, pointer,
                    "has " + d.size() + " entries, more than the limit of " + maxElements);
            return false;
        }
        return true;
    }

    private static boolean indexKeys(String[] keys, Map<String, Integer> index, String pointer, Violations violations) {
        boolean ok = true;
        Map<String, Boolean> seen = new HashMap<>(keys.length * 2);
        for (String key : keys) {
            if (seen.put(key, Boolean.TRUE) != null) {
                violations.add(RequestProblem.INVALID_DISTRIBUTION, pointer + "/" + Violation.escape(key),
                        "duplicate category \"" + key + "\"");
                ok = false;
            }
            index.putIfAbsent(key, index.size());
        }
        return ok;
    }

    private static double[] aligned(DistributionInput.Keyed keyed, Map<String, Integer> index, double fill) {
        double[] v = new double[index.size()];
        if (fill != 0) {
            java.util.Arrays.fill(v, fill);
        }
        String[] keys = keyed.keys();
        double[] values = keyed.values();
        for (int i = 0; i < keys.length; i++) {
            v[index.get(keys[i])] = values[i];
        }
        return v;
    }

    private static boolean checkEntries(double[] v, InputType type, String pointer, String[] categories,
            Violations violations) {
        boolean ok = true;
        boolean logDomain = type.logDomain();
        for (int i = 0; i < v.length; i++) {
            double x = v[i];
            boolean valid = logDomain ? x < Double.POSITIVE_INFINITY : x >= 0 && x < Double.POSITIVE_INFINITY;
            if (!valid) {
                String at = pointer + "/" + (categories == null ? Integer.toString(i) : Violation.escape(categories[i]));
                violations.add(RequestProblem.INVALID_DISTRIBUTION, at, (logDomain
                        ? "must be a finite number or \"-Infinity\" (a natural-log weight)"
                        : "must be a finite number >= 0") + ", was " + Violations.format(x));
                ok = false;
            }
        }
        return ok;
    }

    private boolean toProbabilities(double[] v, ResolvedOptions options, String pointer, String name,
            Violations violations, List<String> warnings) {
        InputType type = options.inputType();
        try {
            if (type.logDomain()) {
                if (type == InputType.LOG_PROBABILITIES && !options.normalize()) {
                    double lse = ProbabilityVectors.logSumExp(v, name);
                    if (!(Math.abs(lse) <= sumTolerance)) {
                        violations.add(RequestProblem.INVALID_DISTRIBUTION, pointer, "the probabilities sum to "
                                + Math.exp(lse) + ", not 1 (tolerance " + sumTolerance
                                + "); set normalize to true to rescale them");
                        return false;
                    }
                }
                ProbabilityVectors.softmaxInPlace(v, name);
            } else {
                if (options.smoothing().method() == SmoothingMethod.ADDITIVE) {
                    double alpha = options.smoothing().parameter();
                    for (int i = 0; i < v.length; i++) {
                        v[i] += alpha;
                    }
                }
                double sum = ProbabilityVectors.normalizeInPlace(v, name);
                if (type == InputType.PROBABILITIES && !(Math.abs(sum - 1) <= sumTolerance)) {
                    if (!options.normalize()) {
                        violations.add(RequestProblem.INVALID_DISTRIBUTION, pointer, "sums to " + sum
                                + ", not 1 (tolerance " + sumTolerance + "); set normalize to true to rescale it");
                        return false;
                    }
                    warnings.add(name + " summed to " + sum + " and was rescaled to sum 1");
                }
            }
        } catch (InvalidDistributionException e) {
            violations.add(RequestProblem.INVALID_DISTRIBUTION, pointer, e.reason());
            return false;
        }
        if (options.smoothing().method() == SmoothingMethod.EPSILON) {
            epsilonSmooth(v, options.smoothing().parameter());
        }
        return true;
    }

    /** Replaces every exact zero by ε and renormalizes (docs/metrics.md, smoothing). */
    private static void epsilonSmooth(double[] v, double epsilon) {
        boolean changed = false;
        for (int i = 0; i < v.length; i++) {
            if (v[i] == 0) {
                v[i] = epsilon;
                changed = true;
            }
        }
        if (changed) {
            ProbabilityVectors.normalizeInPlace(v, "smoothed");
        }
    }

}
