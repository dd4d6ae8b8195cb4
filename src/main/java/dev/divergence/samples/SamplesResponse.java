package dev.divergence.samples;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.divergence.discrete.DiscreteResponse;
import dev.divergence.discrete.Metric;
import dev.divergence.discrete.MetricsSerializer;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A divergence estimated from samples.
 *
 * @param kl the estimate of KL(P ‖ Q) in {@code unit}
 * @param unit nats, bits, hartleys or base-b
 * @param base the logarithm base as a number
 * @param estimator the estimator used
 * @param metrics counting and histogram: the discrete metric bundle (and for histograms wasserstein1,
 *        kolmogorovSmirnov and kolmogorovSmirnovPValue); knn and gaussian: kl
 * @param sampleSizes n and m
 * @param dimension the dimension of real-valued samples
 * @param k the k of k-NN
 * @param categories counting: the categories in order
 * @param bins histogram: the edges and both count vectors
 * @param confidenceInterval the bootstrap interval
 * @param standardError knn and knnBiasCorrected: the estimate's standard error from its per-point terms (sampling
 *        noise only)
 * @param biasCorrection knnBiasCorrected: the bias measured on the Gaussian reference and subtracted
 * @param warnings remarks
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SamplesResponse(
        @Schema(example = "0.020135513550688863", oneOf = {Double.class, String.class}) double kl,
        @Schema(example = "nats") String unit,
        @Schema(example = "2.718281828459045") double base,
        @Schema(description = "The estimator used (auto is resolved to one of the others)") Estimator estimator,
        @JsonSerialize(using = MetricsSerializer.class) Map<String, Object> metrics,
        Map<String, Integer> sampleSizes,
        Integer dimension,
        Integer k,
        List<String> categories,
        Bins bins,
        Interval confidenceInterval,
        @Schema(description = "k-NN: the standard error of the estimate from its per-point terms, in unit (sampling "
                + "noise only, not bias)", example = "0.0291") Double standardError,
        @Schema(description = "knnBiasCorrected: the bias of k-NN measured on Gaussian samples with the same sizes, "
                + "means and covariances, subtracted from the raw k-NN estimate, in unit", example = "0.3884")
        Double biasCorrection,
        List<String> warnings) {

    /**
     * @param edges b + 1 edges ("-Infinity"/"Infinity" for open outer bins)
     * @param p p's count per bin
     * @param q q's count per bin
     */
    record Bins(double[] edges, double[] p, double[] q) {
    }

    /**
     * @param level the confidence level
     * @param lower lower bound
     * @param upper upper bound
     * @param resamples B
     */
    record Interval(double level, double lower, double upper, int resamples) {
    }

    static SamplesResponse of(SamplesResult r) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        if (r.discrete() != null) {
            metrics.putAll(DiscreteResponse.metricsOf(r.discrete()));
        } else {
            metrics.put(Metric.KL.jsonName(), r.kl());
        }
        metrics.putAll(r.extra());
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("p", r.n());
        if (r.m() > 0) {
            // absent when q is a probability map rather than a sample
            sizes.put("q", r.m());
        }
        return new SamplesResponse(r.kl(), r.base().unit(), r.base().base(), r.estimator(), metrics, sizes,
                r.dimension(), r.k(),
                r.discrete() != null && r.estimator() == Estimator.COUNTING && r.discrete().categories() != null
                        ? Arrays.asList(r.discrete().categories()) : null,
                r.bins() == null ? null : new Bins(r.bins().edges(), r.bins().p(), r.bins().q()),
                r.interval() == null ? null : new Interval(r.interval().level(), r.interval().lower(),
                        r.interval().upper(), r.interval().resamples()),
                r.precision() == null ? null : r.precision().standardError(),
                r.precision() == null ? null : r.precision().biasCorrection(),
                r.warnings());
    }
}
