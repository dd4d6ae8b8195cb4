package dev.divergence.runtime;

import dev.divergence.compute.Cancellation;
import dev.divergence.config.ResilienceProperties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.resilience.InvocationRejectedException;
import org.springframework.stereotype.Component;

/**
 * The running computations: at most {@code divergence.resilience.concurrent-computations} at once (the others
 * admitted by {@link ComputeGate} wait here, at most {@code max-queue-wait}, then are refused with 503), each
 * under the compute deadline and the computation timer. The places are a {@link Semaphore}: a computation that
 * finds one free takes it without a lock, and a waiting one parks until a place is released or its wait is over.
 */
@Component
class ComputeSlots implements Admission {

    private final ServiceMeters meters;
    private final long deadlineNanos;
    private final long maxWaitNanos;
    private final Semaphore places;

    ComputeSlots(ServiceMeters meters, ResilienceProperties resilience) {
        this.meters = meters;
        this.deadlineNanos = resilience.computeDeadline().toNanos();
        this.maxWaitNanos = resilience.maxQueueWait().toNanos();
        this.places = new Semaphore(resilience.concurrentComputations());
    }

    /**
     * @param endpoint the endpoint's meter tag
     * @param computation the work
     * @param <T> its result
     * @return the result
     * @throws InvocationRejectedException when no place frees within {@code max-queue-wait} (or the thread is
     *         interrupted while it waits)
     * @throws dev.divergence.compute.Cancellation.ComputationCancelledException past the compute deadline
     */
    public <T> T run(String endpoint, Supplier<T> computation) {
        boolean acquired;
        try {
            // a free place is taken at once (the semaphore is not fair), else the wait is bounded
            acquired = places.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new InvocationRejectedException("no compute place freed in time", this);
        }
        try {
            return meters.timeComputation(endpoint, () -> Cancellation.withDeadline(deadlineNanos, computation));
        } finally {
            places.release();
        }
    }

    @Override
    public String overloadedDetail(long retryAfterSeconds) {
        return "the computations running now did not leave room within divergence.resilience.max-queue-wait = "
                + java.time.Duration.ofNanos(maxWaitNanos).toMillis() + " ms; retry after " + retryAfterSeconds
                + " s";
    }
}
