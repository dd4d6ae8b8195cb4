package dev.divergence.samples;

import dev.divergence.compute.estimators.BinEdges;
import dev.divergence.config.LimitProperties;
import dev.divergence.validation.RequestProblem;
import dev.divergence.validation.Violations;
import java.util.Arrays;

/**
 * The bin edges of the histogram estimator from the request's {@code bins}: numpy's rules over the pooled values
 * ({@code auto}, {@code fd}, {@code sturges}, {@code scott}, {@code doane}, {@code sqrt}), quantiles of p,
 * {@code count} equal bins over the pooled range, or explicit {@code edges}; every error with its pointer.
 */
final class HistogramBins {

    /** Bins of the count and quantile strategies when not given. */
    static final int DEFAULT_BIN_COUNT = 10;


    private final LimitProperties limits;

    HistogramBins(LimitProperties limits) {
        this.limits = limits;
    }

    /** @return the inner edges, or null after adding a violation */
    double[] edges(SamplesOptions.Bins bins, SampleInput.Points p, SampleInput.Points q, Violations violations) {
        BinStrategy strategy = bins == null || bins.strategy() == null ? BinStrategy.AUTO : bins.strategy();
        int maxBins = limits.maxElements();
        if (strategy == BinStrategy.EDGES) {
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
        if (bins != null && bins.count() != null && strategy != BinStrategy.COUNT
                && strategy != BinStrategy.QUANTILE) {
            violations.add(RequestProblem.INVALID_OPTION, "/bins/count", "count applies to the strategies count "
                    + "and quantile, not " + strategy.jsonName());
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
        if (strategy == BinStrategy.QUANTILE) {
            return BinEdges.quantiles(p.values(), count);
        }
        if (strategy == BinStrategy.COUNT) {
            double lo = Arrays.stream(pooled).min().getAsDouble();
            double hi = Arrays.stream(pooled).max().getAsDouble();
            return lo == hi ? BinEdges.equalWidth(lo - 0.5, hi + 0.5, count) : BinEdges.equalWidth(lo, hi, count);
        }
        try {
            return BinEdges.of(pooled, BinEdges.Rule.valueOf(strategy.name()), maxBins);
        } catch (IllegalArgumentException e) {
            violations.add(RequestProblem.LIMIT_EXCEEDED, "/bins/strategy", e.getMessage());
            return null;
        }
    }
}
