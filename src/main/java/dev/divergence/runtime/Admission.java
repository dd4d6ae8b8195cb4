package dev.divergence.runtime;

/**
 * A concurrency limit of its own in front of some requests (Spring's {@code @ConcurrencyLimit} with the reject
 * policy), which says in its own words why it refused: the 503's detail names its property.
 */
public interface Admission {

    /**
     * @param retryAfterSeconds the Retry-After sent with the refusal
     * @return the detail of the 503
     */
    String overloadedDetail(long retryAfterSeconds);
}
