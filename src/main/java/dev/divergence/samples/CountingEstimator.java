package dev.divergence.samples;

import dev.divergence.compute.estimators.Bootstrap;
import dev.divergence.discrete.DiscreteDivergenceService;
import dev.divergence.discrete.DiscreteResult;
import dev.divergence.discrete.DistributionInput;
import dev.divergence.discrete.ResolvedOptions;
import dev.divergence.validation.RequestProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counting (plug-in) estimator: the empirical frequencies of each label over the union of observed labels
 * (or q's probability map), then the whole discrete bundle. Its bootstrap statistic is the KL of the resampled
 * frequencies.
 */
final class CountingEstimator {

    private final DiscreteDivergenceService discrete;

    CountingEstimator(DiscreteDivergenceService discrete) {
        this.discrete = discrete;
    }

    /**
     * @param options the discrete options (counts; the request's base, smoothing and metrics), validated
     * @param klOnly the same options with the metric kl only, for the bootstrap
     * @param additiveSmoothing whether the request asked for additive smoothing
     * @param boot the bootstrap, or null
     */
    SamplesResult estimate(SampleInput p, SampleInput q, ResolvedOptions options, ResolvedOptions klOnly,
            boolean additiveSmoothing, BootstrapPlan boot, List<String> warnings) {
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
            if (additiveSmoothing) {
                throw SamplesService.single(RequestProblem.INVALID_OPTION, "/smoothing/method", "additive smoothing "
                        + "adds pseudo-counts to both samples; q is a probability map here (use epsilon)");
            }
        }
        String[] categories = index.keySet().toArray(new String[0]);
        double[] qTable = qFixed;
        DiscreteResult r = discrete.evaluateResolved(pair(categories, Resampling.tally(pCodes, categories.length),
                qTable != null ? qTable : Resampling.tally(qCodes, categories.length)), options);
        List<String> all = new ArrayList<>(warnings);
        all.addAll(r.warnings());
        if (r.kl() == Double.POSITIVE_INFINITY) {
            all.add("KL is infinite because some label of p never occurs in q; smoothing (e.g. {\"method\": "
                    + "\"additive\", \"alpha\": 1}) gives a finite estimate");
        }
        SamplesResult.Interval interval = null;
        if (boot != null) {
            Bootstrap.Interval ci = Bootstrap.percentile(pCodes.length, qCodes.length, boot.resamples(), boot.level(),
                    boot.seed(), (pi, qi) -> discrete.evaluateResolved(pair(categories,
                            Resampling.tally(pCodes, pi, categories.length), qTable != null ? qTable
                                    : Resampling.tally(qCodes, qi, categories.length)), klOnly).kl());
            interval = new SamplesResult.Interval(boot.level(), ci.lower(), ci.upper(), boot.resamples());
        }
        return new SamplesResult(Estimator.COUNTING, r.kl(), r.base(), r, Map.of(), pCodes.length, qCodes.length, null, null,
                null, interval, null, all);
    }

    private static DiscreteDivergenceService.Pair pair(String[] categories, double[] p, double[] q) {
        return new DiscreteDivergenceService.Pair(new DistributionInput.Keyed(categories, p),
                new DistributionInput.Keyed(categories, q));
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
}
