package dev.divergence.discrete;

import dev.divergence.compute.LogBase;
import java.util.EnumSet;
import java.util.Set;

/**
 * Discrete options after validation, defaults applied: what {@link DiscreteDivergenceService#resolve} returns for a
 * caller that evaluates many pairs with the same options ({@link DiscreteDivergenceService#evaluateResolved}).
 */
public record ResolvedOptions(InputType inputType, boolean normalize, LogBase base, Smoothing smoothing,
        Set<Metric> metrics, double[] renyiOrders, boolean pointwise) {

    /** @return the same options with the metric kl only (a bootstrap's statistic) */
    public ResolvedOptions klOnly() {
        return new ResolvedOptions(inputType, normalize, base, smoothing, EnumSet.of(Metric.KL), renyiOrders, false);
    }

    /** Validated smoothing: method with its single parameter (0 for none). */
    record Smoothing(SmoothingMethod method, double parameter) {
        static final Smoothing NONE = new Smoothing(SmoothingMethod.NONE, 0);
    }
}
