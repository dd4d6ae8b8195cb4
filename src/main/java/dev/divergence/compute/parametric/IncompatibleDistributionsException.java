package dev.divergence.compute.parametric;

/**
 * Two distributions on different sample spaces (a density on ℝ against one on ℝ^d, a Dirichlet against a
 * normal, vectors of different lengths): the KL divergence between them is not defined.
 */
public final class IncompatibleDistributionsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message why the two cannot be compared */
    public IncompatibleDistributionsException(String message) {
        super(message);
    }
}
