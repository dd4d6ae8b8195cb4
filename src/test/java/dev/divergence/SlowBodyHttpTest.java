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
 * and took the API down). With {@code divergence.body.max-arriving} 2, {@code max-arrival-time} 1.5 s and, after
 * 200 ms, {@code min-arrival-rate} 1000 bytes/s: of three bodies that do not arrive, two hold the two places and
 * the third is refused at once with 503, as is any other request with a body, while one without a body is served; a body that drips is answered 408
 * with {@code Connection: close} as soon as its rate is too low, and one that keeps a fair rate but goes on past
 * 1.5 s at that point. A read waiting for data gives up after {@code server.tomcat.connection-timeout}, 10 s here,
 * longer than the test waits for the held places to show.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "divergence.body.max-arriving=2", "divergence.body.max-arrival-time=1500ms",
    "divergence.body.arrival-grace=200ms", "divergence.body.min-arrival-rate=1000",
    "server.tomcat.connection-timeout=10s"})
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
    void bodiesThatDoNotArriveHoldAtMostMaxArrivingAndTheRestIsServed() throws Exception {
        HttpClientSupport http = new HttpClientSupport(port);
        List<Socket> slow = new ArrayList<>();
        try {
            // three bodies that do not arrive: two take the two places, the third is refused at once; once one
            // of them has its 503, the other two hold both places
            for (int i = 0; i < 3; i++) {
                slow.add(slowPost("{"));
            }
            int refused = 0;
            for (Socket s : slow) {
                s.setSoTimeout(3_000);
                try {
                    String answer = response(s.getInputStream());
                    assertThat(answer).startsWith("HTTP/1.1 503").contains("divergence.body.max-arriving");
                    refused++;
                } catch (java.net.SocketTimeoutException heldPlace) {
                    // still waiting for its body: it holds a place
                }
            }
            assertThat(refused).as("slow requests refused beyond the two places").isEqualTo(1);
            HttpResponse<String> another = http.post("/v1/divergences/discrete", SMALL);
            assertThat(another.statusCode()).as(another.body()).isEqualTo(503);
            assertThat(another.headers().firstValue("Retry-After")).isPresent();
            assertThat(another.body()).contains("urn:problem-type:divergence:overloaded")
                    .contains("divergence.body.max-arriving");
            // a request without a body needs no place
            assertThat(http.get("/v1/capabilities").statusCode()).isEqualTo(200);
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
        // closed connections give their places back
        int status = 0;
        for (int attempt = 0; attempt < 250 && status != 200; attempt++) {
            status = http.post("/v1/divergences/discrete", SMALL).statusCode();
            if (status != 200) {
                Thread.sleep(20);
            }
        }
        assertThat(status).isEqualTo(200);
    }

    /**
     * Reads one response: its head, then its body by Content-Length, by chunks, or up to the end of its JSON
     * object, not until the connection closes (the server closes it only after discarding the rest of the slow
     * body, for up to {@code server.tomcat.connection-timeout}).
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
            String response = response(socket.getInputStream());
            assertThat(response).startsWith("HTTP/1.1 408").contains("application/problem+json")
                    .contains("urn:problem-type:divergence:request-timeout")
                    .contains("divergence.body.min-arrival-rate = 1000 bytes per second")
                    .containsIgnoringCase("Connection: close");
        }
    }

    @Test
    void aBodyAtAFairRateThatGoesOnPastMaxArrivalTimeIs408() throws Exception {
        String chunk = "0.1, ".repeat(200); // 1000 bytes every 300 ms: above the minimum rate
        try (Socket socket = slowPost("{\"p\": [", 100_000)) {
            String response = "";
            for (int i = 0; i < 20 && response.isEmpty(); i++) {
                Thread.sleep(300);
                try {
                    socket.getOutputStream().write(chunk.getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                } catch (IOException closed) {
                    break; // the server answered and closed: read what it said
                }
                if (socket.getInputStream().available() > 0) {
                    break;
                }
            }
            response = response(socket.getInputStream());
            assertThat(response).startsWith("HTTP/1.1 408").contains("urn:problem-type:divergence:request-timeout")
                    .contains("divergence.body.max-arrival-time = 1500 ms").containsIgnoringCase("Connection: close");
        }
    }
}
