package dev.divergence.samples;

import dev.divergence.discrete.DiscreteOptions;
import dev.divergence.discrete.DiscreteResult;
import dev.divergence.discrete.DistributionInput;
import dev.divergence.validation.InvalidRequestException;
import dev.divergence.validation.Violation;
import dev.divergence.discrete.DiscreteDivergenceService;
import dev.divergence.runtime.ComputeGate;
import dev.divergence.runtime.ServiceMeters;
import dev.divergence.validation.RequestProblem;
import dev.divergence.validation.Violations;
import dev.divergence.compute.LogBase;
import dev.divergence.compute.estimators.BinEdges;
import dev.divergence.compute.estimators.Bootstrap;
import dev.divergence.compute.estimators.GaussianFit;
import dev.divergence.compute.estimators.Histogram;
import dev.divergence.compute.estimators.KnnDivergence;
import dev.divergence.compute.estimators.TwoSampleStatistics;
import dev.divergence.compute.parametric.InvalidParameterException;
import dev.divergence.config.LimitProperties;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * KL divergence (and the discrete metric bundle) estimated from raw samples: counting for labels, histograms and
 * the k-NN estimator for real values, a Gaussian fit, with an optional percentile bootstrap interval. Validates
 * every input with a JSON Pointer before any estimation starts.
 */
@Service
public class SamplesService {

    /** Bootstrap resamples when not given. */
    public static final int DEFAULT_RESAMPLES = 1000;
    /** Bins of the count and quantile strategies when not given. */
    public static final int DEFAULT_BIN_COUNT = 10;
    /** Above this fraction of tied values, auto does not use k-NN. */
    static final double TIE_FRACTION = 0.1;

    private static final List<String> ESTIMATORS = List.of("auto", "counting", "histogram", "knn", "gaussian");
    private static final List<String> STRATEGIES = List.of("auto", "fd", "sturges", "scott", "doane", "sqrt",
            "quantile", "count", "edges");

    private final LimitProperties limits;
    private final ServiceMeters meters;
    private final DiscreteDivergenceService discrete;
    private final ComputeGate gate;

    SamplesService(LimitProperties limits, ServiceMeters meters, DiscreteDivergenceService discrete,
            ComputeGate gate) {
        this.limits = limits;
        this.meters = meters;
        this.discrete = discrete;
        this.gate = gate;
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
        String requested = options.estimator() == null ? "auto" : options.estimator();
        if (!ESTIMATORS.contains(requested)) {
            violations.add(RequestProblem.INVALID_OPTION, "/estimator", "unknown estimator \"" + requested
                    + "\"; expected one of " + String.join(", ", ESTIMATORS));
        }
        LogBase base = LogBase.NATS;
        if (options.base() != null) {
            try {
                base = LogBase.of(options.base());
            } catch (IllegalArgumentException e) {
                violations.add(RequestProblem.INVALID_OPTION, "/base",
                        "must be \"e\" or a number > 0 and != 1, was " + Violations.format(options.base()));
            }
        }
        checkSample(p, "/p", violations, false);
        checkSample(q, "/q", violations, p instanceof SampleInput.Labels);
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
        String estimator = choose(requested, p, q, warnings, violations);
        violations.throwIfAny();
        int k = options.k() == null ? 1 : options.k();
        int n = size(p);
        int m = size(q);
        int dim = p instanceof SampleInput.Points pts ? pts.d() : 1;
        if (estimator.equals("knn") && (double) n * m * dim > limits.maxKnnWork()) {
            violations.add(RequestProblem.LIMIT_EXCEEDED, "/p", "a k-NN estimate over n = " + n + " and m = " + m
                    + " points of dimension " + dim + " is n·m·d = " + String.format(Locale.ROOT, "%.0f",
                            (double) n * m * dim) + ", more than divergence.limits.max-knn-work = "
                    + limits.maxKnnWork());
        }
        if (estimator.equals("knn") && !(k >= 1 && k <= n - 1 && k <= m)) {
            violations.add(RequestProblem.INVALID_OPTION, "/k", "must be between 1 and min(n - 1, m) = "
                    + Math.min(n - 1, m) + " for samples of sizes n = " + n + " and m = " + m + ", was " + k);
        } else if (options.k() != null && !estimator.equals("knn")) {
            warnings.add("k applies to the knn estimator only; it was ignored by " + estimator);
        }
        SamplesOptions.BootstrapOption boot = options.bootstrap();
        int resamples = 0;
        double level = 0.95;
        if (boot != null) {
            resamples = boot.resamples() == null ? DEFAULT_RESAMPLES : boot.resamples();
            level = boot.confidenceLevel() == null ? 0.95 : boot.confidenceLevel();
            if (!(resamples >= 2)) {
                violations.add(RequestProblem.INVALID_OPTION, "/bootstrap/resamples", "must be >= 2, was " + resamples);
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
        double[] edges = estimator.equals("histogram") ? edges(options.bins(), (SampleInput.Points) p,
                (SampleInput.Points) q, violations) : null;
        if (options.bins() != null && !estimator.equals("histogram")) {
            warnings.add("bins apply to the histogram estimator only; they were ignored by " + estimator);
        }
        violations.throwIfAny();
        long seed = boot == null || boot.seed() == null ? 0 : boot.seed();
        meters.recordInputSize("samples", (long) n + m);
        LogBase b = base;
        int bootResamples = resamples;
        double bootLevel = level;
        return gate.run("samples", () -> switch (estimator) {
            case "counting" -> counting(p, q, options, b, boot == null ? 0 : bootResamples, bootLevel, seed, warnings);
            case "histogram" -> histogram((SampleInput.Points) p, (SampleInput.Points) q, edges, options, b,
                    boot == null ? 0 : bootResamples, bootLevel, seed, warnings);
            default -> continuous(estimator, (SampleInput.Points) p, (SampleInput.Points) q, k, b,
                    boot == null ? 0 : bootResamples, bootLevel, seed, options, warnings);
        });
    }

    // ------------------------------------------------------------------------------------------ checks

    private void checkSample(SampleInput s, String at, Violations violations, boolean mapAllowed) {
        if (s == null) {
            violations.add(RequestProblem.MISSING_FIELD, at, "is required: an array of samples");
            return;
        }
        if (s instanceof SampleInput.ProbabilityMap map) {
            if (!mapAllowed) {
                violations.add(RequestProblem.INVALID_DISTRIBUTION, at, at.equals("/p")
                        ? "must be a sample (an array of labels or numbers), not a probability map"
                        : "may be a probability map only when p holds labels");
                return;
            }
            for (int i = 0; i < map.probabilities().length; i++) {
                double v = map.probabilities()[i];
                if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
                    violations.add(RequestProblem.INVALID_DISTRIBUTION, at + "/" + Violation.escape(map.keys()[i]),
                            "must be a finite probability >= 0, was " + Violations.format(v));
                }
            }
            return;
        }
        int n = size(s);
        if (n < 2) {
            violations.add(RequestProblem.INVALID_DISTRIBUTION, at, "must have at least 2 samples, has " + n);
            return;
        }
        if (s instanceof SampleInput.Points pts) {
            if ((long) pts.n() * pts.d() > limits.maxElements()) {
                violations.add(RequestProblem.LIMIT_EXCEEDED, at, "has " + (long) pts.n() * pts.d()
                        + " values, more than the limit of " + limits.maxElements());
                return;
            }
            double[] v = pts.values();
            for (int i = 0; i < v.length; i++) {
                if (!(Math.abs(v[i]) < Double.POSITIVE_INFINITY)) {
                    String pointer = pts.rows() ? at + "/" + i / pts.d() + "/" + i % pts.d() : at + "/" + i;
                    violations.add(RequestProblem.INVALID_DISTRIBUTION, pointer,
                            "must be a finite number, was " + Violations.format(v[i]));
                }
            }
        } else if (n > limits.maxElements()) {
            violations.add(RequestProblem.LIMIT_EXCEEDED, at, "has " + n + " labels, more than the limit of "
                    + limits.maxElements());
        }
    }

    private static int size(SampleInput s) {
        if (s instanceof SampleInput.Labels l) {
            return l.labels().length;
        }
        if (s instanceof SampleInput.Points pts) {
            return pts.n();
        }
        return 0;
    }

    private String choose(String requested, SampleInput p, SampleInput q, List<String> warnings,
            Violations violations) {
        if (p instanceof SampleInput.Labels) {
            if (!requested.equals("auto") && !requested.equals("counting")) {
                violations.add(RequestProblem.INVALID_OPTION, "/estimator", requested
                        + " needs real-valued samples; labels are compared by counting");
            }
            return "counting";
        }
        SampleInput.Points a = (SampleInput.Points) p;
        SampleInput.Points b = (SampleInput.Points) q;
        if (a.d() > 1 && (requested.equals("histogram") || requested.equals("counting"))) {
            violations.add(RequestProblem.INVALID_OPTION, "/estimator", requested + " needs 1-D samples; these "
                    + "have dimension " + a.d() + " (use knn or gaussian)");
            return requested;
        }
        if (!requested.equals("auto")) {
            return requested;
        }
        double tied = tiedFraction(a, b);
        if (tied <= TIE_FRACTION) {
            return "knn";
        }
        String pct = String.format(Locale.ROOT, "%.0f%%", 100 * tied);
        if (a.d() == 1 && allIntegers(a) && allIntegers(b)) {
            warnings.add(pct + " of the values repeat and all are integers: auto counted them (estimator "
                    + "counting) instead of k-NN, which needs distinct points");
            return "counting";
        }
        if (a.d() == 1) {
            warnings.add(pct + " of the values repeat: auto binned them (estimator histogram) instead of k-NN, "
                    + "which needs distinct points");
            return "histogram";
        }
        warnings.add(pct + " of the points repeat: k-NN skips zero distances, which biases it; consider the "
                + "gaussian estimator");
        return "knn";
    }

    /** The fraction of pooled points equal to an earlier one. */
    private static double tiedFraction(SampleInput.Points a, SampleInput.Points b) {
        int d = a.d();
        int total = a.n() + b.n();
        if (d == 1) {
            double[] pooled = new double[total];
            System.arraycopy(a.values(), 0, pooled, 0, a.n());
            System.arraycopy(b.values(), 0, pooled, a.n(), b.n());
            Arrays.sort(pooled);
            int repeats = 0;
            for (int i = 1; i < total; i++) {
                if (pooled[i] == pooled[i - 1]) {
                    repeats++;
                }
            }
            return (double) repeats / total;
        }
        // a 64-bit hash of each row's bits, sorted: equal rows have equal hashes (a collision between different
        // rows, probability ~2^-64 per pair, would only count one more tie in a heuristic)
        long[] hashes = new long[total];
        int at = 0;
        for (SampleInput.Points s : List.of(a, b)) {
            double[] v = s.values();
            for (int i = 0; i < s.n(); i++) {
                long h = 0x9E3779B97F4A7C15L;
                for (int j = 0; j < d; j++) {
                    // + 0.0 folds -0.0 into 0.0, which are the same point
                    h = (h ^ Double.doubleToLongBits(v[i * d + j] + 0.0)) * 0xBF58476D1CE4E5B9L;
                    h ^= h >>> 31;
                }
                hashes[at++] = h;
            }
        }
        Arrays.sort(hashes);
        int repeats = 0;
        for (int i = 1; i < total; i++) {
            if (hashes[i] == hashes[i - 1]) {
                repeats++;
            }
        }
        return (double) repeats / total;
    }

    private static boolean allIntegers(SampleInput.Points s) {
        for (double v : s.values()) {
            if (v != Math.rint(v)) {
                return false;
            }
        }
        return true;
    }

    private double[] edges(SamplesOptions.Bins bins, SampleInput.Points p, SampleInput.Points q, Violations violations) {
        String strategy = bins == null || bins.strategy() == null ? "auto" : bins.strategy();
        if (!STRATEGIES.contains(strategy)) {
            violations.add(RequestProblem.INVALID_OPTION, "/bins/strategy", "unknown strategy \"" + strategy
                    + "\"; expected one of " + String.join(", ", STRATEGIES));
            return null;
        }
        int maxBins = limits.maxElements();
        if (strategy.equals("edges")) {
            double[] e = bins.edges();
            if (e == null || e.length < 2) {
                violations.add(e == null ? RequestProblem.MISSING_FIELD : RequestProblem.INVALID_OPTION, "/bins/edges",
                        "the edges strategy needs at least 2 edges");
                return null;
            }
            if (e.length - 1 > maxBins) {
                violations.add(RequestProblem.LIMIT_EXCEEDED, "/bins/edges", "has " + (e.length - 1)
                        + " bins, more than the limit of " + maxBins);
                return null;
            }
            for (int i = 0; i < e.length; i++) {
                if (!(Math.abs(e[i]) < Double.POSITIVE_INFINITY)) {
                    violations.add(RequestProblem.INVALID_OPTION, "/bins/edges/" + i, "must be finite, was "
                            + Violations.format(e[i]));
                } else if (i > 0 && !(e[i] > e[i - 1])) {
                    violations.add(RequestProblem.INVALID_OPTION, "/bins/edges/" + i, "must be greater than the "
                            + "edge before it (" + Violations.format(e[i - 1]) + "), was "
                            + Violations.format(e[i]));
                }
            }
            return e.clone();
        }
        if (bins != null && bins.edges() != null) {
            violations.add(RequestProblem.INVALID_OPTION, "/bins/edges", "edges need the strategy \"edges\"");
            return null;
        }
        int count = bins == null || bins.count() == null ? DEFAULT_BIN_COUNT : bins.count();
        if (bins != null && bins.count() != null && !strategy.equals("count") && !strategy.equals("quantile")) {
            violations.add(RequestProblem.INVALID_OPTION, "/bins/count", "count applies to the strategies count "
                    + "and quantile, not " + strategy);
            return null;
        }
        if (!(count >= 1 && count <= maxBins)) {
            violations.add(count >= 1 ? RequestProblem.LIMIT_EXCEEDED : RequestProblem.INVALID_OPTION, "/bins/count",
                    "must be between 1 and " + maxBins + ", was " + count);
            return null;
        }
        double[] pooled = new double[p.n() + q.n()];
        System.arraycopy(p.values(), 0, pooled, 0, p.n());
        System.arraycopy(q.values(), 0, pooled, p.n(), q.n());
        if (strategy.equals("quantile")) {
            return BinEdges.quantiles(p.values(), count);
        }
        if (strategy.equals("count")) {
            double lo = Arrays.stream(pooled).min().getAsDouble();
            double hi = Arrays.stream(pooled).max().getAsDouble();
            return lo == hi ? BinEdges.equalWidth(lo - 0.5, hi + 0.5, count) : BinEdges.equalWidth(lo, hi, count);
        }
        try {
            return BinEdges.of(pooled, BinEdges.Rule.valueOf(strategy.toUpperCase(Locale.ROOT)), maxBins);
        } catch (IllegalArgumentException e) {
            violations.add(RequestProblem.LIMIT_EXCEEDED, "/bins/strategy", e.getMessage());
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------ estimators

    private SamplesResult counting(SampleInput p, SampleInput q, SamplesOptions options, LogBase base,
            int resamples, double level, long seed, List<String> warnings) {
        Map<String, Integer> index = new LinkedHashMap<>();
        int[] pCodes = codes(p, index);
        int[] qCodes = q instanceof SampleInput.ProbabilityMap ? new int[0] : codes(q, index);
        double[] qFixed = null;
        if (q instanceof SampleInput.ProbabilityMap map) {
            for (String key : map.keys()) {
                index.putIfAbsent(key, index.size());
            }
            qFixed = new double[index.size()];
            for (int i = 0; i < map.keys().length; i++) {
                qFixed[index.get(map.keys()[i])] = map.probabilities()[i];
            }
            if (options.smoothing() != null && "additive".equals(options.smoothing().method())) {
                throw single(RequestProblem.INVALID_OPTION, "/smoothing/method", "additive smoothing adds "
                        + "pseudo-counts to both samples; q is a probability map here (use epsilon)");
            }
        }
        String[] categories = index.keySet().toArray(new String[0]);
        double[] qTable = qFixed;
        DiscreteResult r = discrete.evaluateUnmetered(pair(categories, tally(pCodes, categories.length),
                qTable != null ? qTable : tally(qCodes, categories.length)), discreteOptions(options));
        List<String> all = new ArrayList<>(warnings);
        all.addAll(r.warnings());
        if (r.kl() == Double.POSITIVE_INFINITY) {
            all.add("KL is infinite because some label of p never occurs in q; smoothing (e.g. {\"method\": "
                    + "\"additive\", \"alpha\": 1}) gives a finite estimate");
        }
        SamplesResult.Interval interval = null;
        if (resamples > 0) {
            DiscreteOptions klOnly = klOnly(options);
            Bootstrap.Interval ci = Bootstrap.percentile(pCodes.length, qCodes.length, resamples, level, seed,
                    (pi, qi) -> discrete.evaluateUnmetered(pair(categories, tally(pCodes, pi, categories.length),
                            qTable != null ? qTable : tally(qCodes, qi, categories.length)), klOnly).kl());
            interval = new SamplesResult.Interval(level, ci.lower(), ci.upper(), resamples);
        }
        return new SamplesResult("counting", r.kl(), r.base(), r, Map.of(), pCodes.length, qCodes.length, null, null,
                null, interval, all);
    }

    private SamplesResult histogram(SampleInput.Points p, SampleInput.Points q, double[] edges, SamplesOptions options,
            LogBase base, int resamples, double level, long seed, List<String> warnings) {
        double[] pc = Histogram.counts(p.values(), edges);
        double[] qc = Histogram.counts(q.values(), edges);
        int b = edges.length - 1;
        boolean lower = pc[0] + qc[0] > 0;
        boolean upper = pc[b + 1] + qc[b + 1] > 0;
        int from = lower ? 0 : 1;
        int to = upper ? b + 2 : b + 1;
        double[] shownEdges = new double[to - from + 1];
        for (int i = 0; i < shownEdges.length; i++) {
            int e = from + i - 1;
            shownEdges[i] = e < 0 ? Double.NEGATIVE_INFINITY : e > b ? Double.POSITIVE_INFINITY : edges[e];
        }
        double[] pBins = Arrays.copyOfRange(pc, from, to);
        double[] qBins = Arrays.copyOfRange(qc, from, to);
        List<String> all = new ArrayList<>(warnings);
        if (lower || upper) {
            all.add("values outside [" + Violations.format(edges[0]) + ", "
                    + Violations.format(edges[b]) + "] were counted in open-ended outer bins");
        }
        // the discrete path normalizes its arrays in place: give it copies, the counts are returned as they are
        DiscreteResult r = discrete.evaluateUnmetered(new DiscreteDivergenceService.Pair(
                new DistributionInput.Dense(pBins.clone()), new DistributionInput.Dense(qBins.clone())),
                discreteOptions(options));
        all.addAll(r.warnings());
        if (r.kl() == Double.POSITIVE_INFINITY) {
            all.add("KL is infinite because some bin holds values of p but none of q; smoothing (e.g. "
                    + "{\"method\": \"additive\", \"alpha\": 1}) or fewer bins give a finite estimate");
        }
        Map<String, Double> extra = new LinkedHashMap<>();
        extra.put("wasserstein1", TwoSampleStatistics.wasserstein1(p.values(), q.values()));
        double[] ks = TwoSampleStatistics.kolmogorovSmirnov(p.values(), q.values());
        extra.put("kolmogorovSmirnov", ks[0]);
        extra.put("kolmogorovSmirnovPValue", ks[1]);
        SamplesResult.Interval interval = null;
        if (resamples > 0) {
            DiscreteOptions klOnly = klOnly(options);
            Bootstrap.Interval ci = Bootstrap.percentile(p.n(), q.n(), resamples, level, seed, (pi, qi) -> {
                double[] a = Arrays.copyOfRange(Histogram.counts(pick(p.values(), pi), edges), from, to);
                double[] c = Arrays.copyOfRange(Histogram.counts(pick(q.values(), qi), edges), from, to);
                return discrete.evaluateUnmetered(new DiscreteDivergenceService.Pair(new DistributionInput.Dense(a),
                        new DistributionInput.Dense(c)), klOnly).kl();
            });
            interval = new SamplesResult.Interval(level, ci.lower(), ci.upper(), resamples);
        }
        return new SamplesResult("histogram", r.kl(), r.base(), r, extra, p.n(), q.n(), 1, null,
                new SamplesResult.Bins(shownEdges, pBins, qBins), interval, all);
    }

    private SamplesResult continuous(String estimator, SampleInput.Points p, SampleInput.Points q, int k, LogBase base,
            int resamples, double level, long seed, SamplesOptions options, List<String> warnings) {
        int d = p.d();
        List<String> all = new ArrayList<>(warnings);
        if (options.metrics() != null || options.smoothing() != null) {
            all.add("metrics and smoothing apply to counted or binned frequencies; " + estimator
                    + " estimates kl only");
        }
        double nats;
        try {
            if (estimator.equals("knn")) {
                KnnDivergence.Estimate e = KnnDivergence.estimate(p.values(), p.n(), q.values(), q.n(), d, k);
                nats = e.value();
                if (e.pointsWithTies() > 0) {
                    all.add(e.pointsWithTies() + " of p's " + p.n() + " points have duplicates (among p, or equal "
                            + "to a point of q): neighbours at distance 0 were skipped, which biases the estimate");
                }
                if (nats < 0) {
                    all.add("the k-NN estimate is negative: KL(P ‖ Q) >= 0, so P and Q are too close for these "
                            + "sample sizes to tell apart");
                }
            } else {
                nats = GaussianFit.klDivergence(p.values(), p.n(), q.values(), q.n(), d);
            }
        } catch (InvalidParameterException e) {
            throw single(RequestProblem.ESTIMATE_UNDEFINED, "/p", "a sample covariance is singular (fewer points "
                    + "than d + 1, or points on a hyperplane): the Gaussian fit is undefined");
        } catch (IllegalArgumentException e) {
            throw single(RequestProblem.ESTIMATE_UNDEFINED, "/p", e.getMessage());
        }
        SamplesResult.Interval interval = null;
        if (resamples > 0) {
            Bootstrap.Interval ci = Bootstrap.percentile(p.n(), q.n(), resamples, level, seed, (pi, qi) -> {
                double[] x = pickRows(p.values(), pi, d);
                double[] y = pickRows(q.values(), qi, d);
                try {
                    return estimator.equals("knn") ? KnnDivergence.estimate(x, pi.length, y, qi.length, d, k).value()
                            : GaussianFit.klDivergence(x, pi.length, y, qi.length, d);
                } catch (IllegalArgumentException e) {
                    // a resample of identical points: that resample has no estimate
                    return Double.POSITIVE_INFINITY;
                }
            });
            interval = new SamplesResult.Interval(level, base.fromNats(ci.lower()), base.fromNats(ci.upper()),
                    resamples);
            if (estimator.equals("knn")) {
                all.add("bootstrap resamples repeat points, and k-NN skips the resulting zero distances: the "
                        + "interval is approximate (the gaussian estimator's is better calibrated)");
            }
        }
        return new SamplesResult(estimator, base.fromNats(nats), base, null, Map.of(), p.n(), q.n(), d,
                estimator.equals("knn") ? k : null, null, interval, all);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static InvalidRequestException single(RequestProblem problem, String pointer, String detail) {
        return new InvalidRequestException(problem, pointer + ": " + detail, List.of(new Violation(pointer, detail)));
    }

    private static DiscreteDivergenceService.Pair pair(String[] categories, double[] p, double[] q) {
        return new DiscreteDivergenceService.Pair(new DistributionInput.Keyed(categories, p),
                new DistributionInput.Keyed(categories, q));
    }

    private static DiscreteOptions discreteOptions(SamplesOptions o) {
        return new DiscreteOptions("counts", null, o.base(), o.smoothing(), o.metrics(), null, null);
    }

    private static DiscreteOptions klOnly(SamplesOptions o) {
        return new DiscreteOptions("counts", null, o.base(), o.smoothing(), List.of("kl"), null, null);
    }

    private static int[] codes(SampleInput s, Map<String, Integer> index) {
        String[] labels = labels(s);
        int[] codes = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            Integer code = index.get(labels[i]);
            if (code == null) {
                code = index.size();
                index.put(labels[i], code);
            }
            codes[i] = code;
        }
        return codes;
    }

    /** Labels, or numbers as labels (integers without a decimal point). */
    private static String[] labels(SampleInput s) {
        if (s instanceof SampleInput.Labels l) {
            return l.labels();
        }
        double[] v = ((SampleInput.Points) s).values();
        String[] out = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] == Math.rint(v[i]) && Math.abs(v[i]) < 1e15 ? Long.toString((long) v[i])
                    : Double.toString(v[i]);
        }
        return out;
    }

    private static double[] tally(int[] codes, int categories) {
        double[] counts = new double[categories];
        for (int c : codes) {
            counts[c]++;
        }
        return counts;
    }

    private static double[] tally(int[] codes, int[] picks, int categories) {
        double[] counts = new double[categories];
        for (int i : picks) {
            counts[codes[i]]++;
        }
        return counts;
    }

    private static double[] pick(double[] values, int[] indices) {
        double[] out = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = values[indices[i]];
        }
        return out;
    }

    private static double[] pickRows(double[] values, int[] indices, int d) {
        double[] out = new double[indices.length * d];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(values, indices[i] * d, out, i * d, d);
        }
        return out;
    }
}
