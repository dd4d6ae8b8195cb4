package dev.divergence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.divergence.compute.estimators.KnnAccuracySuite;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17, item 10, over HTTP: in several dimensions {@code auto} answers bias-corrected k-NN with its standard
 * error and the measured bias, warns when the bias is large, when coordinates repeat (ReLU outputs) and when plain
 * k-NN is forced in high dimension, falls back to plain k-NN when the Gaussian reference is undefined, and admits
 * k-NN work by its estimated cost before starting (the limit here is lowered to 10⁸ units).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "divergence.limits.max-knn-work=100000000")
class SamplesHighDimensionHttpTest {

    /** True KL of the suite's Gaussian pair in 16 dimensions (closed form, samples/knn-truths.json). */
    private static final double GAUSSIAN_16 = 0.5604525772783893;

    @LocalServerPort
    int port;

    @Test
    void autoCorrectsTheBiasInSixteenDimensionsAndSaysSo() {
        KnnAccuracySuite.Pair s = KnnAccuracySuite.draw("gaussian", 16, 1000, 1000, 5);
        JsonNode body = post("{\"p\": " + rows(s.x(), s.n(), 16) + ", \"q\": " + rows(s.y(), s.m(), 16) + "}", 200);
        assertThat(body.get("estimator").asString()).isEqualTo("knnBiasCorrected");
        double kl = body.get("kl").doubleValue();
        double raw = kl + body.get("biasCorrection").doubleValue();
        assertThat(Math.abs(kl - GAUSSIAN_16)).isLessThan(Math.abs(raw - GAUSSIAN_16));
        assertThat(body.get("biasCorrection").doubleValue()).isGreaterThan(2 * body.get("standardError").doubleValue());
        assertThat(body.get("warnings").toString()).contains("k-NN is biased at these sample sizes in 16 dimensions");
        // the same request answers the same, bit for bit (the reference draws are seeded)
        JsonNode again = post("{\"p\": " + rows(s.x(), s.n(), 16) + ", \"q\": " + rows(s.y(), s.m(), 16) + "}", 200);
        assertThat(again.get("kl").doubleValue()).isEqualTo(kl);
    }

    @Test
    void rectifiedActivationsAreFlagged() {
        KnnAccuracySuite.Pair s = KnnAccuracySuite.draw("relu", 16, 500, 500, 6);
        JsonNode body = post("{\"p\": " + rows(s.x(), s.n(), 16) + ", \"q\": " + rows(s.y(), s.m(), 16) + "}", 200);
        assertThat(body.get("warnings").toString()).contains("of the coordinate values repeat (such as the zeros of "
                + "ReLU outputs");
        JsonNode forced = post("{\"p\": " + rows(s.x(), s.n(), 16) + ", \"q\": " + rows(s.y(), s.m(), 16)
                + ", \"estimator\": \"knn\"}", 200);
        assertThat(forced.get("estimator").asString()).isEqualTo("knn");
        assertThat(forced.get("biasCorrection")).isNull();
        assertThat(forced.get("standardError").doubleValue()).isPositive();
        assertThat(forced.get("warnings").toString()).contains("plain k-NN is strongly biased in 16 dimensions",
                "coordinate values repeat").doesNotContain("too close for these sample sizes");
    }

    @Test
    void aConstantCoordinateFallsBackToPlainKnnWithAWarning() {
        JsonNode body = post("{\"p\": [[0, 1], [1, 1], [2, 1], [3, 1], [4.5, 1]], "
                + "\"q\": [[0.5, 1], [1.5, 1], [2.5, 1], [3.5, 1], [5, 1]], \"estimator\": \"knnBiasCorrected\"}", 200);
        assertThat(body.get("estimator").asString()).isEqualTo("knn");
        assertThat(body.get("warnings").toString()).contains("the Gaussian reference that measures k-NN's bias is "
                + "undefined");
    }

    @Test
    void knnWorkIsAdmittedByItsEstimatedCostBeforeItStarts() {
        // 3 plain estimates of 2,000 × 4,000 distances of 16 coordinates and 2 × 4,000 reference draws of 16²: 3.86e8
        // units, over the 1e8 configured
        KnnAccuracySuite.Pair s = KnnAccuracySuite.draw("gaussian", 16, 2000, 2000, 7);
        JsonNode problem = post("{\"p\": " + rows(s.x(), s.n(), 16) + ", \"q\": " + rows(s.y(), s.m(), 16) + "}", 413);
        assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo("/p");
        assertThat(problem.get("detail").asString()).contains("knnBiasCorrected over n = 2000 and m = 2000 points of "
                + "dimension 16 is an estimated 3.86e+08 units of work", "max-knn-work = 100000000");
        // bootstrap resamples re-run the estimator, so they count too
        KnnAccuracySuite.Pair small = KnnAccuracySuite.draw("gaussian", 16, 300, 300, 8);
        JsonNode boot = post("{\"p\": " + rows(small.x(), 300, 16) + ", \"q\": " + rows(small.y(), 300, 16)
                + ", \"estimator\": \"knn\", \"bootstrap\": {\"resamples\": 100}}", 413);
        assertThat(boot.get("errors").get(0).get("pointer").asString()).isEqualTo("/bootstrap/resamples");
    }

    private JsonNode post(String body, int status) {
        HttpResponse<String> response = new HttpClientSupport(port).post("/v1/divergences/samples", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return GoldenCorpus.JSON.readTree(response.body());
    }

    private static String rows(double[] v, int n, int d) {
        StringBuilder b = new StringBuilder(n * d * 20).append('[');
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "[" : ",[");
            for (int j = 0; j < d; j++) {
                b.append(j == 0 ? "" : ",").append(v[i * d + j]);
            }
            b.append(']');
        }
        return b.append(']').toString();
    }
}
