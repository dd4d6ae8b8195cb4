package dev.divergence.web;

import dev.divergence.config.BodyProperties;
import dev.divergence.config.DriftProperties;
import dev.divergence.config.LimitProperties;
import dev.divergence.config.ResilienceProperties;
import dev.divergence.runtime.Admission;
import dev.divergence.runtime.MemoryBudget;
import dev.divergence.runtime.RequestMemory;
import dev.divergence.runtime.ServiceMeters;
import dev.divergence.validation.Violation;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.resilience.InvocationRejectedException;
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
 * A request answered before its body is read is first made non-blocking, so that Tomcat does not wait for the rest
 * of the body on a worker thread before it closes the connection.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class BodyArrivalFilter extends OncePerRequestFilter implements DisposableBean {

    /** The request attribute that carries a body received asynchronously to the dispatch that processes it. */
    static final String RECEPTION = BodyArrivalFilter.class.getName() + ".reception";

    private static final ReadListener DISCARD = new ReadListener() {
        @Override
        public void onDataAvailable() {
        }

        @Override
        public void onAllDataRead() {
        }

        @Override
        public void onError(Throwable t) {
        }
    };

    private final Semaphore places;
    private final Semaphore streaming;
    private final long streamFrom;
    private final int maxArriving;
    private final long maxArrivalNanos;
    private final long graceNanos;
    private final double minBytesPerNano;
    private final long retryAfterSeconds;
    private final BodyLimit limit;
    private final ServiceMeters meters;
    private final JsonMapper mapper;
    private final MemoryBudget memory;
    private final ScheduledThreadPoolExecutor timer;

    BodyArrivalFilter(BodyProperties body, ResilienceProperties resilience, LimitProperties limits,
            DriftProperties drift, ServiceMeters meters, JsonMapper mapper, MemoryBudget memory) {
        this.memory = memory;
        this.places = new Semaphore(body.maxArriving());
        this.streaming = new Semaphore(body.maxStreaming());
        this.streamFrom = body.streamFrom().toBytes();
        this.maxArriving = body.maxArriving();
        this.maxArrivalNanos = body.maxArrivalTime().toNanos();
        this.graceNanos = body.arrivalGrace().toNanos();
        this.minBytesPerNano = body.minArrivalRate() / 1e9;
        this.retryAfterSeconds = ProblemAdvice.retryAfterSeconds(resilience.retryAfter());
        this.limit = BodyLimit.of(limits, drift);
        this.meters = meters;
        this.mapper = mapper;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "body-arrival-timer");
            t.setDaemon(true);
            return t;
        });
        this.timer.setRemoveOnCancelPolicy(true);
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

    /** The detail of a 408 for a body that took too long. */
    static String timeoutDetail(long maxArrivalMillis) {
        return "the request body did not arrive within divergence.body.max-arrival-time = " + maxArrivalMillis + " ms";
    }

    /** The detail of a 408 for a body that arrived too slowly. */
    static String slowDetail(long bytes, long millis, long minRate) {
        return "the request body arrived too slowly: " + bytes + " bytes in " + millis + " ms, less than "
                + "divergence.body.min-arrival-rate = " + minRate + " bytes per second";
    }

    /** The detail of a 413 for a body (without a declared length) that turned out longer than the limit. */
    static String tooLongDetail(String property, long limit) {
        return "the body is longer than " + property + " = " + limit + " bytes (refused while streaming)";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(RECEPTION) instanceof Reception received) {
            received.process(request, response, chain);
            return;
        }
        if (!places.tryAcquire()) {
            refuse(request, response, new Refusal(ProblemType.OVERLOADED, busyDetail(maxArriving, retryAfterSeconds)));
            return;
        }
        if (request.getContentLengthLong() >= streamFrom && streaming.tryAcquire()) {
            stream(request, response, chain);
            return;
        }
        new Reception(request).start(request, response, chain);
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
        TimedBody body = new TimedBody(request, release);
        try (RequestMemory account = RequestMemory.open(memory)) {
            chain.doFilter(body, response);
            if (body.timedOut && !request.isAsyncStarted()) {
                // the rest of the body is not read: without this, Tomcat would discard it with blocking reads at
                // the end of the request, waiting for a slow client up to server.tomcat.connection-timeout
                answerUnread(request, response::flushBuffer);
            }
        } finally {
            release.run();
        }
    }

    /** Something that writes a response. */
    @FunctionalInterface
    interface Answer {
        void write() throws IOException;
    }

    /**
     * Answers a request without reading the rest of its body: the request is made non-blocking first, so that
     * Tomcat's discarding of the unread body at the end of the request does not wait for a slow client on a worker
     * thread (the answer should close the connection).
     *
     * @param request the request, not asynchronous yet
     * @param answer writes the response
     * @throws IOException when writing fails
     */
    static void answerUnread(HttpServletRequest request, Answer answer) throws IOException {
        AsyncContext async = request.startAsync();
        request.getInputStream().setReadListener(DISCARD);
        try {
            answer.write();
        } finally {
            async.complete();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refusal) throws IOException {
        answerUnread(request, () -> write(request, response, refusal));
    }

    /** Writes a refusal, closing the connection (the rest of the body is not read). */
    private void write(HttpServletRequest request, HttpServletResponse response, Refusal refusal) throws IOException {
        response.setHeader(HttpHeaders.CONNECTION, "close");
        if (refusal.type() == ProblemType.OVERLOADED) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        List<Violation> errors = refusal.type() == ProblemType.PAYLOAD_TOO_LARGE
                ? List.of(new Violation("", refusal.detail())) : List.of();
        ProblemDetails.write(response, mapper, meters, refusal.type(), refusal.detail(), errors,
                request.getRequestURI());
    }

    /** An answer to a body that is not processed. */
    private record Refusal(ProblemType type, String detail) {
    }

    /** A body's reception: at once, or by non-blocking reads as it arrives. */
    private final class Reception implements ReadListener, AsyncListener, Runnable {

        private static final int RECEIVING = 0;
        private static final int RECEIVED = 1;
        private static final int FAILED = 2;

        private final long start = System.nanoTime();
        private final long maxBytes;
        private final String maxBytesProperty;
        private final AtomicInteger state = new AtomicInteger(RECEIVING);
        private final AtomicBoolean placeHeld = new AtomicBoolean(true);
        private RequestMemory account;
        private ReceivedBody body;
        private ServletInputStream in;
        private AsyncContext async;
        private volatile long bytes;
        private volatile Refusal refusal;
        private volatile ScheduledFuture<?> check;

        Reception(HttpServletRequest request) {
            this.maxBytes = limit.bytesFor(request.getRequestURI());
            this.maxBytesProperty = limit.propertyFor(request.getRequestURI());
        }

        /** Reads what has arrived; goes on at once when that is the whole body, else turns asynchronous. */
        void start(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            account = RequestMemory.open(memory);
            boolean asynchronous = false;
            try {
                long declared = request.getContentLengthLong();
                body = new ReceivedBody(account, declared);
                in = request.getInputStream();
                Refusal early = null;
                if (declared > 0) {
                    try {
                        // available() > 0: Tomcat holds bytes of this body, so the read cannot block
                        while (body.size() < declared && in.available() > 0) {
                            body.ensureRoom();
                            int n = in.read(body.array(), body.offset(), body.room());
                            if (n < 0) {
                                break;
                            }
                            body.advance(n);
                        }
                    } catch (RuntimeException e) {
                        early = refusalFor(e);
                        if (early == null) {
                            throw e;
                        }
                    }
                    if (early == null && body.size() >= declared) {
                        releasePlace();
                        chain.doFilter(body.asRequest(request), response);
                        return;
                    }
                }
                if (early != null) {
                    releasePlace();
                    refuse(request, response, early);
                    return;
                }
                bytes = body.size();
                request.setAttribute(RECEPTION, this);
                async = request.startAsync();
                async.setTimeout(maxArrivalNanos / 1_000_000 + 5_000);
                async.addListener(this);
                RequestMemory.detach();
                asynchronous = true;
                schedule();
                in.setReadListener(this);
            } finally {
                if (!asynchronous) {
                    releasePlace();
                    account.close();
                }
            }
        }

        /** The dispatch after the body arrived (or failed to): process it, or answer why not. */
        void process(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Refusal failed = refusal;
            if (failed != null) {
                write(request, response, failed);
                return;
            }
            RequestMemory.resume(account);
            try {
                chain.doFilter(body.asRequest(request), response);
            } finally {
                RequestMemory.detach();
            }
        }

        @Override
        public void onDataAvailable() {
            try {
                while (state.get() == RECEIVING && in.isReady()) {
                    body.ensureRoom();
                    int n = in.read(body.array(), body.offset(), body.room());
                    if (n < 0) {
                        break;
                    }
                    body.advance(n);
                    bytes = body.size();
                    if (bytes > maxBytes) {
                        fail(new Refusal(ProblemType.PAYLOAD_TOO_LARGE, tooLongDetail(maxBytesProperty, maxBytes)));
                        return;
                    }
                    Refusal late = lateness(System.nanoTime());
                    if (late != null) {
                        fail(late);
                        return;
                    }
                    if (in.isFinished()) {
                        onAllDataRead();
                        return;
                    }
                }
            } catch (RuntimeException | IOException e) {
                Refusal r = e instanceof RuntimeException re ? refusalFor(re) : null;
                if (r != null) {
                    fail(r);
                } else {
                    if (e instanceof RuntimeException) {
                        logger.error("Receiving a request body failed", e);
                    }
                    onError(e);
                }
            }
        }

        @Override
        public void onAllDataRead() {
            if (state.compareAndSet(RECEIVING, RECEIVED)) {
                settle();
                async.dispatch();
            }
        }

        /** The client went away or the connection failed: nothing can be answered. */
        @Override
        public void onError(Throwable t) {
            if (state.compareAndSet(RECEIVING, FAILED)) {
                settle();
                async.complete();
            }
        }

        /** The timer: a body that stopped arriving is refused without waiting for its next bytes. */
        @Override
        public void run() {
            if (state.get() != RECEIVING) {
                return;
            }
            Refusal late = lateness(System.nanoTime());
            if (late != null) {
                fail(late);
            } else {
                schedule();
            }
        }

        private void schedule() {
            long elapsed = System.nanoTime() - start;
            long due = maxArrivalNanos;
            if (minBytesPerNano > 0) {
                due = Math.min(due, graceNanos + (long) Math.ceil(bytes / minBytesPerNano));
            }
            check = timer.schedule(this, Math.max(0, due - elapsed) + 1_000_000, TimeUnit.NANOSECONDS);
        }

        /** @return the 408 this body has earned by now, or null */
        private Refusal lateness(long now) {
            long elapsed = now - start;
            long received = bytes;
            if (elapsed > maxArrivalNanos) {
                return new Refusal(ProblemType.REQUEST_TIMEOUT, timeoutDetail(maxArrivalNanos / 1_000_000));
            }
            if (elapsed > graceNanos && received < (elapsed - graceNanos) * minBytesPerNano) {
                return new Refusal(ProblemType.REQUEST_TIMEOUT, slowDetail(received, elapsed / 1_000_000,
                        Math.round(minBytesPerNano * 1e9)));
            }
            return null;
        }

        /** @return the answer to a failure to hold the body in memory, or null when the failure is another one */
        private Refusal refusalFor(RuntimeException e) {
            if (e instanceof RequestMemory.TooLargeException large) {
                return new Refusal(ProblemType.LIMIT_EXCEEDED, large.getMessage());
            }
            if (e instanceof InvocationRejectedException rejected && rejected.getTarget() instanceof Admission a) {
                return new Refusal(ProblemType.OVERLOADED, a.overloadedDetail(retryAfterSeconds));
            }
            return null;
        }

        private void fail(Refusal r) {
            if (state.compareAndSet(RECEIVING, FAILED)) {
                refusal = r;
                settle();
                async.dispatch();
            }
        }

        /** The body's reception is over: the place and the timer are given back. */
        private void settle() {
            ScheduledFuture<?> c = check;
            if (c != null) {
                c.cancel(false);
            }
            releasePlace();
        }

        private void releasePlace() {
            if (placeHeld.compareAndSet(true, false)) {
                places.release();
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            settle();
            account.close();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            fail(new Refusal(ProblemType.REQUEST_TIMEOUT, timeoutDetail(maxArrivalNanos / 1_000_000)));
        }

        @Override
        public void onError(AsyncEvent event) {
            onError(event.getThrowable());
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }

    /** A streamed body read past {@code divergence.body.max-arrival-time}, or too slowly. */
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
