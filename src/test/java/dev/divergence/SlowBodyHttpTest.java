package dev.divergence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Slow clients (issue 17, item 3: 220 connections dripping a declared 1000-byte body held all 200 worker threads
 * and took the API down; issue 18: bodies are now received without a thread, so the service runs with few). Here
 * with two worker threads ({@code server.tomcat.threads.max=2}), {@code divergence.body.max-arriving} 4,
 * {@code max-arrival-time} 2.5 s and, after 1 s, {@code min-arrival-rate} 1000 bytes/s: three bodies that do not
 * arrive hold no worker thread (an ordinary request is answered while they wait) but three of the four places; a
 * fifth slow body is refused at once with 503, as is any other request with a body, while one without a body is
 * served; a body that stops arriving is answered 408 with {@code Connection: close} once its rate is too low,
 * without waiting for its next bytes, and one that keeps a fair rate but goes on past 2.5 s at that point. A body
 * declared from 50 KB ({@code stream-from}) is streamed on a worker thread while the one streaming place is free; it
 * is timed the same way, and its connection is closed at once after its 408 (Tomcat does not wait for the rest of
 * the body on that thread).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "server.tomcat.threads.max=2", "divergence.body.max-arriving=4", "divergence.body.max-arrival-time=2500ms",
    "divergence.body.arrival-grace=1s", "divergence.body.min-arrival-rate=1000",
    "divergence.body.stream-from=50KB", "divergence.body.max-streaming=1", "server.tomcat.connection-timeout=10s"})
class SlowBodyHttpTest {

    private static final String SMALL = "{\"p\": [0.4, 0.6], \"q\": [0.5, 0.5]}";

    @LocalServerPort
    int port;

    private Socket slowPost(String firstBytes) throws IOException {
        return slowPost(firstBytes, 1000);
    }

    private Socket slowPost(String firstBytes, int declaredLength) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(15_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /v1/divergences/discrete HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + declaredLength + "\r\n\r\n" + firstBytes).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    @Test
    void bodiesThatDoNotArriveHoldNoWorkerThreadAndAtMostMaxArrivingPlaces() throws Exception {
        HttpClientSupport http = new HttpClientSupport(port);
        List<Socket> slow = new ArrayList<>();
        try {
            // three bodies that do not arrive, more than the two worker threads
            for (int i = 0; i < 3; i++) {
                slow.add(slowPost("{"));
            }
            Thread.sleep(100);
            HttpResponse<String> served = http.post("/v1/divergences/discrete", SMALL);
            assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
            assertThat(served.body()).contains("\"kl\":0.020135513550688");
            // the fourth takes the last place; the fifth is refused at once, as is an ordinary body now
            slow.add(slowPost("{"));
            Thread.sleep(100);
            try (Socket fifth = slowPost("{")) {
                fifth.setSoTimeout(900);
                assertThat(response(fifth.getInputStream())).startsWith("HTTP/1.1 503")
                        .contains("divergence.body.max-arriving").containsIgnoringCase("Connection: close");
            }
            HttpResponse<String> another = http.post("/v1/divergences/discrete", SMALL);
            assertThat(another.statusCode()).as(another.body()).isEqualTo(503);
            assertThat(another.headers().firstValue("Retry-After")).isPresent();
            assertThat(another.body()).contains("urn:problem-type:divergence:overloaded")
                    .contains("divergence.body.max-arriving");
            // a request without a body needs no place
            assertThat(http.get("/v1/capabilities").statusCode()).isEqualTo(200);
            // after the grace, the four are answered 408 without sending another byte
            for (Socket s : slow) {
                s.setSoTimeout(5_000);
                assertThat(response(s.getInputStream())).startsWith("HTTP/1.1 408")
                        .contains("divergence.body.min-arrival-rate = 1000 bytes per second")
                        .containsIgnoringCase("Connection: close");
                assertThat(s.getInputStream().read()).as("connection closed after the 408").isEqualTo(-1);
            }
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
        // their places are free again
        HttpResponse<String> after = http.post("/v1/divergences/discrete", SMALL);
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
    }

    @Test
    void aClientThatWaitsForContinueGetsItAndItsAnswer() throws Exception {
        byte[] body = SMALL.getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/divergences/discrete HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nExpect: 100-continue\r\nConnection: close\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(line(in, "\r\n\r\n")).startsWith("HTTP/1.1 100");
            out.write(body);
            out.flush();
            assertThat(response(in)).startsWith("HTTP/1.1 200").contains("\"kl\":0.020135513550688");
        }
    }

    /**
     * Reads one response: its head, then its body by Content-Length, by chunks, or up to the end of its JSON
     * object, not until the connection closes.
     */
    private static String response(InputStream in) throws IOException {
        String head = line(in, "\r\n\r\n");
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)")
                .matcher(head);
        if (length.find()) {
            return head + new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8);
        }
        if (!head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
            // delimited by the close, which comes later: the JSON object, up to its closing brace
            StringBuilder json = new StringBuilder();
            int depth = 0;
            int c;
            while ((c = in.read()) >= 0) {
                json.append((char) c);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth == 0 && c == '}') {
                    break;
                }
            }
            return head + json;
        }
        StringBuilder body = new StringBuilder();
        while (true) {
            int size = Integer.parseInt(line(in, "\r\n").trim(), 16);
            if (size == 0) {
                return head + body;
            }
            body.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
            line(in, "\r\n");
        }
    }

    /** @return the bytes up to and including the terminator (or the end of the stream) */
    private static String line(InputStream in, String terminator) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while (!b.toString().endsWith(terminator) && (c = in.read()) >= 0) {
            b.append((char) c);
        }
        return b.toString();
    }

    @Test
    void aBodyThatDripsIs408AsSoonAsItsRateIsTooLow() throws Exception {
        try (Socket socket = slowPost("{\"p\": [")) {
            Thread.sleep(600);
            socket.getOutputStream().write("0.5, ".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // 12 bytes at 1000 bytes/s are due 1.012 s after the start: the 408 names the rate, not the time limit
            String response = response(socket.getInputStream());
            assertThat(response).startsWith("HTTP/1.1 408").contains("application/problem+json")
                    .contains("urn:problem-type:divergence:request-timeout")
                    .contains("divergence.body.min-arrival-rate = 1000 bytes per second")
                    .containsIgnoringCase("Connection: close");
        }
    }

    @Test
    void aBodyAtAFairRateThatGoesOnPastMaxArrivalTimeIs408() throws Exception {
        assertFairRateBodyPastTheTimeLimitIs408(40_000, false);
    }

    @Test
    void aStreamedBodyIsTimedTooAndLeavesTheOtherThreadServing() throws Exception {
        assertFairRateBodyPastTheTimeLimitIs408(200_000, true);
    }

    private void assertFairRateBodyPastTheTimeLimitIs408(int declared, boolean alsoServeAnother) throws Exception {
        String chunk = "0.1, ".repeat(200); // 1000 bytes every 300 ms: above the minimum rate
        try (Socket socket = slowPost("{\"p\": [", declared)) {
            String response = "";
            for (int i = 0; i < 30 && response.isEmpty(); i++) {
                Thread.sleep(300);
                try {
                    socket.getOutputStream().write(chunk.getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                } catch (IOException closed) {
                    break; // the server answered and closed: read what it said
                }
                if (i == 2 && alsoServeAnother) {
                    HttpResponse<String> served = new HttpClientSupport(port).post("/v1/divergences/discrete", SMALL);
                    assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
                }
                if (socket.getInputStream().available() > 0) {
                    break;
                }
            }
            socket.setSoTimeout(5_000); // less than server.tomcat.connection-timeout
            response = response(socket.getInputStream());
            assertThat(response).startsWith("HTTP/1.1 408").contains("urn:problem-type:divergence:request-timeout")
                    .contains("divergence.body.max-arrival-time = 2500 ms").containsIgnoringCase("Connection: close");
            assertThat(socket.getInputStream().read()).as("connection closed after the 408").isEqualTo(-1);
        }
    }
}
