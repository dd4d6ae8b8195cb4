package dev.divergence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** POST /v1/divergences/parametric over real HTTP: the public parametric corpus, batches and Monte Carlo. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ParametricHttpTest {

    @LocalServerPort
    int port;

    static Stream<Arguments> parametricCases() {
        return GoldenCorpus.cases("parametric.jsonl").stream().map(c -> Arguments.of(c.get("id").asString(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parametricCases")
    void goldenCaseOverHttp(String id, JsonNode goldenCase) {
        ObjectNode request = GoldenCorpus.JSON.createObjectNode();
        request.set("p", goldenCase.get("input").get("p"));
        request.set("q", goldenCase.get("input").get("q"));
        request.put("method", "closedForm");
        JsonNode body = post(request.toString(), 200);
        assertThat(body.get("method").asString()).isEqualTo("closedForm");
        assertThat(body.get("unit").asString()).isEqualTo("nats");
        GoldenCorpus.assertWithin(goldenCase, "kl", GoldenCorpus.number(body.get("kl")));
    }

    @Test
    void batchedScaleBroadcastsAgainstAScalarLikeTorch() {
        // the VAE term: per-dimension KL(N(μ_i, σ_i²) ‖ N(0, 1)) = ½(σ² + μ² − 1 − ln σ²)
        JsonNode body = post("""
                {"p": {"family": "Normal", "params": {"loc": [[0.5, -0.3], [0.0, 1.0]], "scale": [0.8, 1.0]}},
                 "q": {"family": "Normal", "params": {"loc": 0, "scale": 1}}}""", 200);
        assertThat(body.get("batchShape").toString()).isEqualTo("[2,2]");
        double[][] mu = {{0.5, -0.3}, {0.0, 1.0}};
        double[] sigma = {0.8, 1.0};
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double s2 = sigma[j] * sigma[j];
                double expected = 0.5 * (s2 + mu[i][j] * mu[i][j] - 1 - Math.log(s2));
                assertThat(body.get("kl").get(i).get(j).doubleValue()).isCloseTo(expected,
                        org.assertj.core.data.Offset.offset(1e-15));
            }
        }
    }

    @Test
    void monteCarloIsSeededAndReportsItsStandardError() {
        String request = """
                {"p": {"family": "Gamma", "params": {"concentration": 3, "rate": 2}},
                 "q": {"family": "Weibull", "params": {"scale": 1.5, "concentration": 1.5}},
                 "method": "monteCarlo", "monteCarlo": {"samples": 50000, "seed": 11}}""";
        JsonNode first = post(request, 200);
        JsonNode second = post(request, 200);
        assertThat(first.get("kl").doubleValue()).isEqualTo(second.get("kl").doubleValue());
        assertThat(first.get("samples").intValue()).isEqualTo(50000);
        assertThat(first.get("seed").longValue()).isEqualTo(11);
        double se = first.get("standardError").doubleValue();
        assertThat(se).isPositive().isLessThan(0.01);
        JsonNode closed = post(request.replace("\"monteCarlo\", \"monteCarlo\"", "\"closedForm\", \"monteCarlo\""), 200);
        // the estimate lies within 5 standard errors of the closed form (fails by chance with probability 6e-7)
        assertThat(Math.abs(first.get("kl").doubleValue() - closed.get("kl").doubleValue())).isLessThan(5 * se);
    }

    @Test
    void aPairWithoutClosedFormFallsBackToMonteCarloUnderAuto() {
        JsonNode body = post("""
                {"p": {"family": "Normal", "params": {"loc": 0, "scale": 1}},
                 "q": {"family": "StudentT", "params": {"df": 3}}}""", 200);
        assertThat(body.get("method").asString()).isEqualTo("monteCarlo");
        assertThat(body.get("samples").intValue()).isEqualTo(100000);
        assertThat(body.get("warnings").toString()).contains("no closed form");
    }

    private JsonNode post(String body, int status) {
        HttpResponse<String> response = new HttpClientSupport(port).post("/v1/divergences/parametric", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return GoldenCorpus.JSON.readTree(response.body());
    }
}
