package dev.divergence.discrete;

/**
 * Smoothing as requested, before validation.
 *
 * @param method {@code none}, {@code additive} or {@code epsilon}
 * @param alpha pseudo-count added to every category (additive)
 * @param epsilon probability given to every zero entry before renormalizing (epsilon)
 */
public record SmoothingOption(String method, Double alpha, Double epsilon) {
}
