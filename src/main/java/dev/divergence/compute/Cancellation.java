package dev.divergence.compute;

import java.util.function.Supplier;

/**
 * A cooperative deadline for the computations of the current thread: long loops call {@link #checkpoint()} every
 * few thousand iterations, which throws {@link ComputationCancelledException} once the deadline has passed, so a
 * computation past its deadline stops instead of running on unobserved. Costs one thread-local read per
 * checkpoint; without a deadline set, checkpoints do nothing.
 */
public final class Cancellation {

    private static final ThreadLocal<long[]> DEADLINE = new ThreadLocal<>();

    private Cancellation() {
    }

    /**
     * Runs work with a deadline.
     *
     * @param nanos the time allowed, in nanoseconds (> 0)
     * @param work the computation
     * @param <T> its result type
     * @return the result
     * @throws ComputationCancelledException if the work passes a checkpoint after the deadline
     */
    public static <T> T withDeadline(long nanos, Supplier<T> work) {
        long[] previous = DEADLINE.get();
        DEADLINE.set(new long[] {System.nanoTime() + nanos});
        try {
            return work.get();
        } finally {
            if (previous == null) {
                DEADLINE.remove();
            } else {
                DEADLINE.set(previous);
            }
        }
    }

    /**
     * @return the time left before the current thread's deadline, in nanoseconds (negative once it has passed),
     *         or {@link Long#MAX_VALUE} without a deadline: hand it to {@link #withDeadline} on another thread to
     *         run part of the computation under the same deadline
     */
    public static long remainingNanos() {
        long[] deadline = DEADLINE.get();
        return deadline == null ? Long.MAX_VALUE : deadline[0] - System.nanoTime();
    }

    /** @throws ComputationCancelledException if the current thread's deadline has passed */
    public static void checkpoint() {
        long[] deadline = DEADLINE.get();
        if (deadline != null && System.nanoTime() - deadline[0] > 0) {
            throw new ComputationCancelledException();
        }
    }

    /** A computation stopped at a checkpoint because its deadline had passed. */
    public static final class ComputationCancelledException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ComputationCancelledException() {
            super("the computation passed its deadline", null, false, false);
        }
    }
}
