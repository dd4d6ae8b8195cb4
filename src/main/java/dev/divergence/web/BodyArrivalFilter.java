package dev.divergence.web;

import dev.divergence.config.BodyProperties;
import dev.divergence.config.ResilienceProperties;
import dev.divergence.runtime.MemoryBudget;
import dev.divergence.runtime.RequestMemory;
import dev.divergence.runtime.ServiceMeters;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds what slow clients can hold. A request with a body to a {@code /v1} endpoint takes one of
 * {@code divergence.body.max-arriving} places while its body is read (given back at the body's end, not after the
 * computation), and is refused at once with 503 when none is free; its body must then arrive within
 * {@code divergence.body.max-arrival-time}, and after {@code arrival-grace} at {@code min-arrival-rate} bytes per
 * second on average, else the read fails with {@link BodyTimeoutException} and the request is answered 408 with
 * {@code Connection: close}. So clients that declare a body and send it a byte at a time hold
 * at most {@code max-arriving} worker threads, each for a bounded time, and the rest of the service keeps serving.
 *
 * <p>It also opens the request's {@link RequestMemory} account, closed when the response is complete: the readers
 * of the body charge what they allocate to it, so parsed bodies are admitted against the heap budget while they
 * stream in.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class BodyArrivalFilter extends OncePerRequestFilter {

    private final Semaphore places;
    private final int maxArriving;
    private final long maxArrivalNanos;
    private final long graceNanos;
    private final double minBytesPerNano;
    private final long retryAfterSeconds;
    private final ServiceMeters meters;
    private final JsonMapper mapper;
    private final MemoryBudget memory;

    BodyArrivalFilter(BodyProperties body, ResilienceProperties resilience, ServiceMeters meters, JsonMapper mapper,
            MemoryBudget memory) {
        this.memory = memory;
        this.places = new Semaphore(body.maxArriving());
        this.maxArriving = body.maxArriving();
        this.maxArrivalNanos = body.maxArrivalTime().toNanos();
        this.graceNanos = body.arrivalGrace().toNanos();
        this.minBytesPerNano = body.minArrivalRate() / 1e9;
        this.retryAfterSeconds = ProblemAdvice.retryAfterSeconds(resilience.retryAfter());
        this.meters = meters;
        this.mapper = mapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        return !hasBody || !request.getRequestURI().startsWith("/v1/");
    }

    /** The detail of a 503 when every arriving-body place is taken. */
    static String busyDetail(int maxArriving, long retryAfterSeconds) {
        return maxArriving + " request bodies are arriving already (divergence.body.max-arriving); retry after "
                + retryAfterSeconds + " s";
    }

    /** The detail of a 408 for a body that took too long. */
    static String timeoutDetail(long maxArrivalMillis) {
        return "the request body did not arrive within divergence.body.max-arrival-time = " + maxArrivalMillis + " ms";
    }

    /** The detail of a 408 for a body that arrived too slowly. */
    static String slowDetail(long bytes, long millis, long minRate) {
        return "the request body arrived too slowly: " + bytes + " bytes in " + millis + " ms, less than "
                + "divergence.body.min-arrival-rate = " + minRate + " bytes per second";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!places.tryAcquire()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
            response.setHeader(HttpHeaders.CONNECTION, "close");
            ProblemDetails.write(response, mapper, meters, ProblemType.OVERLOADED,
                    busyDetail(maxArriving, retryAfterSeconds), List.of(), request.getRequestURI());
            return;
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                places.release();
            }
        };
        TimedBody body = new TimedBody(request, release);
        try (RequestMemory account = RequestMemory.open(memory)) {
            chain.doFilter(body, response);
            if (body.timedOut) {
                // send the 408 now: Tomcat discards the rest of the body before it ends the response, which for
                // a slow client lasts until server.tomcat.connection-timeout
                response.flushBuffer();
            }
        } finally {
            release.run();
        }
    }

    /** A body read past {@code divergence.body.max-arrival-time}. */
    static final class BodyTimeoutException extends IOException {

        BodyTimeoutException(String message) {
            super(message);
        }

        /** @return the detail of the 408 */
        String detail() {
            return getMessage();
        }

        /** @return the failure, or the first of its causes, that is a body that took too long; else null */
        static BodyTimeoutException find(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof BodyTimeoutException b) {
                    return b;
                }
            }
            return null;
        }
    }

    /** The request with its body stream timed: every read checks the time and rate, the end gives the place back. */
    private final class TimedBody extends HttpServletRequestWrapper {

        private final long start = System.nanoTime();
        private final Runnable atEnd;
        private long bytes;
        private boolean timedOut;
        private ServletInputStream stream;

        TimedBody(HttpServletRequest request, Runnable atEnd) {
            super(request);
            this.atEnd = atEnd;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new TimedStream(super.getInputStream());
            }
            return stream;
        }

        private final class TimedStream extends ServletInputStream {

            private final ServletInputStream in;

            TimedStream(ServletInputStream in) {
                this.in = in;
            }

            private int checked(int n) throws IOException {
                if (n < 0) {
                    atEnd.run();
                    return n;
                }
                bytes += n;
                long elapsed = System.nanoTime() - start;
                if (elapsed > maxArrivalNanos) {
                    timedOut = true;
                    throw new BodyTimeoutException(timeoutDetail(maxArrivalNanos / 1_000_000));
                }
                if (elapsed > graceNanos && bytes < (elapsed - graceNanos) * minBytesPerNano) {
                    timedOut = true;
                    throw new BodyTimeoutException(slowDetail(bytes, elapsed / 1_000_000,
                            Math.round(minBytesPerNano * 1e9)));
                }
                return n;
            }

            @Override
            public int read() throws IOException {
                int b = in.read();
                checked(b < 0 ? -1 : 1);
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return checked(in.read(b, off, len));
            }

            @Override
            public boolean isFinished() {
                return in.isFinished();
            }

            @Override
            public boolean isReady() {
                return in.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        }
    }
}
