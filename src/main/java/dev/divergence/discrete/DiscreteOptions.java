package dev.divergence.discrete;

import java.util.List;

/**
 * The options of a discrete request as the caller wrote them; null means "not given" (the default applies).
 * {@link DiscreteDivergenceService} validates them, with pointers relative to the request's root.
 *
 * @param inputType how p and q are written
 * @param normalize rescale probabilities to sum 1 (default true)
 * @param base logarithm base (default e)
 * @param smoothing smoothing (default none)
 * @param metrics the metrics to return (default all)
 * @param renyiOrders orders α &gt; 0 of the Rényi divergences (default 0.5 and 2)
 * @param pointwise return the KL terms per category (default false)
 */
public record DiscreteOptions(InputType inputType, Boolean normalize, Double base, SmoothingOption smoothing,
        List<Metric> metrics, double[] renyiOrders, Boolean pointwise) {
}
