package dev.divergence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The wait for a running place is bounded (issue 17: in a Monte Carlo flood it had no limit, p99 22.5 s): with one
 * place, eight admitted and {@code max-queue-wait} 50 ms, six simultaneous computations of a few hundred
 * milliseconds each give the first a 200 and refuse those that waited past 50 ms with 503 {@code overloaded},
 * whose detail names the property; the service then answers normally.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "divergence.resilience.concurrent-computations=1", "divergence.resilience.admitted-computations=8",
    "divergence.resilience.max-queue-wait=50ms", "divergence.resilience.retry-after=1s"})
class QueueWaitHttpTest {

    @LocalServerPort
    int port;

    @Test
    void aComputationThatWaitsPastMaxQueueWaitIsRefusedWith503() {
        HttpClientSupport http = new HttpClientSupport(port);
        int ok = 0;
        int waitedTooLong = 0;
        for (HttpResponse<String> r : Flood.ofHeavyRequests(http, 6)) {
            if (r.statusCode() == 200) {
                ok++;
                continue;
            }
            assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
            JsonNode problem = GoldenCorpus.JSON.readTree(r.body());
            assertThat(problem.get("type").asString()).isEqualTo("urn:problem-type:divergence:overloaded");
            // eight are admitted, so no refusal here comes from admitted-computations
            assertThat(problem.get("detail").asString()).contains("divergence.resilience.max-queue-wait = 50 ms");
            waitedTooLong++;
        }
        assertThat(ok).as("the first computation runs").isPositive();
        assertThat(waitedTooLong).as("computations that waited past 50 ms behind it").isPositive();
        assertThat(http.post("/v1/divergences/discrete", "{\"p\": [0.4, 0.6], \"q\": [0.5, 0.5]}").statusCode())
                .isEqualTo(200);
    }
}
