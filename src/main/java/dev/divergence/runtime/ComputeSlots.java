package dev.divergence.runtime;

import dev.divergence.compute.Cancellation;
import dev.divergence.config.ResilienceProperties;
import java.util.function.Supplier;
import org.springframework.resilience.annotation.ConcurrencyLimit;
import org.springframework.stereotype.Component;

/**
 * The running computations: at most {@code divergence.resilience.concurrent-computations} at once (the others
 * admitted by {@link ComputeGate} wait here), each under the compute deadline and the computation timer.
 */
@Component
class ComputeSlots {

    private final ServiceMeters meters;
    private final long deadlineNanos;

    ComputeSlots(ServiceMeters meters, ResilienceProperties resilience) {
        this.meters = meters;
        this.deadlineNanos = resilience.computeDeadline().toNanos();
    }

    @ConcurrencyLimit(limitString = "#{@'" + ResilienceProperties.BEAN + "'.concurrentComputations()}")
    public <T> T run(String endpoint, Supplier<T> computation) {
        return meters.timeComputation(endpoint, () -> Cancellation.withDeadline(deadlineNanos, computation));
    }
}
