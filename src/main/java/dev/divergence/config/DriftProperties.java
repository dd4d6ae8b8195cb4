package dev.divergence.config;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of {@code POST /v1/drift}, checked while the body streams in (before any test runs).
 *
 * @param maxRequestBytes largest drift request body, in bytes (checked from Content-Length, and while streaming)
 * @param maxColumns most columns in one window
 * @param maxRows most values in one column
 * @param maxCells most values in one window (all columns together)
 * @param concurrentRequests drift requests read and computed at once; one more is refused at once with 503 and
 *        {@code Retry-After}, before its body is read (this bounds the memory the parsed windows take)
 * @param maxPermutationWork largest permutations × values of a total-variation permutation test
 */
@Validated
@ConfigurationProperties("divergence.drift")
public record DriftProperties(
        @DefaultValue("268435456") @Positive long maxRequestBytes,
        @DefaultValue("1000") @Positive int maxColumns,
        @DefaultValue("1000000") @Positive int maxRows,
        @DefaultValue("5000000") @Positive long maxCells,
        @DefaultValue("4") @Positive int concurrentRequests,
        @DefaultValue("200000000") @Positive long maxPermutationWork) {
}
