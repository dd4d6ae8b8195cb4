package dev.divergence.drift;

import dev.divergence.config.DriftProperties;
import dev.divergence.config.LimitProperties;
import dev.divergence.runtime.ComputeGate;
import dev.divergence.runtime.ServiceMeters;
import dev.divergence.validation.Violations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Data drift across the columns of two windows: each column's type (Evidently's inference unless overridden),
 * its test (Evidently's automatic choice unless set), its threshold, the test itself, an optional
 * multiple-testing correction, and the dataset verdict. The options are checked before admission; the columns
 * are tested inside the compute gate and its deadline, in parallel on a pool with one thread per core.
 */
@Service
public class DriftService {

    private static final double DEFAULT_DRIFT_SHARE = 0.5;

    private final ComputeGate gate;
    private final ServiceMeters meters;
    private final LimitProperties limits;
    private final ColumnRunner runner;

    DriftService(ComputeGate gate, ServiceMeters meters, LimitProperties limits, DriftProperties drift,
            DriftPool pool) {
        this.gate = gate;
        this.meters = meters;
        this.limits = limits;
        this.runner = new ColumnRunner(new ColumnTester(drift.maxPermutationWork()), pool.pool());
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
        DriftRequestCheck.validate(request, limits.maxViolations());
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
    record DriftReport(DriftResponse response, Map<String, ColumnChart> charts) {
    }

    private DriftReport compute(DriftRequest r, boolean charts) {
        Map<String, WindowColumn> reference = r.reference().columns();
        Map<String, WindowColumn> current = r.current().columns();
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
            WindowColumn ref = reference.get(name);
            WindowColumn cur = current.get(name);
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

        List<ColumnRunner.Outcome> outcomes = runner.run(plans, r.missingValues() == MissingValues.CATEGORY, charts);
        List<ColumnPlan> testedPlans = new ArrayList<>();
        List<ColumnRunner.Tested> tested = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            if (outcomes.get(i) instanceof ColumnRunner.Tested t) {
                testedPlans.add(plans.get(i));
                tested.add(t);
            } else if (outcomes.get(i) instanceof ColumnRunner.NotTested n) {
                skipped.add(new DriftResponse.Skipped(plans.get(i).name(), n.reason()));
            }
        }
        Correction correction = r.correction() == null ? Correction.NONE : r.correction();
        double[] scores = ColumnVerdicts.scores(correction, tested);
        List<DriftResponse.Column> columns = new ArrayList<>();
        int drifted = 0;
        for (int i = 0; i < tested.size(); i++) {
            DriftResponse.Column c = ColumnVerdicts.column(testedPlans.get(i), tested.get(i), scores[i], correction,
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
        Map<String, ColumnChart> chartsByColumn = new LinkedHashMap<>();
        for (int i = 0; i < tested.size(); i++) {
            if (tested.get(i).chart() != null) {
                chartsByColumn.put(testedPlans.get(i).name(), tested.get(i).chart());
            }
        }
        return new DriftReport(new DriftResponse(!columns.isEmpty() && share >= driftShare, driftShare,
                columns.size(), drifted, share, correction, columns, skipped, warnings), chartsByColumn);
    }

    private static List<String> defaultColumns(Map<String, WindowColumn> reference, Map<String, WindowColumn> current) {
        List<String> names = new ArrayList<>();
        for (String name : current.keySet()) {
            if (reference.containsKey(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static void unusedOverrides(DriftRequest r, List<String> requested, List<String> warnings) {
        Set<String> names = new HashSet<>(requested);
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
}
