package dev.divergence.compute.parametric;

/**
 * A probability distribution with a {@code torch.distributions} family name, immutable and validated on
 * construction. {@link Univariate} distributions live on the real line or the integers; {@link Multivariate}
 * ones on ℝ^d, the simplex, one-hot vectors or positive-definite matrices.
 */
public interface Distribution {

    /** @return the {@code torch.distributions} class name, e.g. {@code Normal}, {@code Chi2} */
    String family();
}
