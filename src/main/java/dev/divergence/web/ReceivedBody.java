package dev.divergence.web;

import dev.divergence.runtime.RequestMemory;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A request body held in memory as it arrives: chunks of {@value #FIRST} bytes at first, doubling up to
 * {@value #CHUNK} (below G1's humongous size on small heaps; a body that stops arriving holds little), each charged to the request's {@link RequestMemory} before it is allocated, and each given back
 * and dropped as the parser moves past it, so a large body's bytes and its parsed numbers are not held in full at
 * the same time.
 */
final class ReceivedBody {

    /** The first chunk: 8 KiB (or the declared length, when shorter). */
    static final int FIRST = 8 << 10;
    /** The largest chunk: 64 KiB. */
    static final int CHUNK = 64 << 10;

    private final RequestMemory account;
    private final long declared;
    private byte[][] chunks = new byte[4][];
    private int full;
    private byte[] current;
    private int used;
    private long size;

    /**
     * @param account the request's account, charged for every chunk
     * @param declared the declared {@code Content-Length}, or -1 when unknown (chunked)
     */
    ReceivedBody(RequestMemory account, long declared) {
        this.account = account;
        this.declared = declared;
    }

    /** @return the bytes received so far */
    long size() {
        return size;
    }

    /**
     * Makes room for the next read: the current chunk's free part, a new chunk when it is full.
     *
     * @throws RequestMemory.TooLargeException when the body outgrows the working-memory budget
     * @throws org.springframework.resilience.InvocationRejectedException when the budget stays full
     */
    void ensureRoom() {
        if (current != null && used < current.length) {
            return;
        }
        if (current != null) {
            if (full == chunks.length) {
                chunks = Arrays.copyOf(chunks, full * 2);
            }
            chunks[full++] = current;
        }
        int next = current == null ? FIRST : Math.min(CHUNK, current.length * 2);
        int length = (int) Math.max(1, declared >= 0 ? Math.min(next, declared - size) : next);
        account.take(length);
        current = new byte[length];
        used = 0;
    }

    /** @return the array the next read fills, from {@link #offset} for {@link #room} bytes */
    byte[] array() {
        return current;
    }

    int offset() {
        return used;
    }

    int room() {
        return current.length - used;
    }

    /** Records that the last read put {@code n} bytes at {@link #offset}. */
    void advance(int n) {
        used += n;
        size += n;
    }

    /**
     * @param request the request whose body this is
     * @return the request seen by the rest of the chain: its body read from here, dispatched as an ordinary request
     */
    HttpServletRequest asRequest(HttpServletRequest request) {
        // every chunk before the current one is full; the current one holds the last bytes
        int count = full + (current == null ? 0 : 1);
        byte[][] all = Arrays.copyOf(chunks, count);
        int[] lengths = new int[count];
        for (int i = 0; i < full; i++) {
            lengths[i] = all[i].length;
        }
        if (current != null) {
            all[full] = current;
            lengths[full] = used;
        }
        chunks = null;
        current = null;
        return new Received(request, new Stream(all, lengths, count, account));
    }

    /** Reads the received chunks in order, dropping each one (and giving its charge back) once read. */
    private static final class Stream extends ServletInputStream {

        private final byte[][] chunks;
        private final int[] lengths;
        private final int count;
        private final RequestMemory account;
        private int chunk;
        private int pos;

        Stream(byte[][] chunks, int[] lengths, int count, RequestMemory account) {
            this.chunks = chunks;
            this.lengths = lengths;
            this.count = count;
            this.account = account;
        }

        /** @return whether a byte is left, moving to the next chunk when this one is read */
        private boolean more() {
            while (chunk < count && pos >= lengths[chunk]) {
                account.giveBack(chunks[chunk].length);
                chunks[chunk] = null;
                chunk++;
                pos = 0;
            }
            return chunk < count;
        }

        @Override
        public int read() {
            if (!more()) {
                return -1;
            }
            return chunks[chunk][pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!more()) {
                return -1;
            }
            int n = Math.min(len, lengths[chunk] - pos);
            System.arraycopy(chunks[chunk], pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public int available() {
            return chunk < count ? lengths[chunk] - pos : 0;
        }

        @Override
        public boolean isFinished() {
            return !more();
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new IllegalStateException("the request body has been received already; read it with blocking reads");
        }
    }

    /** The request with its received body, dispatched as an ordinary request to the filters after the receiver. */
    private static final class Received extends HttpServletRequestWrapper {

        private final Stream stream;
        private BufferedReader reader;

        Received(HttpServletRequest request, Stream stream) {
            super(request);
            this.stream = stream;
        }

        @Override
        public ServletInputStream getInputStream() {
            return stream;
        }

        @Override
        public BufferedReader getReader() {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(stream, charset));
            }
            return reader;
        }

        /**
         * The body arrived before this pass through the filters: the filters after the receiver run for the first
         * time on it, whether it was received at once or by non-blocking reads (then the container's dispatch type
         * is {@code ASYNC}).
         */
        @Override
        public DispatcherType getDispatcherType() {
            return DispatcherType.REQUEST;
        }
    }
}
