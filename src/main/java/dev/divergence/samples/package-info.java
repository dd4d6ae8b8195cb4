/**
 * POST /v1/divergences/samples: KL estimated from raw samples (labels, 1-D values, d-dimensional points) by
 * counting, histograms, k-NN or a Gaussian fit, with an optional bootstrap interval. Counting and histograms reuse
 * the discrete feature's published service.
 */
package dev.divergence.samples;
