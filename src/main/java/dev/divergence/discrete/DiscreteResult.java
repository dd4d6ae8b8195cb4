package dev.divergence.discrete;

import dev.divergence.compute.DivergenceBundle;
import dev.divergence.compute.LogBase;
import java.util.List;
import java.util.Set;

/**
 * The divergences of one pair.
 *
 * @param kl D_KL(P ‖ Q) in the unit of {@code base}
 * @param base the logarithm base and unit
 * @param metrics the metrics requested, in {@link Metric} order
 * @param bundle every bundle metric (null when only KL and Rényi were asked for)
 * @param renyiOrders the Rényi orders asked for (empty when {@link Metric#RENYI} was not)
 * @param renyi D_α for each order, in the unit of {@code base}
 * @param categories the aligned categories of keyed input, else null
 * @param pointwise the KL term of each category, or null when not asked for
 * @param warnings remarks about this result (infinite values, rescaling), never null
 */
public record DiscreteResult(double kl, LogBase base, Set<Metric> metrics, DivergenceBundle bundle,
        double[] renyiOrders, double[] renyi, String[] categories, double[] pointwise, List<String> warnings) {
}
