package dev.divergence.compute.parametric;

/**
 * A probability distribution with a {@code torch.distributions} family name, immutable and validated on
 * construction. {@link Univariate} distributions live on the real line or the integers; {@link Multivariate}
 * ones on ℝ^d, the simplex, one-hot vectors or positive-definite matrices.
 */
public interface Distribution {

    /** @return the {@code torch.distributions} class name, e.g. {@code Normal}, {@code Chi2} */
    String family();

    /**
     * @return the work of one density evaluation or one draw, in units of a univariate family's (1): a mixture's
     *         is its components', a d-dimensional normal's d², a Wishart's d³. Long loops count these units between
     *         deadline checkpoints, so a costly step does not run for seconds between two checks.
     */
    default long cost() {
        return 1;
    }
}
