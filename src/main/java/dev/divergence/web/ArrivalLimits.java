package dev.divergence.web;

import dev.divergence.config.BodyProperties;

/**
 * How fast a request body must arrive: within {@code divergence.body.max-arrival-time} in all, and after
 * {@code arrival-grace} at {@code min-arrival-rate} bytes per second on average. Both ways of receiving a body use
 * it: {@link BodyReception} (non-blocking reads and a timer) and {@link TimedBody} (blocking reads of a streamed
 * body).
 *
 * @param maxArrivalNanos the longest a body may take, in nanoseconds
 * @param graceNanos how long before the minimum rate applies, in nanoseconds
 * @param minBytesPerNano the minimum average rate after the grace, in bytes per nanosecond (0: none)
 */
record ArrivalLimits(long maxArrivalNanos, long graceNanos, double minBytesPerNano) {

    static ArrivalLimits of(BodyProperties body) {
        return new ArrivalLimits(body.maxArrivalTime().toNanos(), body.arrivalGrace().toNanos(),
                body.minArrivalRate() / 1e9);
    }

    /** @return the detail of a 408 for a body that took longer than the time limit */
    String timeoutDetail() {
        return "the request body did not arrive within divergence.body.max-arrival-time = "
                + maxArrivalNanos / 1_000_000 + " ms";
    }

    /**
     * @param elapsedNanos the time since the body's first read
     * @param bytes the bytes received in that time
     * @return the detail of the 408 the body has earned by now, or null while it is on time
     */
    String lateness(long elapsedNanos, long bytes) {
        if (elapsedNanos > maxArrivalNanos) {
            return timeoutDetail();
        }
        if (elapsedNanos > graceNanos && bytes < (elapsedNanos - graceNanos) * minBytesPerNano) {
            return "the request body arrived too slowly: " + bytes + " bytes in " + elapsedNanos / 1_000_000
                    + " ms, less than divergence.body.min-arrival-rate = " + Math.round(minBytesPerNano * 1e9)
                    + " bytes per second";
        }
        return null;
    }

    /**
     * @param bytes the bytes received so far
     * @return the time, from the body's first read, at which {@link #lateness} turns non-null if no more bytes come
     */
    long dueNanos(long bytes) {
        return minBytesPerNano > 0 ? Math.min(maxArrivalNanos, graceNanos + (long) Math.ceil(bytes / minBytesPerNano))
                : maxArrivalNanos;
    }
}
