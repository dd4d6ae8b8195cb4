package dev.divergence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17, item 6: logits and log-probabilities whose probabilities underflow. Logits [0, 0] against [0, −800]
 * have q = (1, e^−800), and e^−800 is 0 as a double; the KL is finite (400 − ln 2). Before, the service answered
 * "Infinity" with a warning that q is 0. Expected values: mpmath at 50 digits on the exact softmax.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LogDomainInputHttpTest {

    @LocalServerPort
    int port;

    @Test
    void logitsWhoseProbabilityUnderflowsKeepTheirExactLogarithm() {
        JsonNode body = post("{\"p\": [0, 0], \"q\": [0, -800], \"inputType\": \"logits\", \"metrics\": [\"kl\", "
                + "\"reverseKl\", \"jeffreys\", \"crossEntropy\", \"psi\", \"jensenShannon\", \"renyi\"], "
                + "\"renyiOrders\": [0.5, 2, 3]}");
        JsonNode m = body.get("metrics");
        assertThat(body.get("kl").doubleValue()).isCloseTo(399.30685281944005, within(2 * Math.ulp(399.3)));
        assertThat(m.get("reverseKl").doubleValue()).isCloseTo(0.6931471805599453, within(1e-15));
        assertThat(m.get("jeffreys").doubleValue()).isCloseTo(400.0, within(1e-13));
        assertThat(m.get("crossEntropy").doubleValue()).isCloseTo(400.0, within(1e-13));
        assertThat(m.get("psi").doubleValue()).isCloseTo(400.0, within(1e-13));
        assertThat(m.get("jensenShannon").doubleValue()).isCloseTo(0.2157615543388357, within(1e-15));
        JsonNode renyi = m.get("renyi");
        assertThat(renyi.get("0.5").doubleValue()).isCloseTo(0.6931471805599453, within(1e-15));
        assertThat(renyi.get("2").doubleValue()).isCloseTo(798.6137056388801, within(1e-12));
        assertThat(renyi.get("3").doubleValue()).isCloseTo(798.96027922916, within(1e-12));
        assertThat(body.get("warnings").toString()).doesNotContain("q is 0");
    }

    @Test
    void aTrulyImpossibleOutcomeIsStillInfiniteAndNamed() {
        JsonNode body = post("{\"p\": [-1, -1, -2], \"q\": [-0.5, -1000, \"-Infinity\"], "
                + "\"inputType\": \"logProbabilities\", \"normalize\": true}");
        assertThat(body.get("kl").asString()).isEqualTo("Infinity");
        // index 1 (probability e^-1000 relative) is positive; only index 2 is impossible
        assertThat(body.get("warnings").toString()).contains("q is 0 where p > 0 at indices [2]");
    }

    @Test
    void aKlNearTheLargestDoubleStaysFinite() {
        // q = (1, e^-1e308): KL = ½(ln ½) + ½(ln ½ + 1e308) = 5e307 − ln 2, which rounds to 5e307
        JsonNode body = post("{\"p\": [0, 0], \"q\": [0, -1e308], \"inputType\": \"logits\"}");
        assertThat(body.get("kl").doubleValue()).isEqualTo(5e307);
        assertThat(body.get("warnings").toString()).doesNotContain("q is 0");
    }

    private JsonNode post(String body) {
        HttpResponse<String> response = new HttpClientSupport(port).post("/v1/divergences/discrete", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return GoldenCorpus.JSON.readTree(response.body());
    }
}
