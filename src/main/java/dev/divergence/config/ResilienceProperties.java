package dev.divergence.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the service protects itself under load: a bulkhead on computations and a per-request compute deadline.
 *
 * @param concurrentComputations computations running at once; further ones wait
 * @param admittedComputations computations running or waiting; beyond this a request is refused at once with 503
 *        and {@code Retry-After}
 * @param workingMemoryShare the share of the maximum heap that requests may hold in estimated working memory at
 *        once (see {@code MemoryBudget}); a request estimated above it is refused with 413, one that does not fit
 *        beside the others now waits up to {@code maxQueueWait}, then 503
 * @param maxQueueWait the longest an admitted computation waits for one of the running places; past it, the
 *        request is refused with 503 and {@code Retry-After} (the deadline starts when the computation starts)
 * @param computeDeadline the longest a computation may run; past it, it stops at its next checkpoint and the
 *        request answers 503
 * @param retryAfter the {@code Retry-After} sent with a 503 from the bulkhead
 */
@Validated
@ConfigurationProperties("divergence.resilience")
public record ResilienceProperties(
        @DefaultValue("4") @Positive int concurrentComputations,
        @DefaultValue("32") @Positive int admittedComputations,
        @DefaultValue("2s") Duration maxQueueWait,
        @DefaultValue("0.4") @Positive @DecimalMax("0.9") double workingMemoryShare,
        @DefaultValue("10s") Duration computeDeadline,
        @DefaultValue("1s") Duration retryAfter) {

    /** The bean name {@code @ConfigurationPropertiesScan} gives this record: prefix, dash, class name. */
    public static final String BEAN = "divergence.resilience-dev.divergence.config.ResilienceProperties";

    /** @return whether the admitted count leaves room for the running ones */
    @AssertTrue(message = "admitted-computations must be >= concurrent-computations")
    public boolean isAdmittedAtLeastConcurrent() {
        return admittedComputations >= concurrentComputations;
    }
}
