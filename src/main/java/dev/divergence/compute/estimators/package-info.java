/** Estimators from samples: histogram bin edges, k-NN divergence with a k-d tree, Gaussian fit, bootstrap. */
package dev.divergence.compute.estimators;
