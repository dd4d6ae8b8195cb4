package dev.divergence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The compute deadline: a computation that needs far longer than the configured 50 ms stops at a checkpoint and
 * the request answers 503 problem+json; a light request still succeeds, and the service keeps serving.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "divergence.resilience.compute-deadline=50ms", "logging.structured.format.console=ecs"})
@ExtendWith(OutputCaptureExtension.class)
class DeadlineHttpTest {

    @LocalServerPort
    int port;

    @Test
    void theDeadlineIsLoggedAsStructuredJsonWithTheRequestIdButNotTheBody(CapturedOutput output) throws Exception {
        String body = "{\"p\": {\"family\": \"Normal\", \"params\": {\"loc\": 0, \"scale\": 1}}, \"q\": {\"family\": "
                + "\"Normal\", \"params\": {\"loc\": 12345.678, \"scale\": 2}}, \"method\": \"monteCarlo\", "
                + "\"monteCarlo\": {\"samples\": 8000000}}";
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/v1/divergences/parametric"))
                .header("Content-Type", "application/json").header("X-Request-Id", "deadline-test-7")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("X-Request-Id")).hasValue("deadline-test-7");
        String line = output.getAll().lines().filter(l -> l.contains("stopped at its deadline")).findFirst()
                .orElseThrow();
        JsonNode json = GoldenCorpus.JSON.readTree(line);
        assertThat(json.get("requestId").asString()).isEqualTo("deadline-test-7");
        assertThat(line).doesNotContain("12345.678");
    }

    @Test
    void aComputationPastTheDeadlineStopsWithAProblem() {
        HttpClientSupport http = new HttpClientSupport(port);
        // 6 million Monte Carlo draws of a 3-d normal: seconds of work, far beyond 50 ms
        HttpResponse<String> r = http.post("/v1/divergences/parametric", """
                {"p": {"family": "MultivariateNormal", "params": {"loc": [0, 0, 0], "covariance_matrix": [[1, 0, 0], [0, 1, 0], [0, 0, 1]]}},
                 "q": {"family": "MultivariateNormal", "params": {"loc": [1, 0, 0], "covariance_matrix": [[2, 0, 0], [0, 2, 0], [0, 0, 2]]}},
                 "method": "monteCarlo", "monteCarlo": {"samples": 6000000}}""");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        JsonNode problem = GoldenCorpus.JSON.readTree(r.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:problem-type:divergence:deadline-exceeded");
        assertThat(problem.get("detail").asString()).contains("50 ms");
        assertThat(http.post("/v1/divergences/discrete", "{\"p\": [0.4, 0.6], \"q\": [0.5, 0.5]}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aKnnEstimateOfHundredsOfThousandsOfPointsIsStoppedToo() {
        StringBuilder p = new StringBuilder("[");
        StringBuilder q = new StringBuilder("[");
        java.util.Random random = new java.util.Random(4);
        for (int i = 0; i < 100_000; i++) {
            p.append(i == 0 ? "" : ",").append('[').append(random.nextGaussian()).append(',')
                    .append(random.nextGaussian()).append(']');
            q.append(i == 0 ? "" : ",").append('[').append(random.nextGaussian() + 1).append(',')
                    .append(random.nextGaussian()).append(']');
        }
        HttpResponse<String> r = new HttpClientSupport(port).post("/v1/divergences/samples",
                "{\"p\": " + p + "], \"q\": " + q + "], \"estimator\": \"knn\", \"k\": 5, "
                        + "\"bootstrap\": {\"resamples\": 5}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(r.body()).contains("deadline-exceeded");
    }

    private static String poissonMixture(int components) {
        StringBuilder probs = new StringBuilder();
        StringBuilder rates = new StringBuilder();
        for (int i = 0; i < components; i++) {
            probs.append(i == 0 ? "" : ",").append(1.0 / components);
            rates.append(i == 0 ? "" : ",").append(1 + i % 997);
        }
        return "{\"family\": \"MixtureSameFamily\", \"params\": {\"mixture_distribution\": {\"family\": "
                + "\"Categorical\", \"params\": {\"probs\": [" + probs + "]}}, \"component_distribution\": "
                + "{\"family\": \"Poisson\", \"params\": {\"rate\": [" + rates + "]}}}}";
    }

    @Test
    void aFiniteSumAgainstAManyComponentMixtureIsStoppedAtTheDeadline() {
        // issue 17, item 1: 60,001 terms each costing 10,000 component densities (seconds of work) ran to the end,
        // because the checkpoint came every 65,536 terms; it now comes every 65,536 units of work
        HttpResponse<String> r = new HttpClientSupport(port).post("/v1/divergences/parametric",
                "{\"p\": {\"family\": \"Binomial\", \"params\": {\"total_count\": 60000, \"probs\": 0.5}}, "
                        + "\"q\": " + poissonMixture(10_000) + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(r.body()).contains("deadline-exceeded");
    }

    @Test
    void monteCarloDrawsOfAHugeMixtureAreStoppedAtTheDeadline() {
        // issue 17, item 1: 4,095 draws, each evaluating 200,000 components, passed no checkpoint at all
        HttpResponse<String> r = new HttpClientSupport(port).post("/v1/divergences/parametric",
                "{\"p\": {\"family\": \"Poisson\", \"params\": {\"rate\": 3}}, \"q\": " + poissonMixture(200_000)
                        + ", \"method\": \"monteCarlo\", \"monteCarlo\": {\"samples\": 4095}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(r.body()).contains("deadline-exceeded");
    }
}
