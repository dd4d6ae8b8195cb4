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
 * 200 ms, {@code min-arrival-rate} 1000 bytes/s: two bodies that do not arrive hold the two places, a third request
 * with a body is refused at once with 503, a request without one is served; a body that drips is answered 408
 * with {@code Connection: close} as soon as its rate is too low, and one that keeps a fair rate but goes on past
 * 1.5 s at that point (Tomcat then discards what is left of the body for at most
 * {@code server.tomcat.connection-timeout}, 2 s here, before it closes the connection).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "divergence.body.max-arriving=2", "divergence.body.max-arrival-time=1500ms",
    "divergence.body.arrival-grace=200ms", "divergence.body.min-arrival-rate=1000",
    "server.tomcat.connection-timeout=2s"})
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
            slow.add(slowPost("{"));
            slow.add(slowPost("{"));
            // the two requests take their places as soon as their headers are read; poll until they have
            HttpResponse<String> third = null;
            for (int attempt = 0; attempt < 100; attempt++) {
                third = http.post("/v1/divergences/discrete", SMALL);
                if (third.statusCode() == 503) {
                    break;
                }
                Thread.sleep(20);
            }
            assertThat(third.statusCode()).as(third.body()).isEqualTo(503);
            assertThat(third.headers().firstValue("Retry-After")).isPresent();
            assertThat(third.body()).contains("urn:problem-type:divergence:overloaded")
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

    @Test
    void aBodyThatDripsIs408AsSoonAsItsRateIsTooLow() throws Exception {
        try (Socket socket = slowPost("{\"p\": [")) {
            Thread.sleep(600);
            socket.getOutputStream().write("0.5, ".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
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
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 408").contains("urn:problem-type:divergence:request-timeout")
                    .contains("divergence.body.max-arrival-time = 1500 ms").containsIgnoringCase("Connection: close");
        }
    }
}
