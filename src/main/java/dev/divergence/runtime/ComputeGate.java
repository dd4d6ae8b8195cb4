package dev.divergence.runtime;

import dev.divergence.config.ResilienceProperties;
import java.util.function.Supplier;
import org.springframework.resilience.annotation.ConcurrencyLimit;
import org.springframework.stereotype.Component;

/**
 * The bulkhead in front of every computation (Spring Framework's {@code @ConcurrencyLimit}): at most
 * {@code divergence.resilience.admitted-computations} computations are running or waiting; one more is refused at
 * once with {@link org.springframework.resilience.InvocationRejectedException} (the web layer answers 503 with
 * Retry-After), so an overload never piles up threads or memory. Admitted ones go on to {@link ComputeSlots}.
 */
@Component
public class ComputeGate {

    private final ComputeSlots slots;

    ComputeGate(ComputeSlots slots) {
        this.slots = slots;
    }

    /**
     * @param meters the meters
     * @param resilience the deadline
     * @return a gate without the bulkhead (no Spring proxy), for code run outside the application context
     */
    public static ComputeGate direct(ServiceMeters meters, dev.divergence.config.ResilienceProperties resilience) {
        return new ComputeGate(new ComputeSlots(meters, resilience));
    }

    /**
     * @param endpoint the endpoint's meter tag
     * @param computation the work
     * @param <T> its result
     * @return the result
     * @throws org.springframework.resilience.InvocationRejectedException when the bulkhead is full
     * @throws dev.divergence.compute.Cancellation.ComputationCancelledException past the compute deadline
     */
    // the limit comes from the bound ResilienceProperties bean, so its @DefaultValue is the only default
    @ConcurrencyLimit(limitString = "#{@'" + ResilienceProperties.BEAN + "'.admittedComputations()}",
            policy = ConcurrencyLimit.ThrottlePolicy.REJECT)
    public <T> T run(String endpoint, Supplier<T> computation) {
        return slots.run(endpoint, computation);
    }
}
