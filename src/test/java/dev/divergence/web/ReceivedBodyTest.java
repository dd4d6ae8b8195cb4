package dev.divergence.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.divergence.runtime.RequestMemory;
import dev.divergence.runtime.TestBudgets;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * A body received in chunks reads back byte for byte, whatever the sizes of the reads that filled it; each chunk is
 * charged to the request's memory before it is allocated and given back once read.
 */
class ReceivedBodyTest {

    private static final long GIB = 1L << 30;

    /** Fills a body from {@code data} with reads of random sizes, as a socket would deliver it. */
    private static ReceivedBody receive(RequestMemory account, byte[] data, long declared, UniformRandomProvider rng) {
        ReceivedBody body = new ReceivedBody(account, declared);
        int at = 0;
        while (at < data.length) {
            body.ensureRoom();
            int n = Math.min(Math.min(body.room(), data.length - at), 1 + rng.nextInt(20_000));
            System.arraycopy(data, at, body.array(), body.offset(), n);
            body.advance(n);
            at += n;
        }
        return body;
    }

    private static byte[] readAll(ServletInputStream in, UniformRandomProvider rng) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[70_000];
        while (true) {
            if (rng.nextInt(10) == 0) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                out.write(b);
                continue;
            }
            int n = in.read(buffer, 0, 1 + rng.nextInt(buffer.length));
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    @Test
    void bodiesOfEverySizeReadBackByteForByteAndGiveTheirMemoryBack() throws IOException {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261126L);
        int[] sizes = {1, 100, 8191, 8192, 8193, 24_576, 65_536, 65_537, 300_000, 1_000_003};
        for (int size : sizes) {
            for (boolean declared : new boolean[] {true, false}) {
                byte[] data = new byte[size];
                rng.nextBytes(data);
                try (RequestMemory account = RequestMemory.open(TestBudgets.ofHeap(GIB))) {
                    ReceivedBody body = receive(account, data, declared ? size : -1, rng);
                    assertThat(body.size()).isEqualTo(size);
                    long charged = RequestMemory.charged();
                    if (declared) {
                        // chunks sized to the declared length: exactly the body is charged
                        assertThat(charged).as("charged for %d declared bytes", size).isEqualTo(size);
                    } else {
                        // chunks double from 8 KiB up to 64 KiB: at most one chunk more than the body
                        assertThat(charged).as("charged for %d bytes", size).isBetween((long) size,
                                (long) size + ReceivedBody.CHUNK);
                    }
                    HttpServletRequest request = body.asRequest(new MockHttpServletRequest("POST", "/v1/x"));
                    assertThat(readAll(request.getInputStream(), rng)).as("%d bytes", size).isEqualTo(data);
                    assertThat(request.getInputStream().read()).isEqualTo(-1);
                    assertThat(request.getInputStream().isFinished()).isTrue();
                    assertThat(RequestMemory.charged()).as("given back once read").isZero();
                }
            }
        }
    }

    @Test
    void theReceivedRequestIsAnOrdinaryDispatchWithBlockingReadsOnly() throws IOException {
        byte[] data = "{\"p\": [\"λ\"]}".getBytes(StandardCharsets.UTF_8);
        try (RequestMemory account = RequestMemory.open(TestBudgets.ofHeap(GIB))) {
            ReceivedBody body = receive(account, data, data.length, RandomSource.SPLIT_MIX_64.create(1L));
            MockHttpServletRequest original = new MockHttpServletRequest("POST", "/v1/x");
            original.setDispatcherType(DispatcherType.ASYNC);
            original.setCharacterEncoding("UTF-8");
            HttpServletRequest request = body.asRequest(original);
            assertThat(request.getDispatcherType()).isEqualTo(DispatcherType.REQUEST);
            assertThat(request.getReader().readLine()).isEqualTo("{\"p\": [\"λ\"]}");
            assertThatThrownBy(() -> request.getInputStream().setReadListener(null))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aBodyLargerThanTheWholeBudgetIsRefusedBeforeItsChunkIsAllocated() {
        try (RequestMemory account = RequestMemory.open(TestBudgets.ofHeap(1 << 20))) { // a 409 KiB budget
            ReceivedBody body = new ReceivedBody(account, -1);
            assertThatThrownBy(() -> {
                for (int i = 0; i < 100; i++) {
                    body.ensureRoom();
                    body.advance(body.room());
                }
            }).isInstanceOf(RequestMemory.TooLargeException.class);
            assertThat(body.size()).isLessThan(1 << 20);
        }
    }
}
