package dev.divergence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Samples spanning more than the largest double (issue 17, item 9): the histogram's edges stay finite and equal
 * width, and the Wasserstein-1 distance is the finite sum it is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SamplesExtremesHttpTest {

    @LocalServerPort
    int port;

    @Test
    void histogramsAndWassersteinSurviveARangeBeyondTheLargestDouble() {
        HttpResponse<String> response = new HttpClientSupport(port).post("/v1/divergences/samples",
                "{\"p\": [-1e308, -0.9e308, 0.9e308, 1e308], \"q\": [-1e308, 0.9e308, 0.95e308, 1e308], "
                        + "\"estimator\": \"histogram\", \"bins\": {\"strategy\": \"count\", \"count\": 2}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = GoldenCorpus.JSON.readTree(response.body());
        // two bins [−1e308, 0) and [0, 1e308]: p = (½, ½), q = (¼, ¾), KL = ½ ln 2 + ½ ln(2/3) = ½ ln(4/3)
        JsonNode edges = body.get("bins").get("edges");
        assertThat(edges.get(0).doubleValue()).isEqualTo(-1e308);
        assertThat(edges.get(1).doubleValue()).isEqualTo(0.0);
        assertThat(edges.get(2).doubleValue()).isEqualTo(1e308);
        assertThat(body.get("kl").doubleValue()).isCloseTo(0.5 * Math.log(4.0 / 3.0), within(1e-16));
        // W₁ = ¼ · 1.8e308 (between ∓0.9e308) + ¼ · 0.05e308 (between 0.9e308 and 0.95e308), written without the
        // overflowing width
        double w1 = 0.5 * 0.9e308 + 0.25 * (0.95e308 - 0.9e308);
        assertThat(body.get("metrics").get("wasserstein1").doubleValue()).isCloseTo(w1, within(1e-15 * w1));
    }
}
