package dev.divergence.samples;

/**
 * A validated bootstrap request: how many resamples, the confidence level of the percentile interval, the seed.
 *
 * @param resamples B ≥ 2
 * @param level in (0, 1)
 * @param seed the seed of the resampling generator
 */
record BootstrapPlan(int resamples, double level, long seed) {
}
