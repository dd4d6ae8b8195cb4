package dev.divergence.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The working memory of the request on this thread, charged while its body is parsed and reserved from the
 * {@link MemoryBudget} in steps of {@value #STEP} bytes before it is allocated. Readers of request bodies call
 * {@link #charge} before they grow an array ({@code DoubleArrayBuilder}, the keyed-map reader), so a request's
 * parsed body cannot outgrow the budget: concurrent large bodies wait for each other (up to {@code max-queue-wait},
 * then 503), and one body larger than the whole budget is refused with 413, both while it streams in, before the
 * memory is taken. Outside a request (tests, the compute library's callers) charging does nothing.
 *
 * <p>One account per request, opened by the filter that receives request bodies and closed when the response is
 * complete; what it reserved is held until then (the parsed arrays live as long as the computation). A body received
 * without a thread (non-blocking reads) is charged through {@link #take} by whichever thread reads it; the account is
 * {@link #detach detached} from the thread that opened it and {@link #resume resumed} on the one that processes the
 * request.
 */
public final class RequestMemory implements AutoCloseable {

    /**
     * Reservations are taken in steps of this many bytes (1 MiB; at most a sixteenth of the budget), so a large
     * body costs a semaphore call per MiB.
     */
    public static final long STEP = 1 << 20;
    /**
     * The first bytes of every request are not reserved (64 KiB): small bodies, nearly all of them, never touch the
     * budget's semaphore. The requests being received or processed at once bound what this leaves unreserved
     * ({@code divergence.body.max-arriving} plus the worker threads, 264 × 64 KiB = 16.5 MiB by default on 2 cores).
     */
    public static final long FREE = 64 << 10;

    private static final ThreadLocal<RequestMemory> CURRENT = new ThreadLocal<>();

    private final MemoryBudget budget;
    private final List<MemoryBudget.Reservation> held = new ArrayList<>(4);
    private long charged;
    private long reserved;

    private RequestMemory(MemoryBudget budget) {
        this.budget = budget;
    }

    /**
     * Opens this thread's account; close it when the response is complete.
     *
     * @param budget the budget to reserve from
     * @return the account
     */
    public static RequestMemory open(MemoryBudget budget) {
        RequestMemory account = new RequestMemory(budget);
        CURRENT.set(account);
        return account;
    }

    /**
     * Charges this thread's request for memory it is about to allocate; does nothing outside a request.
     *
     * @param bytes the bytes about to be allocated, ≥ 0
     * @throws TooLargeException when the request's charges exceed the whole budget
     * @throws org.springframework.resilience.InvocationRejectedException when the budget has no room within
     *         {@code max-queue-wait}
     */
    public static void charge(long bytes) {
        RequestMemory account = CURRENT.get();
        if (account != null) {
            account.add(bytes);
        }
    }

    /** Unbinds this thread's account without closing it: the request goes on on another thread. */
    public static void detach() {
        CURRENT.remove();
    }

    /**
     * Binds an account opened on another thread to this one; {@link #close} unbinds it.
     *
     * @param account the request's account
     */
    public static void resume(RequestMemory account) {
        CURRENT.set(account);
    }

    /**
     * Charges this account, from any thread (one at a time), for memory about to be allocated.
     *
     * @param bytes the bytes about to be allocated, ≥ 0
     * @throws TooLargeException when the request's charges exceed the whole budget
     * @throws org.springframework.resilience.InvocationRejectedException when the budget has no room within
     *         {@code max-queue-wait}
     */
    public void take(long bytes) {
        add(bytes);
    }

    /**
     * Credits this account for memory no longer held (a received body's bytes once parsed). What was reserved stays
     * reserved until {@link #close}, so later charges of the same request fill it before reserving more.
     *
     * @param bytes the bytes given back, ≥ 0
     */
    public void giveBack(long bytes) {
        charged -= bytes;
    }

    /** @return the bytes charged to this thread's request so far, 0 outside a request */
    public static long charged() {
        RequestMemory account = CURRENT.get();
        return account == null ? 0 : account.charged;
    }

    private void add(long bytes) {
        charged += bytes;
        long needed = charged - FREE;
        if (needed <= reserved) {
            return;
        }
        long total = budget.totalBytes();
        if (needed > total) {
            throw new TooLargeException(charged, total);
        }
        long step = Math.min(total - reserved, Math.max(Math.min(STEP, total / 16), needed - reserved));
        held.add(budget.reserve(step));
        reserved += step;
    }

    /** Gives back what the account reserved and unbinds it from this thread; closing twice does nothing more. */
    @Override
    public synchronized void close() {
        if (CURRENT.get() == this) {
            CURRENT.remove();
        }
        for (MemoryBudget.Reservation r : held) {
            r.close();
        }
        held.clear();
    }

    /** A request body whose parsed form would need more than the whole working-memory budget. */
    public static final class TooLargeException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        TooLargeException(long charged, long total) {
            super("the request body needs more than " + (charged >> 20) + " MiB of working memory once parsed, "
                    + "more than the " + (total >> 20) + " MiB this instance gives all requests together "
                    + "(divergence.resilience.working-memory-share of the heap)");
        }

        /** @return the failure, or the first of its causes, that is one of these; else null */
        public static TooLargeException find(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof TooLargeException e) {
                    return e;
                }
            }
            return null;
        }
    }
}
