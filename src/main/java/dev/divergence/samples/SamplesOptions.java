package dev.divergence.samples;

import dev.divergence.discrete.Metric;
import dev.divergence.discrete.SmoothingOption;
import java.util.List;

/**
 * Options of the samples endpoint, as written (null fields take their defaults).
 *
 * @param estimator auto (default), counting, histogram, knn or gaussian
 * @param k the k of k-NN (default 1)
 * @param bins histogram binning
 * @param smoothing smoothing of counted or binned frequencies
 * @param base logarithm base
 * @param metrics metric names of the discrete bundle (counting and histogram)
 * @param bootstrap a percentile bootstrap interval, or null
 */
public record SamplesOptions(Estimator estimator, Integer k, Bins bins, SmoothingOption smoothing, Double base,
        List<Metric> metrics, BootstrapOption bootstrap) {

    /**
     * @param strategy auto (default), fd, sturges, scott, doane, sqrt, quantile, count or edges
     * @param count the number of bins for count and quantile (default 10)
     * @param edges explicit edges for the edges strategy
     */
    public record Bins(BinStrategy strategy, Integer count, double[] edges) {
    }

    /**
     * @param resamples B (default 1000)
     * @param confidenceLevel in (0, 1) (default 0.95)
     * @param seed the generator's seed (default 0)
     */
    public record BootstrapOption(Integer resamples, Double confidenceLevel, Long seed) {
    }
}
