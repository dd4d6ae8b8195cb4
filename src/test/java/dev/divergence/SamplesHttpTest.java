package dev.divergence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** POST /v1/divergences/samples over real HTTP: the public samples corpus and the response's parts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SamplesHttpTest {

    /** The service and the hand formula reach values of order 1 by different float64 operations: a few ulps apart. */
    private static final double HAND_FORMULA = 1e-14;

    @LocalServerPort
    int port;

    static Stream<Arguments> continuousCases() {
        return GoldenCorpus.cases("samples.jsonl").stream()
                .filter(c -> "continuous".equals(c.get("input").get("type").asString()))
                .map(c -> Arguments.of(c.get("id").asString(), c));
    }

    static Stream<Arguments> categoricalCases() {
        return GoldenCorpus.categoricalSampleCases().stream().map(c -> Arguments.of(c.get("id").asString(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("continuousCases")
    void knnReproducesTheCorpusAndAutoLandsNearTheTrueKl(String id, JsonNode goldenCase) {
        JsonNode in = goldenCase.get("input");
        for (int k : new int[] {1, 5}) {
            ObjectNode request = GoldenCorpus.JSON.createObjectNode();
            request.set("p", in.get("x"));
            request.set("q", in.get("y"));
            request.put("estimator", "knn");
            request.put("k", k);
            JsonNode body = post(request.toString());
            assertThat(body.get("estimator").asString()).isEqualTo("knn");
            GoldenCorpus.assertWithin(goldenCase, "knn_k" + k, body.get("kl").doubleValue());
        }
        ObjectNode auto = GoldenCorpus.JSON.createObjectNode();
        auto.set("p", in.get("x"));
        auto.set("q", in.get("y"));
        JsonNode body = post(auto.toString());
        // auto: plain k-NN below 6 dimensions (the corpus has d = 1, 2 and 5)
        assertThat(body.get("estimator").asString()).isEqualTo("knn");
        assertThat(body.get("standardError").doubleValue()).isPositive();
        assertThat(body.get("sampleSizes").get("p").intValue()).isEqualTo(in.get("x").size());
        assertThat(body.get("dimension").intValue()).isEqualTo(in.get("x").get(0).isArray()
                ? in.get("x").get(0).size() : 1);
        // the true KL of the generating distributions, within the corpus's replicate-derived tolerance
        GoldenCorpus.assertWithin(goldenCase, "kl", body.get("kl").doubleValue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("categoricalCases")
    void countingGivesAllFifteenMetrics(String id, JsonNode goldenCase) {
        JsonNode in = goldenCase.get("input");
        ObjectNode request = GoldenCorpus.JSON.createObjectNode();
        request.set("p", in.get("x"));
        request.set("q", in.has("y") ? in.get("y") : in.get("q"));
        request.set("base", in.get("base"));
        JsonNode body = post(request.toString());
        assertThat(body.get("estimator").asString()).isEqualTo("counting");
        for (Map.Entry<String, String> key : GoldenCorpus.DISCRETE_KEYS.entrySet()) {
            GoldenCorpus.assertWithin(goldenCase, key.getKey(), GoldenCorpus.metric(body.get("metrics"), key.getValue()));
        }
    }

    @Test
    void histogramReturnsEdgesCountsAndOneDimensionalDistances() {
        JsonNode body = post("""
                {"p": [0.1, 0.5, 0.9, 1.5, 2.5], "q": [0.2, 0.4, 1.1, 1.6, 1.9, 2.4],
                 "estimator": "histogram", "bins": {"strategy": "edges", "edges": [0, 1, 2, 3]}}""");
        assertThat(body.get("bins").get("edges").toString()).isEqualTo("[0.0,1.0,2.0,3.0]");
        assertThat(body.get("bins").get("p").toString()).isEqualTo("[3.0,1.0,1.0]");
        assertThat(body.get("bins").get("q").toString()).isEqualTo("[2.0,3.0,1.0]");
        // KL of (3/5, 1/5, 1/5) against (2/6, 3/6, 1/6), by hand
        double expected = 0.6 * Math.log(0.6 / (2 / 6.0)) + 0.2 * Math.log(0.2 / 0.5) + 0.2 * Math.log(0.2 / (1 / 6.0));
        assertThat(body.get("kl").doubleValue()).isCloseTo(expected, org.assertj.core.data.Offset.offset(HAND_FORMULA));
        // W₁ between the empirical distributions, summed by hand over the merged points
        assertThat(body.get("metrics").get("wasserstein1").doubleValue()).isCloseTo(wasserstein(),
                org.assertj.core.data.Offset.offset(HAND_FORMULA));
        assertThat(body.get("metrics").get("kolmogorovSmirnov").doubleValue()).isCloseTo(0.3,
                org.assertj.core.data.Offset.offset(HAND_FORMULA));
        assertThat(body.get("metrics").has("kolmogorovSmirnovPValue")).isTrue();
    }

    /** ∫|F_p − F_q| for p = {0.1, 0.5, 0.9, 1.5, 2.5}, q = {0.2, 0.4, 1.1, 1.6, 1.9, 2.4}. */
    private static double wasserstein() {
        double[] points = {0.1, 0.2, 0.4, 0.5, 0.9, 1.1, 1.5, 1.6, 1.9, 2.4, 2.5};
        double[] fp = {0.2, 0.2, 0.2, 0.4, 0.6, 0.6, 0.8, 0.8, 0.8, 0.8, 1.0};
        double[] fq = {0, 1 / 6.0, 2 / 6.0, 2 / 6.0, 2 / 6.0, 3 / 6.0, 3 / 6.0, 4 / 6.0, 5 / 6.0, 1, 1};
        double w = 0;
        for (int i = 0; i + 1 < points.length; i++) {
            w += (points[i + 1] - points[i]) * Math.abs(fp[i] - fq[i]);
        }
        return w;
    }

    @Test
    void valuesOfQOutsideQuantileBinsGoToOpenOuterBins() {
        JsonNode body = post("""
                {"p": [1, 2, 3, 4, 5, 6, 7, 8], "q": [0.5, 2, 4, 6, 9, 10], "estimator": "histogram",
                 "bins": {"strategy": "quantile", "count": 2}, "smoothing": {"method": "additive", "alpha": 1}}""");
        JsonNode edges = body.get("bins").get("edges");
        assertThat(edges.get(0).asString()).isEqualTo("-Infinity");
        assertThat(edges.get(edges.size() - 1).asString()).isEqualTo("Infinity");
        assertThat(body.get("bins").get("q").toString()).isEqualTo("[1.0,2.0,1.0,2.0]");
        assertThat(body.get("warnings").toString()).contains("open-ended outer bins");
    }

    @Test
    void integerValuedDataWithManyTiesAreCountedUnderAuto() {
        JsonNode body = post("{\"p\": [1, 2, 2, 3, 3, 3, 1, 2], \"q\": [1, 1, 2, 3, 3, 1, 2, 1]}");
        assertThat(body.get("estimator").asString()).isEqualTo("counting");
        assertThat(body.get("categories").toString()).isEqualTo("[\"1\",\"2\",\"3\"]");
        assertThat(body.get("warnings").toString()).contains("repeat");
    }

    @Test
    void repeatedPointsInTwoDimensionsAreFlaggedUnderAuto() {
        // 4 of 10 pooled points repeat an earlier one (−0.0 is the same point as 0.0): above the 10 % threshold
        JsonNode body = post("{\"p\": [[0, 1], [0, 1], [2, 3], [1, 1], [-0.0, 1]], "
                + "\"q\": [[2, 3], [1, 2], [3, 3], [1, 1], [4, 0]]}");
        assertThat(body.get("estimator").asString()).isEqualTo("knn");
        assertThat(body.get("warnings").toString()).contains("40% of the points repeat");
    }

    @Test
    void gaussianFitIsTheClosedFormBetweenTheFittedNormals() {
        JsonNode body = post("{\"p\": [0, 1, 2, 3], \"q\": [1, 3, 5, 7], \"estimator\": \"gaussian\"}");
        // means 1.5 and 4, unbiased variances 5/3 and 20/3: ½(σp²/σq² + Δ²/σq² − 1 − ln(σp²/σq²))
        double ratio = 0.25;
        double expected = 0.5 * (ratio + 6.25 / (20 / 3.0) - 1 - Math.log(ratio));
        assertThat(body.get("kl").doubleValue()).isCloseTo(expected, org.assertj.core.data.Offset.offset(HAND_FORMULA));
    }

    @Test
    void bootstrapIsReproducibleForASeed() {
        String request = """
                {"p": ["a", "a", "b", "c", "a", "b"], "q": ["a", "b", "b", "c", "c", "b", "a"],
                 "smoothing": {"method": "additive", "alpha": 0.5}, "bootstrap": {"resamples": 300, "seed": 9}}""";
        JsonNode first = post(request).get("confidenceInterval");
        JsonNode second = post(request).get("confidenceInterval");
        assertThat(first).isEqualTo(second);
        assertThat(first.get("level").doubleValue()).isEqualTo(0.95);
        assertThat(first.get("resamples").intValue()).isEqualTo(300);
        assertThat(first.get("lower").doubleValue()).isLessThanOrEqualTo(first.get("upper").doubleValue());
    }

    private JsonNode post(String body) {
        HttpResponse<String> response = new HttpClientSupport(port).post("/v1/divergences/samples", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return GoldenCorpus.JSON.readTree(response.body());
    }
}
