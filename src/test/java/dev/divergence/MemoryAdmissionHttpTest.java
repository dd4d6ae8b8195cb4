package dev.divergence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Parametric batches are admitted by their estimated working memory before any element is built (issue 17, item 2:
 * MultivariateNormal d = 512 with a batch of 100 ended in an OutOfMemoryError and a 500). With a budget of 0.01 % of
 * the test JVM's heap (under 1 MiB for a default heap of a few GiB; under 8 MiB up to an 80 GiB heap), 20
 * MultivariateNormal elements of dimension 128 (about 8 MiB: three copies of a 128 × 128 covariance each) are
 * refused with 413 naming the property; a small batch (under 1 KiB) passes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "divergence.resilience.working-memory-share=0.0001"})
class MemoryAdmissionHttpTest {

    @LocalServerPort
    int port;

    private static String mvn(int batch, int d) {
        StringBuilder loc = new StringBuilder("[");
        for (int b = 0; b < batch; b++) {
            loc.append(b == 0 ? "[" : ",[");
            for (int i = 0; i < d; i++) {
                loc.append(i == 0 ? "" : ",").append(b % 3);
            }
            loc.append(']');
        }
        StringBuilder cov = new StringBuilder("[");
        for (int i = 0; i < d; i++) {
            cov.append(i == 0 ? "[" : ",[");
            for (int j = 0; j < d; j++) {
                cov.append(j == 0 ? "" : ",").append(i == j ? 1 : 0);
            }
            cov.append(']');
        }
        return "{\"family\": \"MultivariateNormal\", \"params\": {\"loc\": " + loc + "], \"covariance_matrix\": "
                + cov + "]}}";
    }

    @Test
    void aBatchWhoseWorkingMemoryExceedsTheBudgetIs413BeforeItIsBuilt() {
        String body = "{\"p\": " + mvn(20, 128) + ", \"q\": " + mvn(1, 128) + "}";
        HttpResponse<String> r = new HttpClientSupport(port).post("/v1/divergences/parametric", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(r.body()).contains("urn:problem-type:divergence:limit-exceeded")
                .contains("divergence.resilience.working-memory-share");
    }

    @Test
    void aSmallBatchPasses() {
        String body = "{\"p\": " + mvn(3, 2) + ", \"q\": " + mvn(1, 2) + "}";
        HttpResponse<String> r = new HttpClientSupport(port).post("/v1/divergences/parametric", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
}
