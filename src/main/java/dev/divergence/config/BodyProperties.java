package dev.divergence.config;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long a request body may take to arrive, and how many may be arriving at once: a worker thread reads a body
 * with blocking reads, so clients that send slowly (or stop) must not hold every thread.
 *
 * @param maxArrivalTime the longest a request body may take from the first read to its end; past it the request
 *        is answered 408 and its connection closed (a read that waits for data gives up after
 *        {@code server.tomcat.connection-timeout})
 * @param maxArriving request bodies being read at once; one more request with a body is refused at once with 503
 *        and {@code Retry-After}, before a byte of it is read
 */
@Validated
@ConfigurationProperties("divergence.body")
public record BodyProperties(
        @DefaultValue("60s") Duration maxArrivalTime,
        @DefaultValue("64") @Positive int maxArriving) {
}
