package dev.divergence.drift;

import dev.divergence.validation.RequestProblem;
import dev.divergence.validation.Violation;
import dev.divergence.validation.Violations;

/**
 * What will be done with one column: its type (Evidently's inference from the current window unless overridden),
 * the method set for it (or auto), the threshold set for it (or null: the method's default), its bins; or why it
 * cannot be tested.
 *
 * @param name the column
 * @param reference its reference values
 * @param current its current values
 * @param type numerical or categorical
 * @param method the method set, or auto
 * @param threshold the threshold set, or null
 * @param bins the caller's bins, or null
 * @param skipReason why the column is not tested, or null
 */
record ColumnPlan(String name, WindowColumn reference, WindowColumn current, ColumnType type, DriftMethod method,
        Double threshold, DriftRequest.BinsRequest bins, String skipReason) {

    /** Evidently: an integer column with at most this many distinct values in the current window is categorical. */
    static final int INTEGER_CARDINALITY_LIMIT = 10;

    /** @return the values of both windows (to schedule the largest columns first) */
    long cells() {
        return reference.size() + current.size();
    }

    static ColumnPlan of(String name, WindowColumn ref, WindowColumn cur, DriftRequest r, Violations violations) {
        ColumnType override = r.columnTypes() == null ? null : r.columnTypes().get(name);
        String reason = null;
        ColumnType type = override;
        if (cur.isEmpty()) {
            reason = "the current window has no values in this column";
        } else if (ref.isEmpty()) {
            reason = "the reference window has no values in this column";
        } else if (ref instanceof RawColumn rawRef && cur instanceof RawColumn rawCur) {
            if (type == null) {
                type = infer(rawCur);
                if (type == null) {
                    reason = textReason(rawCur.labels().length, rawCur.codes().length);
                }
            }
            if (reason == null && type == ColumnType.NUMERICAL && (rawRef.isLabels() || rawCur.isLabels())) {
                reason = "a numerical column needs numbers in both windows; the "
                        + (rawCur.isLabels() ? "current" : "reference") + " window holds strings or booleans";
            }
        } else {
            reason = SummaryPlan.reason(name, ref, cur, override, violations);
            type = reason != null ? override : SummaryPlan.type(ref, cur);
            if (reason == null && override == null && type == ColumnType.CATEGORICAL) {
                reason = SummaryPlan.textReason(cur);
            }
        }
        if (reason != null) {
            return new ColumnPlan(name, ref, cur, type, null, null, null, reason);
        }
        String at = "/perColumn/" + Violation.escape(name);
        DriftRequest.ColumnRequest own = r.perColumn() == null ? null : r.perColumn().get(name);
        DriftMethod typeMethod = type == ColumnType.NUMERICAL ? r.numericalMethod() : r.categoricalMethod();
        DriftMethod method;
        String methodPointer;
        if (own != null && own.method() != null) {
            method = own.method();
            methodPointer = at + "/method";
            if (method != DriftMethod.AUTO && !method.columnTypes().contains(type)) {
                violations.add(RequestProblem.INVALID_OPTION, methodPointer, method.jsonName() + " does not apply to "
                        + type.jsonName() + " columns, and \"" + name + "\" is " + type.jsonName());
            }
        } else if (typeMethod != null) {
            method = typeMethod;
            methodPointer = type == ColumnType.NUMERICAL ? "/numericalMethod" : "/categoricalMethod";
        } else if (r.method() != null) {
            method = r.method();
            methodPointer = "/method";
            if (method != DriftMethod.AUTO && !method.columnTypes().contains(type)) {
                return new ColumnPlan(name, ref, cur, type, method, null, null, method.jsonName()
                        + " does not apply to " + type.jsonName() + " columns");
            }
        } else {
            method = DriftMethod.AUTO;
            methodPointer = "/method";
        }
        Double typeThreshold = type == ColumnType.NUMERICAL ? r.numericalThreshold() : r.categoricalThreshold();
        Double threshold = own != null && own.threshold() != null ? own.threshold()
                : typeThreshold != null ? typeThreshold : r.threshold();
        if (threshold == null && method == DriftMethod.KNN_KL) {
            violations.add(RequestProblem.MISSING_FIELD, methodPointer, "knnKl has no default threshold: give one "
                    + "(threshold, numericalThreshold or perColumn." + name + ".threshold)");
        }
        DriftRequest.BinsRequest bins = own == null ? null : own.bins();
        if (bins != null && type != ColumnType.NUMERICAL) {
            violations.add(RequestProblem.INVALID_OPTION, at + "/bins", "bins apply to numerical columns, and \""
                    + name + "\" is " + type.jsonName());
        }
        return new ColumnPlan(name, ref, cur, type, method, threshold, bins, null);
    }

    static String textReason(long distinct, long present) {
        return "text column: " + distinct + (distinct == 1 ? " distinct value in " : " distinct values in ") + present
                + " (more than half are distinct; text is not tested)";
    }

    /**
     * Evidently's {@code infer_column_type} on the current window: floats numerical; integers categorical with at
     * most 10 distinct values, else numerical; booleans categorical; strings text when more than half of the
     * present values are distinct, else categorical.
     *
     * @return the type, or null for text
     */
    static ColumnType infer(RawColumn current) {
        if (current.isLabels()) {
            if (current.booleans()) {
                return ColumnType.CATEGORICAL;
            }
            return current.labels().length > current.codes().length * 0.5 ? null : ColumnType.CATEGORICAL;
        }
        if (!current.integerLiterals()) {
            return ColumnType.NUMERICAL;
        }
        return distinctAtMost(current.rowOrder(), INTEGER_CARDINALITY_LIMIT) ? ColumnType.CATEGORICAL
                : ColumnType.NUMERICAL;
    }

    private static boolean distinctAtMost(double[] values, int limit) {
        double[] seen = new double[limit];
        int count = 0;
        for (double v : values) {
            boolean known = false;
            for (int i = 0; i < count; i++) {
                if (seen[i] == v) {
                    known = true;
                    break;
                }
            }
            if (!known) {
                if (count == limit) {
                    return false;
                }
                seen[count++] = v;
            }
        }
        return true;
    }
}
