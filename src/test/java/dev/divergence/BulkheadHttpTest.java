package dev.divergence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The compute bulkhead under a flood: with one computation running and one waiting allowed, 12 simultaneous heavy
 * requests get 200 or an immediate 503 problem+json with Retry-After, never anything else, and the service answers
 * normally afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "divergence.resilience.concurrent-computations=1", "divergence.resilience.admitted-computations=2",
    "divergence.resilience.retry-after=2s"})
class BulkheadHttpTest {

    @LocalServerPort
    int port;

    @Test
    void aFloodGets200OrAnImmediate503WithRetryAfter() {
        HttpClientSupport http = new HttpClientSupport(port);
        int ok = 0;
        int refused = 0;
        for (HttpResponse<String> r : Flood.ofHeavyRequests(http, 12)) {
            if (r.statusCode() == 200) {
                ok++;
            } else {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
                assertThat(r.headers().firstValue("Retry-After")).hasValue("2");
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                JsonNode problem = GoldenCorpus.JSON.readTree(r.body());
                assertThat(problem.get("type").asString()).isEqualTo("urn:problem-type:divergence:overloaded");
                refused++;
            }
        }
        System.out.printf("bulkhead flood: %d of 12 answered 200, %d refused with 503 and Retry-After%n", ok, refused);
        assertThat(ok).as("admitted and answered").isPositive();
        assertThat(refused).as("refused by the bulkhead").isPositive();
        assertThat(http.post("/v1/divergences/discrete", "{\"p\": [0.4, 0.6], \"q\": [0.5, 0.5]}").statusCode())
                .isEqualTo(200);
    }
}
