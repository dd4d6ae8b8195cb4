package dev.divergence.parametric;

import dev.divergence.compute.LogBase;
import java.util.List;

/**
 * KL divergences between two parametric distributions, one per element of the broadcast batch.
 *
 * @param kl KL(p ‖ q) per batch element, row-major, in {@code base}'s unit
 * @param standardError Monte Carlo standard errors in the same unit, or null for closed forms
 * @param batchShape the broadcast batch shape; empty for a single pair
 * @param base the logarithm base of the values
 * @param method {@code closedForm} or {@code monteCarlo}
 * @param samples Monte Carlo draws per element, or null
 * @param seed the Monte Carlo seed, or null
 * @param warnings remarks for the caller (infinite values, torch differences, estimation error)
 */
public record ParametricResult(double[] kl, double[] standardError, int[] batchShape, LogBase base, Method method,
        Integer samples, Long seed, List<String> warnings) {
}
