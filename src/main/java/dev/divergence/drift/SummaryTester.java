package dev.divergence.drift;

import dev.divergence.compute.drift.Binning;
import dev.divergence.compute.drift.SummaryTests;
import dev.divergence.compute.drift.SummaryTests.Bounded;
import dev.divergence.compute.drift.TestResult;
import dev.divergence.compute.drift.WeightedSample;
import dev.divergence.compute.estimators.BinEdges;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Tests a column one of whose windows is a summary.
 * <ul>
 *   <li>Category counts: every categorical test, exactly (the permutation test draws the values grouped by
 *       category, since counts have no row order).</li>
 *   <li>A KLL sketch that holds every value it has seen (not in estimation mode) is expanded to its values: the
 *       column is then tested exactly as raw values are, by every method.</li>
 *   <li>A sketch in estimation mode: K-S, Wasserstein and the binned methods (Jensen–Shannon, PSI, KL,
 *       Hellinger) from the sketch's distribution function, each with the interval that holds the exact data's
 *       score ({@link SummaryTests}).</li>
 *   <li>A histogram: the binned methods on its edges (the other window binned on them too, outer bins open).</li>
 * </ul>
 */
final class SummaryTester {

    private static final String SKETCH_METHODS = "from a KLL sketch, ks, wasserstein, jensenShannon, psi, kl and "
            + "hellinger are computed";

    private final ColumnTester tester;
    private final ColumnRunner runner;

    SummaryTester(ColumnTester tester, ColumnRunner runner) {
        this.tester = tester;
        this.runner = runner;
    }

    ColumnRunner.Outcome test(ColumnPlan plan, boolean missingAsCategory, boolean charts) {
        WindowColumn ref = plan.reference();
        WindowColumn cur = plan.current();
        try {
            if (plan.type() == ColumnType.CATEGORICAL) {
                return categorical(plan, missingAsCategory, charts);
            }
            if (ref instanceof ColumnSummary.Histogram || cur instanceof ColumnSummary.Histogram) {
                return histogram(plan, charts);
            }
            RawColumn exactRef = exact(ref);
            RawColumn exactCur = exact(cur);
            if (exactRef != null && exactCur != null) {
                return runner.test(plan, exactRef, exactCur, missingAsCategory, charts);
            }
            WeightedSample r = sample(ref);
            WeightedSample c = sample(cur);
            if (r == null || c == null) {
                return new ColumnRunner.NotTested((r == null ? "the reference" : "the current window")
                        + " has no values left after dropping missing values and ±∞");
            }
            return sketched(plan, r, c, charts);
        } catch (ColumnTester.Untestable u) {
            return new ColumnRunner.NotTested(u.getMessage());
        }
    }

    /** Raw numbers as they are; a sketch that kept every value, expanded to them; else null. */
    private static RawColumn exact(WindowColumn column) {
        if (column instanceof RawColumn raw) {
            return raw;
        }
        if (column instanceof ColumnSummary.Kll kll && kll.sample() != null && kll.sample().exact()) {
            WeightedSample s = kll.sample();
            double[] values = new double[(int) s.n()];
            int k = 0;
            for (int i = 0; i < s.values().length; i++) {
                long weight = s.cumulative()[i] - (i == 0 ? 0 : s.cumulative()[i - 1]);
                for (long w = 0; w < weight; w++) {
                    values[k++] = s.values()[i] + 0.0;
                }
            }
            int missing = (int) Math.min(Integer.MAX_VALUE - values.length, kll.missing());
            return new RawColumn(values.length + missing, missing, values.length, null, false, new int[0],
                    new String[0], false, 0, CompletableFuture.completedFuture(values));
        }
        return null;
    }

    private static WeightedSample sample(WindowColumn column) {
        if (column instanceof ColumnSummary.Kll kll) {
            return kll.sample();
        }
        double[] sorted = ((RawColumn) column).sortedFinite();
        return sorted.length == 0 ? null : WeightedSample.ofSorted(sorted);
    }

    private ColumnRunner.Outcome sketched(ColumnPlan plan, WeightedSample r, WeightedSample c, boolean charts) {
        DriftMethod method = plan.method() == DriftMethod.AUTO ? ColumnTester.auto(ColumnType.NUMERICAL, r.n(),
                ColumnData.unionDistinct(r.values(), c.values(), ColumnTester.AUTO_DISTINCT_CAP)) : plan.method();
        double rankError = Math.max(r.rankError(), c.rankError());
        TestResult result;
        ColumnRunner.Approximation approximation;
        switch (method) {
            case KS -> {
                Bounded d = SummaryTests.ksStatistic(r, c);
                double p = SummaryTests.ksPValue(d.value(), r.n(), c.n());
                result = new TestResult(d.value(), p);
                approximation = new ColumnRunner.Approximation(rankError,
                        SummaryTests.ksPValue(d.upper(), r.n(), c.n()), SummaryTests.ksPValue(d.lower(), r.n(), c.n()),
                        r.rankError() + c.rankError());
            }
            case WASSERSTEIN -> {
                Bounded w = SummaryTests.wasserstein(r, c);
                Bounded sigma = SummaryTests.std(r);
                double score = w.value() / Math.max(sigma.value(), 0.001);
                result = TestResult.distance(score);
                approximation = new ColumnRunner.Approximation(rankError,
                        Math.min(score, w.lower() / Math.max(sigma.upper(), 0.001)),
                        Math.max(score, w.upper() / Math.max(sigma.lower(), 0.001)), null);
            }
            case JENSEN_SHANNON, PSI, KL, HELLINGER -> {
                SummaryBins.Binned b = SummaryBins.binned(r, c, plan.bins());
                double[] score = SummaryBins.score(method, b);
                result = TestResult.distance(score[0]);
                approximation = new ColumnRunner.Approximation(rankError, score[1], score[2], null);
            }
            case CHI_SQUARE, Z_TEST -> throw new ColumnTester.Untestable(method.jsonName() + " needs exact counts, "
                    + "and a sketch in estimation mode has approximate ones; " + SKETCH_METHODS);
            default -> throw new ColumnTester.Untestable(method.jsonName() + " needs the values themselves; "
                    + SKETCH_METHODS);
        }
        ColumnChart chart = null;
        if (charts) {
            double[] edges = chartEdges(r, c);
            chart = ColumnChart.ofBins(edges, SummaryTests.binWeights(r, edges, false),
                    SummaryTests.binWeights(c, edges, false), plan.reference(), plan.current());
        }
        return new ColumnRunner.Tested(method, result, distinct(r), distinct(c), 0, chart, approximation);
    }

    private static int distinct(WeightedSample s) {
        return s.exact() ? s.values().length : ColumnRunner.Tested.UNKNOWN;
    }

    private static double[] chartEdges(WeightedSample r, WeightedSample c) {
        double lo = Math.min(r.min(), c.min());
        double hi = Math.max(r.max(), c.max());
        double[] edges = Binning.sturgesEdges(lo, hi, r.n() + c.n());
        return edges.length - 1 > ColumnChart.MAX_BINS ? BinEdges.equalWidth(lo, hi, ColumnChart.MAX_BINS) : edges;
    }

    private ColumnRunner.Outcome histogram(ColumnPlan plan, boolean charts) {
        if (plan.bins() != null) {
            throw new ColumnTester.Untestable("a histogram is binned already: perColumn bins do not apply");
        }
        WindowColumn ref = plan.reference();
        WindowColumn cur = plan.current();
        double[] edges = ref instanceof ColumnSummary.Histogram h ? h.edges()
                : ((ColumnSummary.Histogram) cur).edges();
        DriftMethod method = plan.method() == DriftMethod.AUTO ? DriftMethod.JENSEN_SHANNON : plan.method();
        if (method != DriftMethod.JENSEN_SHANNON && method != DriftMethod.PSI && method != DriftMethod.KL
                && method != DriftMethod.HELLINGER) {
            throw new ColumnTester.Untestable(method.jsonName() + " needs the values or a KLL sketch; a histogram "
                    + "supports the binned methods: jensenShannon, psi, kl, hellinger");
        }
        SummaryBins.Binned b = new SummaryBins.Binned(weights(ref, edges), weights(cur, edges), rankError(ref),
                rankError(cur));
        if (ColumnData.sum(b.reference()) == 0 || ColumnData.sum(b.current()) == 0) {
            return new ColumnRunner.NotTested((ColumnData.sum(b.reference()) == 0 ? "the reference"
                    : "the current window") + " has no values left after dropping missing values and ±∞");
        }
        double[] score = SummaryBins.score(method, b);
        double rankError = Math.max(b.referenceError(), b.currentError());
        ColumnRunner.Approximation approximation = rankError == 0 ? null
                : new ColumnRunner.Approximation(rankError, score[1], score[2], null);
        return new ColumnRunner.Tested(method, TestResult.distance(score[0]), histogramDistinct(ref),
                histogramDistinct(cur), 0, charts ? ColumnChart.ofBins(edges, b.reference(), b.current(), ref, cur)
                        : null, approximation);
    }

    private static int histogramDistinct(WindowColumn column) {
        return column instanceof RawColumn raw ? Binning.distinct(raw.sortedFinite()) : ColumnRunner.Tested.UNKNOWN;
    }

    private static double rankError(WindowColumn column) {
        return column instanceof ColumnSummary.Kll kll && kll.sample() != null ? kll.sample().rankError() : 0;
    }

    /** A window's weights on a histogram's edges, outer bins open. */
    private static long[] weights(WindowColumn column, double[] edges) {
        if (column instanceof ColumnSummary.Histogram h) {
            return h.counts();
        }
        if (column instanceof ColumnSummary.Kll kll) {
            return kll.sample() == null ? new long[edges.length - 1]
                    : SummaryTests.binWeights(kll.sample(), edges, true);
        }
        return Binning.countsOpen(((RawColumn) column).sortedFinite(), edges);
    }

    private ColumnRunner.Outcome categorical(ColumnPlan plan, boolean missingAsCategory, boolean charts) {
        ColumnData data = ColumnData.ofCategories(categories(plan.reference(), plan.current()));
        if (missingAsCategory) {
            data.addMissingCategory(plan.reference().missingEntries(), plan.current().missingEntries());
        }
        if (data.referenceSize() == 0 || data.currentSize() == 0) {
            return new ColumnRunner.NotTested((data.referenceSize() == 0 ? "the reference" : "the current window")
                    + " has no values left after dropping missing values and ±∞");
        }
        DriftMethod method = plan.method() == DriftMethod.AUTO ? ColumnTester.auto(ColumnType.CATEGORICAL,
                data.referenceSize(), data.uniqueUpTo(ColumnTester.AUTO_DISTINCT_CAP)) : plan.method();
        TestResult result = tester.run(method, ColumnType.CATEGORICAL, data, null);
        ColumnData.Categories c = data.categories();
        int newCategories = 0;
        if (method == DriftMethod.CHI_SQUARE || method == DriftMethod.G_TEST) {
            for (int i = 0; i < c.labels().length; i++) {
                if (c.reference()[i] == 0 && c.current()[i] > 0) {
                    newCategories++;
                }
            }
        }
        return new ColumnRunner.Tested(method, result, data.referenceDistinct(), data.currentDistinct(),
                newCategories, charts ? ColumnChart.categorical(c, ColumnChart.missingShare(plan.reference()),
                        ColumnChart.missingShare(plan.current())) : null, null);
    }

    /** Counts per category of the two windows' union (categories counted in neither window left out). */
    private static ColumnData.Categories categories(WindowColumn ref, WindowColumn cur) {
        Counts r = counts(ref);
        Counts c = counts(cur);
        Map<String, Integer> index = new HashMap<>();
        List<String> labels = new ArrayList<>();
        for (Counts window : List.of(r, c)) {
            for (int i = 0; i < window.labels().length; i++) {
                if (window.counts()[i] > 0 && !index.containsKey(window.labels()[i])) {
                    index.put(window.labels()[i], labels.size());
                    labels.add(window.labels()[i]);
                }
            }
        }
        long[] rc = new long[labels.size()];
        long[] cc = new long[labels.size()];
        for (int i = 0; i < r.labels().length; i++) {
            if (r.counts()[i] > 0) {
                rc[index.get(r.labels()[i])] += r.counts()[i];
            }
        }
        for (int i = 0; i < c.labels().length; i++) {
            if (c.counts()[i] > 0) {
                cc[index.get(c.labels()[i])] += c.counts()[i];
            }
        }
        int first = 0;
        for (int i = 1; i < labels.size(); i++) {
            if (labels.get(i).compareTo(labels.get(first)) < 0) {
                first = i;
            }
        }
        return new ColumnData.Categories(labels.toArray(new String[0]), rc, cc, first, null, null);
    }

    /**
     * A window's counts per label.
     *
     * @param labels the labels
     * @param counts the count of each
     */
    record Counts(String[] labels, long[] counts) {
    }

    /**
     * @param column counts, labels, or numbers (counted by their text)
     * @return the count per label
     */
    static Counts counts(WindowColumn column) {
        if (column instanceof ColumnSummary.Categories c) {
            return new Counts(c.labels(), c.counts());
        }
        RawColumn raw = (RawColumn) column;
        if (raw.isLabels()) {
            long[] counts = new long[raw.labels().length];
            for (int code : raw.codes()) {
                counts[code]++;
            }
            return new Counts(raw.labels(), counts);
        }
        // numbers counted as labels: their text, as a raw column mixing numbers and labels has them
        double[] sorted = raw.sortedFinite();
        WeightedSample s = sorted.length == 0 ? null : WeightedSample.ofSorted(sorted);
        if (s == null) {
            return new Counts(new String[0], new long[0]);
        }
        String[] labels = new String[s.values().length];
        long[] counts = new long[labels.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = ColumnData.Categories.text(s.values()[i]);
            counts[i] = s.cumulative()[i] - (i == 0 ? 0 : s.cumulative()[i - 1]);
        }
        return new Counts(labels, counts);
    }
}
