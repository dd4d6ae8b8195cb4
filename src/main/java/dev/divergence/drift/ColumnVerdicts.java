package dev.divergence.drift;

import dev.divergence.compute.drift.CategoricalTests;
import dev.divergence.compute.drift.MultipleTesting;
import dev.divergence.compute.drift.TestResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * From tested columns to their answers: the scores after the multiple-testing correction, each compared with its
 * threshold in its method's direction, the missing-share test of {@code missingValues: separate}, the warnings.
 */
final class ColumnVerdicts {

    /** The p-value threshold of the missing-share test when the column's own score is a distance. */
    private static final double MISSING_SHARE_THRESHOLD = 0.05;

    private ColumnVerdicts() {
    }

    /** The scores: p-values (adjusted under a correction) or distances. */
    static double[] scores(Correction correction, List<ColumnRunner.Tested> tested) {
        double[] scores = new double[tested.size()];
        int[] pIndex = new int[tested.size()];
        double[] raw = new double[tested.size()];
        int m = 0;
        for (int i = 0; i < tested.size(); i++) {
            scores[i] = tested.get(i).score();
            if (tested.get(i).method().givesPValue()) {
                pIndex[m] = i;
                raw[m++] = scores[i];
            }
        }
        if (correction == Correction.NONE || m == 0) {
            return scores;
        }
        double[] p = Arrays.copyOf(raw, m);
        double[] adjusted = switch (correction) {
            case BONFERRONI -> MultipleTesting.bonferroni(p);
            case HOLM -> MultipleTesting.holm(p);
            case BENJAMINI_HOCHBERG -> MultipleTesting.benjaminiHochberg(p);
            case NONE -> p;
        };
        for (int j = 0; j < m; j++) {
            scores[pIndex[j]] = adjusted[j];
        }
        return scores;
    }

    /**
     * @param plan the column's plan
     * @param t its outcome
     * @param score its score after the correction
     * @param correction the correction applied
     * @param missingValues the missing-value policy (separate adds the missing-share test)
     * @return the column's answer
     */
    static DriftResponse.Column column(ColumnPlan plan, ColumnRunner.Tested t, double score, Correction correction,
            MissingValues missingValues) {
        TestResult result = t.result();
        DriftMethod method = t.method();
        double threshold = plan.threshold() != null ? plan.threshold() : method.defaultThreshold();
        boolean drifted = method.comparison().drifted(score, threshold);
        List<String> warnings = new ArrayList<>();
        boolean pValue = method.givesPValue();
        // a test without a statistic (Fisher on one category) reports null; ±∞ is written "Infinity"
        Double statistic = !pValue ? score : Double.isNaN(result.statistic()) ? null : result.statistic();
        Double reportedP = result.hasPValue() ? score : null;
        Double rawP = correction != Correction.NONE && result.hasPValue() ? result.pValue() : null;
        DriftResponse.MissingShare missing = null;
        if (missingValues == MissingValues.SEPARATE) {
            WindowColumn ref = plan.reference();
            WindowColumn cur = plan.current();
            TestResult m = CategoricalTests.twoProportions(ref.missingEntries(), ref.entries(), cur.missingEntries(),
                    cur.entries());
            double mt = pValue ? threshold : MISSING_SHARE_THRESHOLD;
            boolean missingDrift = m.pValue() < mt;
            missing = new DriftResponse.MissingShare((double) ref.missingEntries() / ref.entries(),
                    (double) cur.missingEntries() / cur.entries(), m.pValue(), mt, missingDrift);
            if (missingDrift && !drifted) {
                warnings.add("the values did not drift, but the share of missing values did");
            }
            drifted |= missingDrift;
        }
        if (t.newCategories() > 0) {
            int fresh = t.newCategories();
            warnings.add(fresh + (fresh == 1 ? " category appears" : " categories appear")
                    + " only in the current window: the statistic is infinite and the p-value 0");
        }
        ColumnRunner.Approximation a = t.approximation();
        double[] bounds = null;
        if (a != null) {
            // under a correction the raw score's interval scales as the score did (exactly so for Bonferroni)
            double scale = t.score() == 0 || score == t.score() ? 1 : score / t.score();
            bounds = new double[] {Math.min(1, a.scoreLower() * scale), a.scoreUpper() * scale};
            if (pValue) {
                bounds[1] = Math.min(1, bounds[1]);
            }
            boolean lowerDrifts = method.comparison().drifted(bounds[0], threshold);
            boolean upperDrifts = method.comparison().drifted(bounds[1], threshold);
            if (lowerDrifts != upperDrifts) {
                warnings.add("the verdict is uncertain: the exact data's score lies in [" + bounds[0] + ", "
                        + bounds[1] + "], which holds the threshold " + threshold + " (computed from a sketch "
                        + "with rank error " + a.rankError() + "; a larger k narrows it)");
            }
        }
        return new DriftResponse.Column(plan.name(), plan.type(), method, threshold, score,
                pValue ? DriftResponse.ScoreKind.P_VALUE : DriftResponse.ScoreKind.DISTANCE, statistic, reportedP,
                rawP, method.comparison().symbol(), drifted, counts(plan.reference(), t.referenceDistinct()),
                counts(plan.current(), t.currentDistinct()), missing,
                a == null ? null : Boolean.TRUE, a == null ? null : a.rankError(), bounds,
                a == null ? null : a.statisticErrorBound(), warnings);
    }

    private static DriftResponse.WindowCounts counts(WindowColumn c, int distinct) {
        return new DriftResponse.WindowCounts(c.entries(), c.missingEntries(), c.infiniteEntries(),
                distinct == ColumnRunner.Tested.UNKNOWN ? null : distinct,
                c instanceof ColumnSummary s ? s.kind() : null);
    }
}
