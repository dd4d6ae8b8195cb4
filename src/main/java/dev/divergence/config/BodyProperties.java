package dev.divergence.config;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How request bodies are received: how long one may take to arrive, how many may be arriving at once, and which are
 * streamed into the parser. A body is received without a worker thread (non-blocking reads) and processed once
 * complete, except a large one while a streaming place is free: it is parsed as it arrives, on a worker thread
 * with blocking reads, so its bytes are never all held at once.
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
 * @param streamFrom a body declared at least this long ({@code Content-Length}) is streamed into the parser when a
 *        streaming place is free
 * @param maxStreaming bodies streamed at once, each holding a worker thread while it arrives; keep it below the
 *        worker threads ({@code server.tomcat.threads.max}) so that slow large bodies cannot hold them all; the
 *        next large body is received without a thread instead
 */
@Validated
@ConfigurationProperties("divergence.body")
public record BodyProperties(
        @DefaultValue("60s") Duration maxArrivalTime,
        @DefaultValue("256") @Positive int maxArriving,
        @DefaultValue("16384") @PositiveOrZero long minArrivalRate,
        @DefaultValue("5s") Duration arrivalGrace,
        @DefaultValue("1MB") DataSize streamFrom,
        @DefaultValue("4") @Positive int maxStreaming) {
}
