package dev.divergence.samples;

import dev.divergence.compute.LogBase;
import dev.divergence.compute.estimators.BiasCorrectedKnn;
import dev.divergence.compute.estimators.KnnDivergence;
import dev.divergence.config.LimitProperties;
import dev.divergence.discrete.DiscreteDivergenceService;
import dev.divergence.discrete.DiscreteOptions;
import dev.divergence.discrete.InputType;
import dev.divergence.discrete.ResolvedOptions;
import dev.divergence.discrete.SmoothingMethod;
import dev.divergence.runtime.ComputeGate;
import dev.divergence.runtime.ServiceMeters;
import dev.divergence.validation.InvalidRequestException;
import dev.divergence.validation.RequestProblem;
import dev.divergence.validation.Violation;
import dev.divergence.validation.Violations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * KL divergence (and the discrete metric bundle) estimated from raw samples: counting for labels, histograms and
 * the k-NN estimator for real values, a Gaussian fit, with an optional percentile bootstrap interval. Validates
 * every input with a JSON Pointer before any estimation starts ({@link SampleChecks}, {@link HistogramBins}),
 * chooses the estimator ({@link EstimatorChoice}), and runs it inside the compute gate: {@link CountingEstimator},
 * {@link HistogramEstimator} (both through the discrete feature's published kernel), {@link KnnEstimator},
 * {@link GaussianEstimator}, each with its own bootstrap statistic.
 */
@Service
public class SamplesService {

    /** Bootstrap resamples when not given. */
    public static final int DEFAULT_RESAMPLES = 1000;
    /** Bins of the count and quantile strategies when not given. */
    public static final int DEFAULT_BIN_COUNT = HistogramBins.DEFAULT_BIN_COUNT;


    private final LimitProperties limits;
    private final ServiceMeters meters;
    private final DiscreteDivergenceService discrete;
    private final ComputeGate gate;
    private final SampleChecks checks;
    private final HistogramBins bins;
    private final CountingEstimator counting;
    private final HistogramEstimator histogram;

    SamplesService(LimitProperties limits, ServiceMeters meters, DiscreteDivergenceService discrete,
            ComputeGate gate) {
        this.limits = limits;
        this.meters = meters;
        this.discrete = discrete;
        this.gate = gate;
        this.checks = new SampleChecks(limits);
        this.bins = new HistogramBins(limits);
        this.counting = new CountingEstimator(discrete);
        this.histogram = new HistogramEstimator(discrete);
    }

    /**
     * @param p the sample of P
     * @param q the sample of Q (or, with labels, its probability map)
     * @param options the options as written
     * @return the estimate
     * @throws InvalidRequestException listing every offending value
     */
    public SamplesResult evaluate(SampleInput p, SampleInput q, SamplesOptions options) {
        Violations violations = new Violations(limits.maxViolations());
        Estimator requested = options.estimator() == null ? Estimator.AUTO : options.estimator();
        LogBase base = violations.logBase(options.base(), "/base");
        checks.check(p, "/p", violations, false);
        checks.check(q, "/q", violations, p instanceof SampleInput.Labels);
        violations.throwIfAny();
        if ((p instanceof SampleInput.Labels) != !(q instanceof SampleInput.Points)) {
            violations.add(RequestProblem.INVALID_DISTRIBUTION, "/q", p instanceof SampleInput.Labels
                    ? "must hold labels (strings) like p, or a probability map" : "must hold numbers like p");
            violations.throwIfAny();
        }
        if (p instanceof SampleInput.Points a && q instanceof SampleInput.Points b && a.d() != b.d()) {
            violations.add(RequestProblem.SHAPE_MISMATCH, "/q", "has points of dimension " + b.d()
                    + " but p has dimension " + a.d());
            violations.throwIfAny();
        }
        List<String> warnings = new ArrayList<>();
        Estimator estimator = EstimatorChoice.choose(requested, p, q, warnings, violations);
        violations.throwIfAny();
        int k = options.k() == null ? 1 : options.k();
        int n = SampleChecks.size(p);
        int m = SampleChecks.size(q);
        int dim = p instanceof SampleInput.Points pts ? pts.d() : 1;
        boolean knn = estimator == Estimator.KNN || estimator == Estimator.KNN_BIAS_CORRECTED;
        if (knn && !(k >= 1 && k <= n - 1 && k <= m)) {
            violations.add(RequestProblem.INVALID_OPTION, "/k", "must be between 1 and min(n - 1, m) = "
                    + Math.min(n - 1, m) + " for samples of sizes n = " + n + " and m = " + m + ", was " + k);
        } else if (options.k() != null && !knn) {
            warnings.add("k applies to the knn estimators only; it was ignored by " + estimator.jsonName());
        }
        SamplesOptions.BootstrapOption boot = options.bootstrap();
        int resamples = 0;
        double level = 0.95;
        if (boot != null) {
            resamples = boot.resamples() == null ? DEFAULT_RESAMPLES : boot.resamples();
            level = boot.confidenceLevel() == null ? 0.95 : boot.confidenceLevel();
            if (!(resamples >= 2)) {
                violations.add(RequestProblem.INVALID_OPTION, "/bootstrap/resamples", "must be >= 2, was " + resamples);
            } else if (resamples > limits.maxResamples()) {
                violations.add(RequestProblem.LIMIT_EXCEEDED, "/bootstrap/resamples", resamples + " resamples, more "
                        + "than the limit of " + limits.maxResamples() + " (divergence.limits.max-resamples)");
            } else if ((double) resamples * (n + m) > limits.maxBootstrapWork()) {
                violations.add(RequestProblem.LIMIT_EXCEEDED, "/bootstrap/resamples", resamples + " resamples of "
                        + (n + m) + " values is " + (long) resamples * (n + m) + " resampled values, more than the "
                        + "limit of " + limits.maxBootstrapWork());
            }
            if (!(level > 0 && level < 1)) {
                violations.add(RequestProblem.INVALID_OPTION, "/bootstrap/confidenceLevel",
                        "must be in (0, 1), was " + Violations.format(level));
            }
        }
        if (knn) {
            // the k-NN work, admitted before it starts: each bootstrap resample re-runs the plain estimator
            double work = (estimator == Estimator.KNN ? KnnDivergence.work(n, m, dim)
                    : BiasCorrectedKnn.work(n, m, dim)) + (double) resamples * KnnDivergence.work(n, m, dim);
            if (work > limits.maxKnnWork()) {
                violations.add(RequestProblem.LIMIT_EXCEEDED, resamples > 0 ? "/bootstrap/resamples" : "/p",
                        estimator.jsonName() + " over n = " + n + " and m = " + m + " points of dimension " + dim
                        + (resamples > 0 ? " with " + resamples + " bootstrap resamples" : "") + " is an estimated "
                        + String.format(Locale.ROOT, "%.3g", work) + " units of work, more than "
                        + "divergence.limits.max-knn-work = " + limits.maxKnnWork() + " (docs/samples-accuracy.md)");
            }
        }
        double[] edges = estimator == Estimator.HISTOGRAM ? bins.edges(options.bins(), (SampleInput.Points) p,
                (SampleInput.Points) q, violations) : null;
        if (options.bins() != null && estimator != Estimator.HISTOGRAM) {
            warnings.add("bins apply to the histogram estimator only; they were ignored by " + estimator.jsonName());
        }
        violations.throwIfAny();
        long seed = boot == null || boot.seed() == null ? 0 : boot.seed();
        BootstrapPlan plan = boot == null ? null : new BootstrapPlan(resamples, level, seed);
        meters.recordInputSize("samples", (long) n + m);
        LogBase b = base;
        if (estimator == Estimator.COUNTING || estimator == Estimator.HISTOGRAM) {
            // the discrete bundle of the counted or binned frequencies: its options checked once, here
            ResolvedOptions bundle = discrete.resolve(new DiscreteOptions(InputType.COUNTS, null, options.base(),
                    options.smoothing(), options.metrics(), null, null));
            ResolvedOptions klOnly = bundle.klOnly();
            boolean additive = options.smoothing() != null && options.smoothing().method() == SmoothingMethod.ADDITIVE;
            return gate.run("samples", () -> estimator == Estimator.COUNTING
                    ? counting.estimate(p, q, bundle, klOnly, additive, plan, warnings)
                    : histogram.estimate((SampleInput.Points) p, (SampleInput.Points) q, edges, bundle, klOnly, plan,
                            warnings));
        }
        PointEstimator point = knn ? new KnnEstimator(k, estimator == Estimator.KNN_BIAS_CORRECTED, seed)
                : new GaussianEstimator();
        boolean countedOptions = options.metrics() != null || options.smoothing() != null;
        return gate.run("samples", () -> point.estimate((SampleInput.Points) p, (SampleInput.Points) q, b, plan,
                countedOptions, warnings));
    }

    /** @return a request problem with one violation, its detail prefixed by the pointer */
    static InvalidRequestException single(RequestProblem problem, String pointer, String detail) {
        return new InvalidRequestException(problem, pointer + ": " + detail, List.of(new Violation(pointer, detail)));
    }
}
