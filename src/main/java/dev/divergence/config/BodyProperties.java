package dev.divergence.config;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
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
 * @param minArrivalRate after {@code arrivalGrace}, a body must have arrived at this many bytes per second on
 *        average, else 408 (a client that drips a byte every few seconds is cut within seconds, not at
 *        {@code maxArrivalTime})
 * @param arrivalGrace how long a body may take before {@code minArrivalRate} applies
 */
@Validated
@ConfigurationProperties("divergence.body")
public record BodyProperties(
        @DefaultValue("60s") Duration maxArrivalTime,
        @DefaultValue("64") @Positive int maxArriving,
        @DefaultValue("16384") @PositiveOrZero long minArrivalRate,
        @DefaultValue("5s") Duration arrivalGrace) {
}
