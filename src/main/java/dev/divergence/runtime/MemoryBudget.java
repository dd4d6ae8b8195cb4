package dev.divergence.runtime;

import dev.divergence.config.ResilienceProperties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.resilience.InvocationRejectedException;
import org.springframework.stereotype.Component;

/**
 * The heap that requests may hold in working memory at once: {@code divergence.resilience.working-memory-share} of
 * the maximum heap, in KiB permits. A request reserves its estimated working memory before it allocates it; a
 * reservation larger than the whole budget can never be granted (the caller answers 413), and one that does not
 * fit now waits at most {@code max-queue-wait}, then is refused with 503. So concurrent requests cannot together
 * allocate past the heap: they are refused before they start, not stopped by an {@link OutOfMemoryError}.
 */
@Component
public class MemoryBudget implements Admission {

    private final long totalKib;
    private final Semaphore kib;
    private final long maxWaitNanos;

    @Autowired
    MemoryBudget(ResilienceProperties resilience) {
        this(Runtime.getRuntime().maxMemory(), resilience);
    }

    MemoryBudget(long maxHeapBytes, ResilienceProperties resilience) {
        this.totalKib = Math.max(1, (long) (maxHeapBytes * resilience.workingMemoryShare()) >> 10);
        this.kib = new Semaphore((int) Math.min(Integer.MAX_VALUE, totalKib));
        this.maxWaitNanos = resilience.maxQueueWait().toNanos();
    }

    /** @return the part of the budget not reserved now, in bytes */
    public long availableBytes() {
        return (long) kib.availablePermits() << 10;
    }

    /** @return the whole budget, in bytes */
    public long totalBytes() {
        return totalKib << 10;
    }

    /**
     * @param bytes the estimated working memory, ≥ 0; at most {@link #totalBytes()} (check first)
     * @return the reservation, to close when the memory is released
     * @throws InvocationRejectedException when the budget has no room within {@code max-queue-wait}
     */
    public Reservation reserve(long bytes) {
        int permits = (int) Math.min(totalKib, Math.max(1, (bytes + 1023) >> 10));
        boolean granted;
        try {
            granted = kib.tryAcquire(permits, maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            granted = false;
        }
        if (!granted) {
            throw new InvocationRejectedException("working memory budget full", this);
        }
        return () -> kib.release(permits);
    }

    @Override
    public String overloadedDetail(long retryAfterSeconds) {
        return "the requests in progress hold the working memory budget (divergence.resilience.working-memory-share"
                + " of the heap, " + (totalKib >> 10) + " MiB); retry after " + retryAfterSeconds + " s";
    }

    /** Reserved working memory; closing it gives it back. */
    @FunctionalInterface
    public interface Reservation extends AutoCloseable {
        @Override
        void close();
    }
}
