/**
 * POST /v1/divergences/discrete and /discrete/batch: two discrete distributions (probabilities, counts,
 * log-probabilities, logits or keyed maps) to KL and the metric bundle. The controller, request and response
 * records, the distribution reader, the options, and the service that aligns, checks, normalizes and smooths the
 * input before calling {@code compute}. Other features use it only through {@link
 * dev.divergence.discrete.DiscreteDivergenceService} and its option and result types.
 */
package dev.divergence.discrete;
