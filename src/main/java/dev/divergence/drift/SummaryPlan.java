package dev.divergence.drift;

import dev.divergence.validation.RequestProblem;
import dev.divergence.validation.Violation;
import dev.divergence.validation.Violations;
import java.util.Arrays;

/**
 * The type of a column one of whose windows is a summary: a histogram or a KLL sketch is numerical and pairs with
 * numbers (raw, a histogram or a sketch); category counts are categorical and pair with labels, raw numbers (as
 * labels) or counts. Two histograms must share their edges.
 */
final class SummaryPlan {

    private SummaryPlan() {
    }

    /** @return whether the window holds numbers: raw numbers, a histogram or a sketch */
    static boolean numeric(WindowColumn c) {
        return c instanceof ColumnSummary.Kll || c instanceof ColumnSummary.Histogram
                || c instanceof RawColumn raw && !raw.isLabels();
    }

    /** @return whether the window is a histogram or a sketch, which only numerical tests can use */
    static boolean numericSummary(WindowColumn c) {
        return c instanceof ColumnSummary.Kll || c instanceof ColumnSummary.Histogram;
    }

    /**
     * @return why the column cannot be tested, or null; two histograms on different edges are a violation
     *         (pointing at the current window's edges)
     */
    static String reason(String name, WindowColumn ref, WindowColumn cur, ColumnType override,
            Violations violations) {
        if (numericSummary(ref) || numericSummary(cur)) {
            WindowColumn summary = numericSummary(cur) ? cur : ref;
            String kind = ((ColumnSummary) summary).kind();
            WindowColumn other = summary == cur ? ref : cur;
            if (!numeric(other)) {
                return "a " + kind + " is numerical, and the " + (other == cur ? "current" : "reference")
                        + " window holds " + (other instanceof ColumnSummary.Categories ? "category counts"
                        : "strings or booleans");
            }
            if (override == ColumnType.CATEGORICAL) {
                return "a " + kind + " supports numerical tests only; send category counts for a categorical column";
            }
            if (ref instanceof ColumnSummary.Histogram r && cur instanceof ColumnSummary.Histogram c
                    && !Arrays.equals(r.edges(), c.edges())) {
                violations.add(RequestProblem.INVALID_OPTION, "/current/" + Violation.escape(name)
                        + "/histogram/edges", "the two windows' histograms of \"" + name
                        + "\" must have the same edges");
            }
            return null;
        }
        if (override == ColumnType.NUMERICAL) {
            return "category counts support categorical tests only";
        }
        return null;
    }

    /** @return the type of a column with a summary that can be tested */
    static ColumnType type(WindowColumn ref, WindowColumn cur) {
        return numericSummary(ref) || numericSummary(cur) ? ColumnType.NUMERICAL : ColumnType.CATEGORICAL;
    }

    /**
     * Evidently's text rule on the current window (more than half of the present values distinct), for counts
     * or raw strings.
     *
     * @return the reason a text column is skipped, or null
     */
    static String textReason(WindowColumn cur) {
        if (cur instanceof ColumnSummary.Categories c && c.present() > c.count() * 0.5) {
            return ColumnPlan.textReason(c.present(), c.count());
        }
        if (cur instanceof RawColumn raw && raw.isLabels() && ColumnPlan.infer(raw) == null) {
            return ColumnPlan.textReason(raw.labels().length, raw.codes().length);
        }
        return null;
    }
}
