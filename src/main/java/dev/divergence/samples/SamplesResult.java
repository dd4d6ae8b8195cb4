package dev.divergence.samples;

import dev.divergence.compute.LogBase;
import dev.divergence.discrete.DiscreteResult;
import java.util.List;
import java.util.Map;

/**
 * A divergence estimated from samples.
 *
 * @param estimator the estimator used: counting, histogram, knn or gaussian
 * @param kl the estimate of KL(P ‖ Q) in {@code base}'s unit
 * @param base the logarithm base
 * @param discrete the metric bundle of the counted or binned frequencies (counting and histogram), else null
 * @param extra further metrics by name (histogram: wasserstein1, kolmogorovSmirnov, kolmogorovSmirnovPValue)
 * @param n the size of p's sample
 * @param m the size of q's sample (0 for a probability map)
 * @param dimension the dimension of real-valued samples, null for labels
 * @param k the k of k-NN, null for other estimators
 * @param bins the histogram, null for other estimators
 * @param interval the bootstrap interval, or null
 * @param precision k-NN's standard error and bias correction, null for other estimators
 * @param warnings remarks for the caller
 */
public record SamplesResult(Estimator estimator, double kl, LogBase base, DiscreteResult discrete,
        Map<String, Double> extra, int n, int m, Integer dimension, Integer k, Bins bins, Interval interval,
        Precision precision, List<String> warnings) {

    /**
     * @param standardError the estimate's standard error from its per-point terms, in {@code base}'s unit
     * @param biasCorrection the bias subtracted by knnBiasCorrected (the raw k-NN estimate minus the answer), in
     *        {@code base}'s unit; null for the plain estimator
     */
    public record Precision(double standardError, Double biasCorrection) {
    }

    /**
     * @param edges the bin edges ("-Infinity"/"Infinity" at the ends when open outer bins were needed)
     * @param p p's count per bin
     * @param q q's count per bin
     */
    public record Bins(double[] edges, double[] p, double[] q) {
    }

    /**
     * @param level the confidence level
     * @param lower the lower bound, in {@code base}'s unit
     * @param upper the upper bound
     * @param resamples the number of bootstrap resamples
     */
    public record Interval(double level, double lower, double upper, int resamples) {
    }
}
