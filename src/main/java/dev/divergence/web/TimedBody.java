package dev.divergence.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * A streamed request body (read with blocking reads as the parser needs it): every read checks the body's
 * {@link ArrivalLimits} and fails with {@link BodyTimeoutException} past them; the body's end runs {@code atEnd}.
 */
final class TimedBody extends HttpServletRequestWrapper {

    private final long start = System.nanoTime();
    private final ArrivalLimits limits;
    private final Runnable atEnd;
    private long bytes;
    private boolean timedOut;
    private ServletInputStream stream;

    TimedBody(HttpServletRequest request, ArrivalLimits limits, Runnable atEnd) {
        super(request);
        this.limits = limits;
        this.atEnd = atEnd;
    }

    /** @return whether a read failed because the body was too slow (the rest of it is unread) */
    boolean timedOut() {
        return timedOut;
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
            String late = limits.lateness(System.nanoTime() - start, bytes);
            if (late != null) {
                timedOut = true;
                throw new BodyTimeoutException(late);
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
