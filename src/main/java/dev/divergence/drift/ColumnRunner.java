package dev.divergence.drift;

import dev.divergence.compute.Cancellation;
import dev.divergence.compute.drift.TestResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * Tests the planned columns of one request on the drift pool: the largest first, each under the caller's compute
 * deadline. A column's data (its sorted copies) live only while its task runs; what the answer needs of them is
 * kept in its {@link Tested} outcome.
 */
final class ColumnRunner {

    /** What became of one column. */
    sealed interface Outcome permits Tested, NotTested {
    }

    /**
     * A tested column.
     *
     * @param method the test that ran (auto resolved)
     * @param result its statistic and p-value
     * @param referenceDistinct distinct values the reference's test ran on
     * @param currentDistinct distinct values the current window's test ran on
     * @param newCategories categories only in the current window (for χ² and G, whose statistic they make infinite)
     * @param chart what the HTML report draws, or null
     * @param approximation the error bounds of a result computed from a sketch, or null when it is exact
     */
    record Tested(DriftMethod method, TestResult result, int referenceDistinct, int currentDistinct,
            int newCategories, ColumnChart chart, Approximation approximation) implements Outcome {

        /** distinct values that a summary does not tell */
        static final int UNKNOWN = -1;

        /** @return the raw score: the p-value of a hypothesis test, else the distance */
        double score() {
            return method.givesPValue() ? result.pValue() : result.statistic();
        }
    }

    /**
     * How far a result computed from sketches may be from the exact data's.
     *
     * @param rankError the largest normalized rank error of the sketches
     * @param scoreLower the lower end of the interval that holds the exact score
     * @param scoreUpper its upper end
     * @param statisticErrorBound the bound on the statistic's error (K-S), or null
     */
    record Approximation(double rankError, double scoreLower, double scoreUpper, Double statisticErrorBound) {
    }

    /**
     * A column whose data do not meet its test's conditions.
     *
     * @param reason why, for {@code skippedColumns}
     */
    record NotTested(String reason) implements Outcome {
    }

    private final ColumnTester tester;
    private final SummaryTester summaries;
    private final ForkJoinPool pool;

    ColumnRunner(ColumnTester tester, ForkJoinPool pool) {
        this.tester = tester;
        this.summaries = new SummaryTester(tester, this);
        this.pool = pool;
    }

    /** Tests the columns in parallel (largest first), each under the caller's deadline. */
    List<Outcome> run(List<ColumnPlan> plans, boolean missingAsCategory, boolean charts) {
        long remaining = Cancellation.remainingNanos();
        List<Callable<Outcome>> tasks = new ArrayList<>(plans.size());
        for (ColumnPlan plan : plans) {
            tasks.add(() -> remaining == Long.MAX_VALUE ? test(plan, missingAsCategory, charts)
                    : Cancellation.withDeadline(remaining, () -> test(plan, missingAsCategory, charts)));
        }
        Integer[] order = new Integer[plans.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(plans.get(b).cells(), plans.get(a).cells()));
        List<Future<Outcome>> futures = new ArrayList<>(Collections.nCopies(plans.size(), null));
        for (int i : order) {
            futures.set(i, pool.submit(tasks.get(i)));
        }
        List<Outcome> outcomes = new ArrayList<>(plans.size());
        try {
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while testing columns", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
        return outcomes;
    }

    private Outcome test(ColumnPlan plan, boolean missingAsCategory, boolean charts) {
        if (!(plan.reference() instanceof RawColumn ref && plan.current() instanceof RawColumn cur)) {
            return summaries.test(plan, missingAsCategory, charts);
        }
        return test(plan, ref, cur, missingAsCategory, charts);
    }

    /**
     * Tests a column of raw values (or of values a summary holds exactly).
     *
     * @return the outcome
     */
    Outcome test(ColumnPlan plan, RawColumn ref, RawColumn cur, boolean missingAsCategory, boolean charts) {
        ColumnData data = ColumnData.of(ref, cur);
        if (missingAsCategory && plan.type() == ColumnType.CATEGORICAL) {
            data.addMissingCategory(ref.missing(), cur.missing());
        }
        if (data.referenceSize() == 0 || data.currentSize() == 0) {
            return new NotTested((data.referenceSize() == 0 ? "the reference" : "the current window")
                    + " has no values left after dropping missing values and ±∞");
        }
        DriftMethod method = plan.method() == DriftMethod.AUTO
                ? ColumnTester.auto(plan.type(), data.referenceSize(), data.uniqueUpTo(ColumnTester.AUTO_DISTINCT_CAP))
                : plan.method();
        try {
            TestResult result = tester.run(method, plan.type(), data, plan.bins());
            if (Double.isNaN(method.givesPValue() ? result.pValue() : result.statistic())) {
                // only an overflow gets here (values near ±1.8e308: a range or variance beyond double)
                return new NotTested(method.jsonName() + " is undefined here: the values are too large "
                        + "for double arithmetic (their range or variance overflows)");
            }
            int newCategories = 0;
            if (method == DriftMethod.CHI_SQUARE || method == DriftMethod.G_TEST) {
                ColumnData.Categories c = data.categories();
                for (int i = 0; i < c.labels().length; i++) {
                    if (c.reference()[i] == 0 && c.current()[i] > 0) {
                        newCategories++;
                    }
                }
            }
            return new Tested(method, result, data.referenceDistinct(), data.currentDistinct(), newCategories,
                    charts ? ColumnChart.of(plan.type(), data, plan.reference(), plan.current()) : null, null);
        } catch (ColumnTester.Untestable u) {
            return new NotTested(u.getMessage());
        }
    }
}
