package dev.divergence.web;

import dev.divergence.runtime.Admission;
import dev.divergence.runtime.MemoryBudget;
import dev.divergence.runtime.RequestMemory;
import dev.divergence.web.BodyRefusals.Refusal;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.resilience.InvocationRejectedException;

/**
 * One request body's reception without a worker thread: what has arrived is read at once, and when that is the whole
 * body the request goes on on the same thread; otherwise the request turns asynchronous, the rest arrives through
 * non-blocking reads ({@link ReadListener}) into a {@link ReceivedBody} charged to the request's
 * {@link RequestMemory}, and the request is dispatched again once the body is complete (or its reception failed:
 * too slow, too long, no memory), when {@link BodyArrivalFilter} calls {@link #process}. A timer refuses a body
 * that stops arriving without waiting for its next bytes. The body's arriving place is given back when its
 * reception ends, the account when the response is complete.
 */
final class BodyReception implements ReadListener, AsyncListener, Runnable {

    /** The request attribute that carries a reception to the dispatch that processes its body. */
    static final String ATTRIBUTE = BodyReception.class.getName();

    /** What every reception shares. */
    record Setup(ArrivalLimits arrival, BodyLimit limit, MemoryBudget memory, ScheduledExecutorService timer,
            BodyRefusals refusals) {
    }

    private static final Log log = LogFactory.getLog(BodyReception.class);
    private static final int RECEIVING = 0;
    private static final int RECEIVED = 1;
    private static final int FAILED = 2;

    private final Setup setup;
    private final Runnable releasePlace;
    private final long start = System.nanoTime();
    private final long maxBytes;
    private final String maxBytesProperty;
    private final AtomicInteger state = new AtomicInteger(RECEIVING);
    private final AtomicBoolean placeHeld = new AtomicBoolean(true);
    private RequestMemory account;
    private ReceivedBody body;
    private ServletInputStream in;
    private AsyncContext async;
    /** The bytes received, for the timer's thread. */
    private volatile long bytes;
    private volatile Refusal refusal;
    private volatile ScheduledFuture<?> check;

    /**
     * @param setup what receptions share
     * @param request the request whose body arrives
     * @param releasePlace gives back the body's arriving place (run once)
     */
    BodyReception(Setup setup, HttpServletRequest request, Runnable releasePlace) {
        this.setup = setup;
        this.releasePlace = releasePlace;
        this.maxBytes = setup.limit().bytesFor(request.getRequestURI());
        this.maxBytesProperty = setup.limit().propertyFor(request.getRequestURI());
    }

    /** The detail of a 413 for a body (without a declared length) that turned out longer than the limit. */
    static String tooLongDetail(String property, long limit) {
        return "the body is longer than " + property + " = " + limit + " bytes (refused while streaming)";
    }

    /** Reads what has arrived; goes on at once when that is the whole body, else turns asynchronous. */
    void start(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        account = RequestMemory.open(setup.memory());
        boolean asynchronous = false;
        try {
            long declared = request.getContentLengthLong();
            body = new ReceivedBody(account, declared);
            in = request.getInputStream();
            try {
                // available() > 0: Tomcat holds bytes of this body, so the read cannot block
                while (declared > 0 && body.size() < declared && in.available() > 0 && readSome() >= 0) {
                    // read on
                }
            } catch (RuntimeException e) {
                Refusal refused = refusalFor(e);
                if (refused == null) {
                    throw e;
                }
                releaseOnce();
                setup.refusals().refuse(request, response, refused);
                return;
            }
            if (declared > 0 && body.size() >= declared) {
                releaseOnce();
                chain.doFilter(body.asRequest(request), response);
                return;
            }
            bytes = body.size();
            request.setAttribute(ATTRIBUTE, this);
            async = request.startAsync();
            async.setTimeout(setup.arrival().maxArrivalNanos() / 1_000_000 + 5_000); // the timer comes first
            async.addListener(this);
            RequestMemory.detach();
            asynchronous = true;
            schedule();
            in.setReadListener(this);
        } finally {
            if (!asynchronous) {
                releaseOnce();
                account.close();
            }
        }
    }

    /** The dispatch after the body arrived (or failed to): process it, or answer why not. */
    void process(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Refusal failed = refusal;
        if (failed != null) {
            setup.refusals().write(request, response, failed);
            return;
        }
        RequestMemory.resume(account);
        try {
            chain.doFilter(body.asRequest(request), response);
        } finally {
            RequestMemory.detach();
        }
    }

    /** @return what one read put into the body, or -1 at its end */
    private int readSome() throws IOException {
        body.ensureRoom();
        int n = in.read(body.array(), body.offset(), body.room());
        if (n > 0) {
            body.advance(n);
        }
        return n;
    }

    @Override
    public void onDataAvailable() {
        try {
            while (state.get() == RECEIVING && in.isReady()) {
                if (readSome() < 0) {
                    break;
                }
                bytes = body.size();
                if (bytes > maxBytes) {
                    fail(new Refusal(ProblemType.PAYLOAD_TOO_LARGE, tooLongDetail(maxBytesProperty, maxBytes)));
                    return;
                }
                Refusal late = lateness();
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
                return;
            }
            if (e instanceof RuntimeException) {
                log.error("Receiving a request body failed", e);
            }
            onError(e);
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
        Refusal late = lateness();
        if (late != null) {
            fail(late);
        } else {
            schedule();
        }
    }

    private void schedule() {
        long wait = setup.arrival().dueNanos(bytes) - (System.nanoTime() - start);
        check = setup.timer().schedule(this, Math.max(0, wait) + 1_000_000, TimeUnit.NANOSECONDS);
    }

    /** @return the 408 this body has earned by now, or null */
    private Refusal lateness() {
        String late = setup.arrival().lateness(System.nanoTime() - start, bytes);
        return late == null ? null : new Refusal(ProblemType.REQUEST_TIMEOUT, late);
    }

    /** @return the answer to a failure to hold the body in memory, or null when the failure is another one */
    private Refusal refusalFor(RuntimeException e) {
        if (e instanceof RequestMemory.TooLargeException large) {
            return new Refusal(ProblemType.LIMIT_EXCEEDED, large.getMessage());
        }
        if (e instanceof InvocationRejectedException rejected && rejected.getTarget() instanceof Admission a) {
            return new Refusal(ProblemType.OVERLOADED, a.overloadedDetail(setup.refusals().retryAfterSeconds()));
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
        releaseOnce();
    }

    private void releaseOnce() {
        if (placeHeld.compareAndSet(true, false)) {
            releasePlace.run();
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        settle();
        account.close();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        fail(new Refusal(ProblemType.REQUEST_TIMEOUT, setup.arrival().timeoutDetail()));
    }

    @Override
    public void onError(AsyncEvent event) {
        onError(event.getThrowable());
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
    }
}
