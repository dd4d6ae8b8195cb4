package dev.divergence.samples;

import dev.divergence.compute.estimators.Bootstrap;
import dev.divergence.compute.estimators.Histogram;
import dev.divergence.compute.estimators.TwoSampleStatistics;
import dev.divergence.discrete.DiscreteDivergenceService;
import dev.divergence.discrete.DiscreteResult;
import dev.divergence.discrete.DistributionInput;
import dev.divergence.discrete.ResolvedOptions;
import dev.divergence.validation.Violations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The histogram estimator for 1-D values: counts on shared bin edges, with open outer bins for values outside them
 * (shown only when they hold values), then the discrete bundle of the binned frequencies, plus the Wasserstein-1
 * distance and the two-sample Kolmogorov–Smirnov test of the raw values. Its bootstrap statistic is the KL of the
 * resampled values binned on the same edges.
 */
final class HistogramEstimator {

    private final DiscreteDivergenceService discrete;

    HistogramEstimator(DiscreteDivergenceService discrete) {
        this.discrete = discrete;
    }

    /**
     * @param edges the validated inner edges, strictly increasing
     * @param options the discrete options (counts; the request's base, smoothing and metrics), validated
     * @param klOnly the same options with the metric kl only, for the bootstrap
     * @param boot the bootstrap, or null
     */
    SamplesResult estimate(SampleInput.Points p, SampleInput.Points q, double[] edges, ResolvedOptions options,
            ResolvedOptions klOnly, BootstrapPlan boot, List<String> warnings) {
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
        DiscreteResult r = discrete.evaluateResolved(pair(pBins.clone(), qBins.clone()), options);
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
        if (boot != null) {
            Bootstrap.Interval ci = Bootstrap.percentile(p.n(), q.n(), boot.resamples(), boot.level(), boot.seed(),
                    (pi, qi) -> {
                        double[] a = Arrays.copyOfRange(Histogram.counts(Resampling.pick(p.values(), pi), edges),
                                from, to);
                        double[] c = Arrays.copyOfRange(Histogram.counts(Resampling.pick(q.values(), qi), edges),
                                from, to);
                        return discrete.evaluateResolved(pair(a, c), klOnly).kl();
                    });
            interval = new SamplesResult.Interval(boot.level(), ci.lower(), ci.upper(), boot.resamples());
        }
        return new SamplesResult(Estimator.HISTOGRAM, r.kl(), r.base(), r, extra, p.n(), q.n(), 1, null,
                new SamplesResult.Bins(shownEdges, pBins, qBins), interval, null, all);
    }

    private static DiscreteDivergenceService.Pair pair(double[] p, double[] q) {
        return new DiscreteDivergenceService.Pair(new DistributionInput.Dense(p), new DistributionInput.Dense(q));
    }
}
