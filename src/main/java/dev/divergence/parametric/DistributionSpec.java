package dev.divergence.parametric;

import java.util.Map;

/**
 * A distribution as the caller wrote it: a {@code torch.distributions} family name and its parameters by torch's
 * names. A parameter is a number or rectangular nested array ({@link TensorInput}, rank 0 for a scalar), or a
 * nested distribution ({@code base_distribution} of Independent, the two parts of MixtureSameFamily).
 *
 * @param family the family name, e.g. {@code Normal}
 * @param params the parameters in the caller's order; values are {@link TensorInput} or {@link DistributionSpec}
 */
public record DistributionSpec(String family, Map<String, Object> params) {
}
