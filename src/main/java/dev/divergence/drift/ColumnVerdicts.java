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
            RawColumn ref = plan.reference();
            RawColumn cur = plan.current();
            TestResult m = CategoricalTests.twoProportions(ref.missing(), ref.rows(), cur.missing(), cur.rows());
            double mt = pValue ? threshold : MISSING_SHARE_THRESHOLD;
            boolean missingDrift = m.pValue() < mt;
            missing = new DriftResponse.MissingShare((double) ref.missing() / ref.rows(),
                    (double) cur.missing() / cur.rows(), m.pValue(), mt, missingDrift);
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
        return new DriftResponse.Column(plan.name(), plan.type(), method, threshold, score,
                pValue ? DriftResponse.ScoreKind.P_VALUE : DriftResponse.ScoreKind.DISTANCE, statistic, reportedP,
                rawP, method.comparison().symbol(), drifted,
                new DriftResponse.WindowCounts(plan.reference().rows(), plan.reference().missing(),
                        plan.reference().infinite(), t.referenceDistinct()),
                new DriftResponse.WindowCounts(plan.current().rows(), plan.current().missing(),
                        plan.current().infinite(), t.currentDistinct()),
                missing, warnings);
    }
}
