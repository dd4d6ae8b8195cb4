/** Parametric families (log-densities, samplers, supports), their closed-form KL divergences and Monte Carlo. */
package dev.divergence.compute.parametric;
