package dev.divergence.web;

import dev.divergence.config.BodyProperties;
import dev.divergence.config.DriftProperties;
import dev.divergence.config.LimitProperties;
import dev.divergence.config.ResilienceProperties;
import dev.divergence.runtime.MemoryBudget;
import dev.divergence.runtime.RequestMemory;
import dev.divergence.runtime.ServiceMeters;
import dev.divergence.web.BodyRefusals.Refusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives every {@code /v1} request body before a worker thread processes the request, so that clients that send
 * slowly (or stop) hold no worker thread and the service can run with few threads (one per runnable request, see
 * {@code TomcatConfig}); large bodies are streamed into the parser instead while a streaming place is free.
 *
 * <ul>
 *   <li>What has already arrived is read at once; a body that is complete then goes on on the same thread.</li>
 *   <li>Otherwise the request turns asynchronous and the rest is read with non-blocking reads as it arrives
 *       (Servlet {@link ReadListener}); once it is complete the request is dispatched again and processed like any
 *       other. No thread waits for a client's bytes.</li>
 *   <li>A body declared at least {@code divergence.body.stream-from} long is streamed when one of
 *       {@code max-streaming} places is free: parsed as it arrives on the worker thread, with blocking reads timed
 *       as below (a read that waits gives up after {@code server.tomcat.connection-timeout}); its bytes are never
 *       all held. Slow large bodies hold at most {@code max-streaming} threads.</li>
 *   <li>A body takes one of {@code divergence.body.max-arriving} places while it arrives, and is refused at once
 *       with 503 and {@code Retry-After} when none is free.</li>
 *   <li>It must arrive within {@code divergence.body.max-arrival-time}, and after {@code arrival-grace} at
 *       {@code min-arrival-rate} bytes per second on average, else 408 with {@code Connection: close}; a timer
 *       checks bodies that stop arriving altogether.</li>
 *   <li>Its bytes are charged to the request's {@link RequestMemory} as they arrive (413 when the body alone would
 *       exceed the whole working-memory budget, 503 when the budget stays full), and given back as the parser
 *       consumes them; a body longer than the endpoint's {@code max-request-bytes} is refused with 413 as soon as it
 *       is (the declared {@code Content-Length} is checked earlier, by {@code RequestMetricsFilter}).</li>
 * </ul>
 * A request answered before its body is read is first made non-blocking ({@link BodyRefusals#answerUnread}), so
 * that Tomcat does not wait for the rest of the body on a worker thread before it closes the connection. The
 * reception itself is {@link BodyReception}; a streamed body is a {@link TimedBody}; both are timed by
 * {@link ArrivalLimits}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class BodyArrivalFilter extends OncePerRequestFilter implements DisposableBean {

    private final Semaphore places;
    private final Semaphore streaming;
    private final int maxArriving;
    private final long streamFrom;
    private final ArrivalLimits arrival;
    private final MemoryBudget memory;
    private final BodyRefusals refusals;
    private final ScheduledThreadPoolExecutor timer;
    private final BodyReception.Setup reception;

    BodyArrivalFilter(BodyProperties body, ResilienceProperties resilience, LimitProperties limits,
            DriftProperties drift, ServiceMeters meters, JsonMapper mapper, MemoryBudget memory) {
        this.places = new Semaphore(body.maxArriving());
        this.streaming = new Semaphore(body.maxStreaming());
        this.maxArriving = body.maxArriving();
        this.streamFrom = body.streamFrom().toBytes();
        this.arrival = ArrivalLimits.of(body);
        this.memory = memory;
        this.refusals = new BodyRefusals(mapper, meters, ProblemAdvice.retryAfterSeconds(resilience.retryAfter()));
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "body-arrival-timer");
            t.setDaemon(true);
            return t;
        });
        this.timer.setRemoveOnCancelPolicy(true);
        this.reception = new BodyReception.Setup(arrival, BodyLimit.of(limits, drift), memory, timer, refusals);
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        return !hasBody || !request.getRequestURI().startsWith("/v1/");
    }

    /** The dispatch that processes a body received asynchronously comes through here too. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    /** The detail of a 503 when every arriving-body place is taken. */
    static String busyDetail(int maxArriving, long retryAfterSeconds) {
        return maxArriving + " request bodies are arriving already (divergence.body.max-arriving); retry after "
                + retryAfterSeconds + " s";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(BodyReception.ATTRIBUTE) instanceof BodyReception received) {
            received.process(request, response, chain);
            return;
        }
        if (!places.tryAcquire()) {
            refusals.refuse(request, response, new Refusal(ProblemType.OVERLOADED,
                    busyDetail(maxArriving, refusals.retryAfterSeconds())));
            return;
        }
        if (request.getContentLengthLong() >= streamFrom && streaming.tryAcquire()) {
            stream(request, response, chain);
            return;
        }
        new BodyReception(reception, request, places::release).start(request, response, chain);
    }

    /** Streams a large body into the parser on this thread; the places are given back at the body's end. */
    private void stream(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                places.release();
                streaming.release();
            }
        };
        TimedBody body = new TimedBody(request, arrival, release);
        try (RequestMemory account = RequestMemory.open(memory)) {
            chain.doFilter(body, response);
            if (body.timedOut() && !request.isAsyncStarted()) {
                // the rest of the body is not read: without this, Tomcat would discard it with blocking reads at
                // the end of the request, waiting for a slow client up to server.tomcat.connection-timeout
                BodyRefusals.answerUnread(request, response::flushBuffer);
            }
        } finally {
            release.run();
        }
    }
}
