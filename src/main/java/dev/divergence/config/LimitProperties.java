package dev.divergence.config;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits and tolerances applied to every request, before any expensive work.
 *
 * @param maxElements most entries (or categories) per distribution
 * @param maxBatchPairs most pairs in one batch request
 * @param maxRenyiOrders most Rényi orders in one request
 * @param maxRequestBytes largest accepted request body, in bytes (checked from Content-Length)
 * @param sumTolerance how far from 1 the sum of probabilities may be when {@code normalize} is false
 * @param maxViolations most field errors listed in one problem response
 * @param maxDimension largest event dimension d of a multivariate parametric family (MultivariateNormal, Wishart)
 * @param maxMonteCarloSamples most Monte Carlo sampled values in one parametric request (samples × batch elements ×
 *        coordinates per sample)
 * @param maxBootstrapWork most resampled values in one bootstrap (resamples × (n + m))
 * @param maxKnnWork largest estimated work of a k-NN estimate, bootstrap resamples included, in units of one
 *        coordinate of one distance (KnnDivergence.work: about 1.3 ns each here, so 4e9 is about 5 s)
 * @param maxNestingDepth deepest JSON nesting of arrays and objects
 * @param maxNumberLength longest JSON number, in characters
 * @param maxStringLength longest JSON string, in characters
 * @param maxResamples most bootstrap resamples in one request, whatever the samples' sizes: the percentile
 *        interval keeps one value per resample (8 bytes each)
 */
@Validated
@ConfigurationProperties("divergence.limits")
public record LimitProperties(
        @DefaultValue("2000000") @Positive int maxElements,
        @DefaultValue("10000") @Positive int maxBatchPairs,
        @DefaultValue("32") @Positive int maxRenyiOrders,
        @DefaultValue("67108864") @Positive long maxRequestBytes,
        @DefaultValue("1e-6") @PositiveOrZero double sumTolerance,
        @DefaultValue("50") @Positive int maxViolations,
        @DefaultValue("512") @Positive int maxDimension,
        @DefaultValue("20000000") @Positive long maxMonteCarloSamples,
        @DefaultValue("20000000") @Positive long maxBootstrapWork,
        @DefaultValue("4000000000") @Positive long maxKnnWork,
        @DefaultValue("64") @Positive int maxNestingDepth,
        @DefaultValue("1000") @Positive int maxNumberLength,
        @DefaultValue("1000000") @Positive int maxStringLength,
        @DefaultValue("100000") @Positive int maxResamples) {
}
