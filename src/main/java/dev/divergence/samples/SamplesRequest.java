package dev.divergence.samples;

import dev.divergence.discrete.Metric;
import dev.divergence.discrete.SmoothingRequest;
import dev.divergence.web.Docs;
import dev.divergence.web.LogBaseDeserializer;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import tools.jackson.databind.annotation.JsonDeserialize;

/** Raw samples of P and Q and how to estimate the divergence between them. */
@Schema(description = "KL(P ‖ Q) estimated from raw samples")
record SamplesRequest(
        @Schema(description = "Sample of P: labels [\"red\", ...], numbers [0.1, ...] or d-dimensional points "
                + "[[0.1, 2.0], ...]", requiredMode = Schema.RequiredMode.REQUIRED, types = "array",
                example = "[\"red\", \"blue\", \"blue\"]")
        @JsonDeserialize(using = SampleInputDeserializer.class) SampleInput p,
        @Schema(description = "Sample of Q, of the same kind as p; with labels also a probability map "
                + "{label: probability} of a known distribution", requiredMode = Schema.RequiredMode.REQUIRED,
                example = "[\"red\", \"red\", \"blue\"]")
        @JsonDeserialize(using = SampleInputDeserializer.class) SampleInput q,
        @Schema(defaultValue = Estimator.DEFAULT_NAME,
                description = "auto: counting for labels; knn for real values, unless more than 10% of the values "
                        + "repeat (then counting for integers, histogram for other 1-D data)") Estimator estimator,
        @Schema(description = "k of the k-NN estimator, 1 <= k <= min(n - 1, m)", defaultValue = "1") Integer k,
        BinsRequest bins,
        SmoothingRequest smoothing,
        @Schema(description = Docs.BASE, oneOf = {String.class, Double.class}, defaultValue = "e", example = "2")
        @JsonDeserialize(using = LogBaseDeserializer.class) Double base,
        @Schema(description = Docs.METRICS) List<Metric> metrics,
        BootstrapRequest bootstrap) {

    SamplesOptions options() {
        return new SamplesOptions(estimator, k, bins == null ? null : bins.toOption(),
                smoothing == null ? null : smoothing.toOption(), base, metrics,
                bootstrap == null ? null : bootstrap.toOption());
    }

    /**
     * @param strategy how edges are chosen
     * @param count number of bins for count and quantile
     * @param edges explicit, strictly increasing edges
     */
    @Schema(description = "Histogram bins over the pooled data (numpy.histogram_bin_edges rules), at quantiles of p, "
            + "a fixed count, or explicit edges; values outside the edges go to open-ended outer bins")
    record BinsRequest(
            @Schema(defaultValue = BinStrategy.DEFAULT_NAME) BinStrategy strategy,
            @Schema(description = "Bins for count and quantile", defaultValue = "10") Integer count,
            @Schema(description = "Edges for the edges strategy, strictly increasing") double[] edges) {

        SamplesOptions.Bins toOption() {
            return new SamplesOptions.Bins(strategy, count, edges);
        }
    }

    /**
     * @param resamples B
     * @param confidenceLevel the interval's level
     * @param seed the generator's seed
     */
    @Schema(description = "Percentile bootstrap: resample p and q independently with replacement B times")
    record BootstrapRequest(
            @Schema(defaultValue = "1000") Integer resamples,
            @Schema(defaultValue = "0.95") Double confidenceLevel,
            @Schema(defaultValue = "0") Long seed) {

        SamplesOptions.BootstrapOption toOption() {
            return new SamplesOptions.BootstrapOption(resamples, confidenceLevel, seed);
        }
    }
}
