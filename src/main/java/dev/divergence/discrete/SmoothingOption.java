package dev.divergence.discrete;

/**
 * Smoothing as requested, before validation.
 *
 * @param method the method, null for none
 * @param alpha pseudo-count added to every category (additive)
 * @param epsilon probability given to every zero entry before renormalizing (epsilon)
 */
public record SmoothingOption(SmoothingMethod method, Double alpha, Double epsilon) {
}
