/**
 * POST /v1/divergences/parametric: KL between {@code torch.distributions} families, by closed form or seeded
 * Monte Carlo. The family table (parameters, alternatives, supports), spec reading, broadcasting of batches and
 * the Monte Carlo budget; the math is in {@code compute.parametric}.
 */
package dev.divergence.parametric;
