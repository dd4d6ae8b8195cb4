package dev.divergence.drift;

import dev.divergence.config.DriftProperties;
import dev.divergence.runtime.Admission;
import java.io.IOException;
import org.springframework.resilience.annotation.ConcurrencyLimit;
import org.springframework.stereotype.Component;

/**
 * At most {@code divergence.drift.concurrent-requests} drift requests are read and computed at once; one more is
 * refused at once (503 with {@code Retry-After}, Spring's {@code @ConcurrencyLimit}) before a byte of its body is
 * read, so the parsed windows in memory are bounded by that count times the window limits.
 */
@Component
class DriftAdmission implements Admission {

    private final int limit;

    DriftAdmission(DriftProperties drift) {
        this.limit = drift.concurrentRequests();
    }

    /** The detail of a 503 from this limit (also the OpenAPI document's example). */
    static String detail(int limit, long retryAfterSeconds) {
        return limit + " drift requests are already being read or computed (divergence.drift.concurrent-requests); "
                + "retry after " + retryAfterSeconds + " s";
    }

    @Override
    public String overloadedDetail(long retryAfterSeconds) {
        return detail(limit, retryAfterSeconds);
    }

    /** The bean name {@code @ConfigurationPropertiesScan} gives the drift properties. */
    static final String PROPERTIES = "divergence.drift-dev.divergence.config.DriftProperties";

    /** The work of one drift request. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws IOException;
    }

    /**
     * @param work reading and computing one request
     * @param <T> its result
     * @return the result
     * @throws IOException from reading the body
     * @throws org.springframework.resilience.InvocationRejectedException when the limit is reached
     */
    @ConcurrencyLimit(limitString = "#{@'" + PROPERTIES + "'.concurrentRequests()}",
            policy = ConcurrencyLimit.ThrottlePolicy.REJECT)
    public <T> T run(Work<T> work) throws IOException {
        return work.run();
    }
}
