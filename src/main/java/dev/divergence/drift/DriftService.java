package dev.divergence.drift;

import dev.divergence.compute.Cancellation;
import dev.divergence.compute.drift.CategoricalTests;
import dev.divergence.compute.drift.MultipleTesting;
import dev.divergence.compute.drift.TestResult;
import dev.divergence.config.DriftProperties;
import dev.divergence.config.LimitProperties;
import dev.divergence.runtime.ComputeGate;
import dev.divergence.runtime.ServiceMeters;
import dev.divergence.samples.BinStrategy;
import dev.divergence.validation.RequestProblem;
import dev.divergence.validation.Violation;
import dev.divergence.validation.Violations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import org.springframework.stereotype.Service;

/**
 * Data drift across the columns of two windows: each column's type (Evidently's inference unless overridden),
 * its test (Evidently's automatic choice unless set), its threshold, the test itself, an optional
 * multiple-testing correction, and the dataset verdict. The options are checked before admission; the columns
 * are tested inside the compute gate and its deadline, in parallel on a pool with one thread per core.
 */
@Service
public class DriftService {

    /** Evidently: an integer column with at most this many distinct values in the current window is categorical. */
    static final int INTEGER_CARDINALITY_LIMIT = 10;
    private static final double DEFAULT_DRIFT_SHARE = 0.5;
    private static final double MISSING_SHARE_THRESHOLD = 0.05;

    private final ComputeGate gate;
    private final ServiceMeters meters;
    private final LimitProperties limits;
    private final ColumnTester tester;
    private final ForkJoinPool pool;

    DriftService(ComputeGate gate, ServiceMeters meters, LimitProperties limits, DriftProperties drift,
            DriftPool pool) {
        this.pool = pool.pool();
        this.gate = gate;
        this.meters = meters;
        this.limits = limits;
        this.tester = new ColumnTester(drift.maxPermutationWork());
    }

    /**
     * @param request the windows and options
     * @return per-column results and the dataset verdict
     * @throws dev.divergence.validation.InvalidRequestException for invalid options, every one with its pointer
     */
    public DriftResponse evaluate(DriftRequest request) {
        return evaluate(request, false).response();
    }

    /**
     * @param request the windows and options
     * @return per-column results, the dataset verdict, and what the HTML report draws of each tested column
     * @throws dev.divergence.validation.InvalidRequestException for invalid options, every one with its pointer
     */
    DriftReport report(DriftRequest request) {
        return evaluate(request, true);
    }

    private DriftReport evaluate(DriftRequest request, boolean charts) {
        validate(request);
        DriftReport report = gate.run("drift", () -> compute(request, charts));
        DriftResponse response = report.response();
        meters.recordDrift(response.numberOfColumns(), response.numberOfDriftedColumns(),
                response.skippedColumns().size());
        return report;
    }

    /**
     * An answer with the report's charts.
     *
     * @param response the JSON answer
     * @param charts what the report draws, by column
     */
    record DriftReport(DriftResponse response, java.util.Map<String, ColumnChart> charts) {
    }

    private void validate(DriftRequest r) {
        Violations v = new Violations(limits.maxViolations());
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

    private DriftReport compute(DriftRequest r, boolean charts) {
        Map<String, RawColumn> reference = r.reference().columns();
        Map<String, RawColumn> current = r.current().columns();
        List<String> names = r.columns() != null ? r.columns() : defaultColumns(reference, current);
        List<DriftResponse.Skipped> skipped = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (r.columns() == null) {
            for (String name : reference.keySet()) {
                if (!current.containsKey(name)) {
                    skipped.add(new DriftResponse.Skipped(name, "only in the reference window"));
                }
            }
            for (String name : current.keySet()) {
                if (!reference.containsKey(name)) {
                    skipped.add(new DriftResponse.Skipped(name, "only in the current window"));
                }
            }
        }
        Violations violations = new Violations(limits.maxViolations());
        List<ColumnPlan> plans = new ArrayList<>();
        for (String name : names) {
            RawColumn ref = reference.get(name);
            RawColumn cur = current.get(name);
            if (ref == null || cur == null) {
                if (r.columns() != null) {
                    skipped.add(new DriftResponse.Skipped(name, ref == null && cur == null ? "in neither window"
                            : ref == null ? "only in the current window" : "only in the reference window"));
                }
                continue;
            }
            ColumnPlan plan = ColumnPlan.of(name, ref, cur, r, violations);
            if (plan.skipReason() != null) {
                skipped.add(new DriftResponse.Skipped(name, plan.skipReason()));
            } else {
                plans.add(plan);
            }
        }
        violations.throwIfAny();
        unusedOverrides(r, names, warnings);

        List<Object> outcomes = runAll(plans, r.missingValues() == MissingValues.CATEGORY, charts);
        List<ColumnPlan> testedPlans = new ArrayList<>();
        List<Tested> tested = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            Object o = outcomes.get(i);
            if (o instanceof ColumnTester.Untestable u) {
                skipped.add(new DriftResponse.Skipped(plans.get(i).name(), u.getMessage()));
            } else {
                testedPlans.add(plans.get(i));
                tested.add((Tested) o);
            }
        }
        Correction correction = r.correction() == null ? Correction.NONE : r.correction();
        double[] scores = adjust(correction, tested);
        List<DriftResponse.Column> columns = new ArrayList<>();
        int drifted = 0;
        for (int i = 0; i < tested.size(); i++) {
            DriftResponse.Column c = column(testedPlans.get(i), tested.get(i), scores[i], correction,
                    r.missingValues());
            if (c.driftDetected()) {
                drifted++;
            }
            columns.add(c);
        }
        double share = columns.isEmpty() ? 0 : (double) drifted / columns.size();
        double driftShare = r.driftShare() == null ? DEFAULT_DRIFT_SHARE : r.driftShare();
        if (columns.isEmpty()) {
            warnings.add("no column could be tested: the dataset verdict is no drift");
        }
        java.util.Map<String, ColumnChart> chartsByColumn = new java.util.LinkedHashMap<>();
        for (int i = 0; i < tested.size(); i++) {
            if (tested.get(i).chart() != null) {
                chartsByColumn.put(testedPlans.get(i).name(), tested.get(i).chart());
            }
        }
        return new DriftReport(new DriftResponse(!columns.isEmpty() && share >= driftShare, driftShare,
                columns.size(), drifted, share, correction, columns, skipped, warnings), chartsByColumn);
    }

    private static List<String> defaultColumns(Map<String, RawColumn> reference, Map<String, RawColumn> current) {
        List<String> names = new ArrayList<>();
        for (String name : current.keySet()) {
            if (reference.containsKey(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static void unusedOverrides(DriftRequest r, List<String> names, List<String> warnings) {
        if (r.perColumn() != null) {
            for (String name : r.perColumn().keySet()) {
                if (!names.contains(name)) {
                    warnings.add("perColumn names \"" + name + "\", which is not among the tested columns");
                }
            }
        }
        if (r.columnTypes() != null) {
            for (String name : r.columnTypes().keySet()) {
                if (!names.contains(name)) {
                    warnings.add("columnTypes names \"" + name + "\", which is not among the tested columns");
                }
            }
        }
    }

    /** A column's test result, with the method that ran. */
    /**
     * A column's test result, with what its answer needs of the data (the data themselves are left to the
     * collector as soon as the column is done, so a request holds at most one sorted copy per running task).
     */
    private record Tested(DriftMethod method, TestResult result, int referenceDistinct, int currentDistinct,
            int newCategories, ColumnChart chart) {
    }

    /** Tests the columns in parallel (largest first), each under the caller's deadline. */
    private List<Object> runAll(List<ColumnPlan> plans, boolean missingAsCategory, boolean charts) {
        long remaining = Cancellation.remainingNanos();
        List<Callable<Object>> tasks = new ArrayList<>(plans.size());
        for (ColumnPlan plan : plans) {
            tasks.add(() -> remaining == Long.MAX_VALUE ? test(plan, missingAsCategory, charts)
                    : Cancellation.withDeadline(remaining, () -> test(plan, missingAsCategory, charts)));
        }
        Integer[] order = new Integer[plans.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(plans.get(b).cells(), plans.get(a).cells()));
        List<Future<Object>> futures = new ArrayList<>(java.util.Collections.nCopies(plans.size(), null));
        for (int i : order) {
            futures.set(i, pool.submit(tasks.get(i)));
        }
        List<Object> outcomes = new ArrayList<>(plans.size());
        try {
            for (Future<Object> f : futures) {
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

    private Object test(ColumnPlan plan, boolean missingAsCategory, boolean charts) {
        ColumnData data = ColumnData.of(plan.reference(), plan.current());
        if (missingAsCategory && plan.type() == ColumnType.CATEGORICAL) {
            data.addMissingCategory(plan.reference().missing(), plan.current().missing());
        }
        if (data.referenceSize() == 0 || data.currentSize() == 0) {
            return new ColumnTester.Untestable((data.referenceSize() == 0 ? "the reference" : "the current window")
                    + " has no values left after dropping missing values and ±∞");
        }
        DriftMethod method = plan.method() == DriftMethod.AUTO
                ? ColumnTester.auto(plan.type(), data.referenceSize(), data.uniqueUpTo(ColumnTester.AUTO_DISTINCT_CAP))
                : plan.method();
        try {
            TestResult result = tester.run(method, plan.type(), data, plan.bins());
            double score = method.givesPValue() ? result.pValue() : result.statistic();
            if (Double.isNaN(score)) {
                // only an overflow gets here (values near ±1.8e308: a range or variance beyond double)
                return new ColumnTester.Untestable(method.jsonName() + " is undefined here: the values are too large "
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
                    charts ? ColumnChart.of(plan.type(), data, plan.reference(), plan.current()) : null);
        } catch (ColumnTester.Untestable u) {
            return u;
        }
    }

    /** The scores: p-values (adjusted under a correction) or distances. */
    private static double[] adjust(Correction correction, List<Tested> tested) {
        double[] scores = new double[tested.size()];
        int[] pIndex = new int[tested.size()];
        double[] raw = new double[tested.size()];
        int m = 0;
        for (int i = 0; i < tested.size(); i++) {
            TestResult result = tested.get(i).result();
            boolean pValue = tested.get(i).method().givesPValue();
            scores[i] = pValue ? result.pValue() : result.statistic();
            if (pValue) {
                pIndex[m] = i;
                raw[m++] = result.pValue();
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

    private DriftResponse.Column column(ColumnPlan plan, Tested t, double score, Correction correction,
            MissingValues missingValues) {
        TestResult result = t.result();
        DriftMethod method = t.method();
        double threshold = plan.threshold() != null ? plan.threshold() : method.defaultThreshold();
        boolean drifted = method.comparison().drifted(score, threshold);
        List<String> warnings = new ArrayList<>();
        boolean pValue = method.givesPValue();
        Double statistic = pValue ? finiteOrInfinite(result.statistic()) : result.statistic();
        Double reportedP = result.hasPValue() ? score : null;
        Double rawP = correction != Correction.NONE && result.hasPValue() ? result.pValue() : null;
        if (!pValue) {
            statistic = score;
        }
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

    private static Double finiteOrInfinite(double statistic) {
        return Double.isNaN(statistic) ? null : statistic;
    }
}
