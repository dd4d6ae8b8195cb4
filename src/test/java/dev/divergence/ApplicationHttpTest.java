package dev.divergence;

import static dev.divergence.GoldenCorpus.assertWithin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.divergence.web.json.NumericArrayParser;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.numbers.core.Sum;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The whole application over real HTTP: the golden corpus, batch, capabilities, health and Prometheus. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationHttpTest {

    @LocalManagementPort
    int managementPort;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meterRegistry;

    @Autowired
    JsonMapper jsonMapper;

    @Autowired
    org.springframework.boot.web.server.context.WebServerApplicationContext context;

    @Test
    void tomcatRunsFourWorkerThreadsPerProcessorAtLeastEight() {
        var tomcat = (org.springframework.boot.tomcat.TomcatWebServer) context.getWebServer();
        var protocol = (org.apache.coyote.AbstractProtocol<?>) tomcat.getTomcat().getConnector().getProtocolHandler();
        int processors = Runtime.getRuntime().availableProcessors();
        assertThat(protocol.getMaxThreads()).isEqualTo(Math.max(8, 4 * processors));
    }

    static Stream<Arguments> discreteCases() {
        return Stream.concat(
                GoldenCorpus.cases("discrete.jsonl").stream()
                        .map(c -> Arguments.of(c.get("id").asString(), c, GoldenCorpus.discreteRequest(c.get("input")))),
                GoldenCorpus.categoricalSampleCases().stream()
                        .map(c -> Arguments.of(c.get("id").asString(), c, GoldenCorpus.categoricalRequest(c.get("input")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("discreteCases")
    void goldenCaseOverHttp(String id, JsonNode goldenCase, ObjectNode request) {
        HttpResponse<String> response = http().post("/v1/divergences/discrete", request.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = GoldenCorpus.JSON.readTree(response.body());
        for (Map.Entry<String, String> key : GoldenCorpus.DISCRETE_KEYS.entrySet()) {
            assertWithin(goldenCase, key.getKey(), GoldenCorpus.metric(body.get("metrics"), key.getValue()));
        }
        assertWithin(goldenCase, "kl", GoldenCorpus.number(body.get("kl")));
        assertThat(body.get("unit").asString()).isIn("nats", "bits", "hartleys");
        if (GoldenCorpus.number(goldenCase.get("expected").get("kl")) == Double.POSITIVE_INFINITY) {
            assertThat(body.get("warnings").toString()).contains("kl is infinite");
        }
    }

    @Test
    void batchAnswersEveryPairInOrderEachInItsOwnBase() {
        // the corpus's probability-vector cases in nats, bits and hartleys, sent as one batch: each pair carries
        // its case's base, which overrides the batch's (as the benchmark peer's API allows)
        var cases = GoldenCorpus.cases("discrete.jsonl").stream()
                .filter(c -> c.get("input").get("representation").asString().equals("probs"))
                .toList();
        ObjectNode batch = GoldenCorpus.JSON.createObjectNode();
        ArrayNode pairs = batch.putArray("pairs");
        for (JsonNode c : cases) {
            ObjectNode pair = pairs.addObject();
            pair.set("p", c.get("input").get("p"));
            pair.set("q", c.get("input").get("q"));
            pair.set("base", c.get("input").get("base"));
        }
        batch.put("base", 10);
        HttpResponse<String> response = http().post("/v1/divergences/discrete/batch", batch.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode results = GoldenCorpus.JSON.readTree(response.body()).get("results");
        assertThat(cases).hasSizeGreaterThan(3);
        assertThat(results.size()).isEqualTo(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            for (Map.Entry<String, String> key : GoldenCorpus.DISCRETE_KEYS.entrySet()) {
                assertWithin(cases.get(i), key.getKey(), GoldenCorpus.metric(results.get(i).get("metrics"), key.getValue()));
            }
        }
    }

    @Test
    void capabilitiesListMetricsAndLimits() {
        JsonNode body = GoldenCorpus.JSON.readTree(http().get("/v1/capabilities").body());
        assertThat(body.get("metrics").size()).isEqualTo(14);
        assertThat(body.get("limits").get("maxElements").asInt()).isPositive();
        // the 18 drift tests of the contract, each with Evidently's direction and default threshold
        JsonNode drift = body.get("drift");
        assertThat(drift.get("methods").size()).isEqualTo(18);
        JsonNode ks = drift.get("methods").get(0);
        assertThat(ks.get("name").asString()).isEqualTo("ks");
        assertThat(ks.get("comparison").asString()).isEqualTo("≤");
        assertThat(ks.get("defaultThreshold").doubleValue()).isEqualTo(0.05);
        assertThat(drift.get("limits").get("maxCells").asLong()).isEqualTo(5_000_000L);
        assertThat(body.get("endpoints").toString()).contains("/v1/drift", "/v1/summaries", "/v1/summaries/merge");
        // the summary formats of API.md and DataSketches' range of KLL k
        JsonNode summaries = drift.get("summaries");
        assertThat(summaries.get("kinds").toString()).isEqualTo("[\"histogram\",\"categories\",\"kll\"]");
        assertThat(summaries.get("minKllK").asInt()).isEqualTo(8);
        assertThat(summaries.get("maxKllK").asInt()).isEqualTo(65_535);
        assertThat(summaries.get("defaultKllK").asInt()).isEqualTo(200);
    }

    @Test
    void theErrorPathAskedForDirectlyIsNotFoundRatherThanAFailure() {
        // issue 17, item 4: GET or POST /error used to answer 500 internal-error
        for (HttpResponse<String> response : List.of(http().get("/error"), http().post("/error", "{}"))) {
            assertThat(response.statusCode()).isEqualTo(404);
            JsonNode problem = GoldenCorpus.JSON.readTree(response.body());
            assertThat(problem.get("type").asString()).isEqualTo("urn:problem-type:divergence:not-found");
            assertThat(problem.get("detail").asString()).isEqualTo("no resource at /error");
        }
    }

    @Test
    void driftMetersCountColumnsWithoutColumnNames() {
        http().post("/v1/drift", "{\"reference\": {\"secret_column\": [1.5, 2.5, 3.5]}, "
                + "\"current\": {\"secret_column\": [1.0, 2.0, 9.0]}}");
        String scrape = new HttpClientSupport(managementPort).get("/actuator/prometheus").body();
        assertThat(scrape).contains("divergence_drift_columns_total{application=\"divergence-service\",outcome=\"tested\"}")
                .contains("divergence_drift_drifted_columns_count").doesNotContain("secret_column");
    }

    @Test
    void healthProbesAreUp() {
        HttpClientSupport management = new HttpClientSupport(managementPort);
        assertThat(management.get("/actuator/health/liveness").body()).contains("\"UP\"");
        assertThat(management.get("/actuator/health/readiness").body()).contains("\"UP\"");
    }

    @Test
    void actuatorIsNotOnTheApiPort() {
        HttpResponse<String> r = http().get("/actuator/health");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(new HttpClientSupport(managementPort).get("/v1/capabilities").statusCode()).isEqualTo(404);
    }

    @Test
    void prometheusExposesTheServiceMeters() {
        http().post("/v1/divergences/discrete", "{\"p\": [0.4, 0.6], \"q\": [0.5, 0.5]}");
        http().post("/v1/divergences/discrete", "{\"p\": [0.4, 0.6], \"q\": [0.5, -0.5]}");
        HttpResponse<String> scrape = new HttpClientSupport(managementPort).get("/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("divergence_requests_total{application=\"divergence-service\",endpoint=\"discrete\",outcome=\"success\"}")
                .contains("divergence_requests_total{application=\"divergence-service\",endpoint=\"discrete\",outcome=\"client_error\"}")
                .contains("divergence_rejections_total{application=\"divergence-service\",endpoint=\"discrete\",type=\"invalid-distribution\"}")
                .contains("divergence_computation_seconds_count{application=\"divergence-service\",endpoint=\"discrete\"}")
                .contains("divergence_input_size_elements_count{application=\"divergence-service\",endpoint=\"discrete\"}");
        // each request is observed once (http.server.requests); Spring Security's per-filter observations are off:
        // they took 30 % of a small request's CPU (issue 18)
        assertThat(scrape.body()).contains("http_server_requests_seconds_count{")
                .doesNotContain("spring_security_filterchains").doesNotContain("spring_security_authorizations");
    }

    @Test
    void aMissingClosedFormAndAnOverBudgetMonteCarloAreRefusedBeforeAnyComputationIsAdmitted() {
        String mixture = "{\"family\": \"MixtureSameFamily\", \"params\": {\"mixture_distribution\": {\"family\": "
                + "\"Categorical\", \"params\": {\"probs\": [0.3, 0.7]}}, \"component_distribution\": {\"family\": "
                + "\"Normal\", \"params\": {\"loc\": [0.5, 2], \"scale\": [0.5, 1]}}}}";
        String gamma = "{\"family\": \"Gamma\", \"params\": {\"concentration\": 3, \"rate\": 2}}";
        String normal = "{\"family\": \"Normal\", \"params\": {\"loc\": 0, \"scale\": 1}}";
        long before = computations("parametric");
        HttpResponse<String> closed = http().post("/v1/divergences/parametric",
                "{\"p\": " + gamma + ", \"q\": " + mixture + ", \"method\": \"closedForm\"}");
        assertThat(closed.statusCode()).isEqualTo(422);
        assertThat(closed.body()).contains("no-closed-form");
        // auto falls back to Monte Carlo for a pair without a closed form: its budget is known at once
        HttpResponse<String> auto = http().post("/v1/divergences/parametric",
                "{\"p\": " + gamma + ", \"q\": " + mixture + ", \"monteCarlo\": {\"samples\": 30000000}}");
        assertThat(auto.statusCode()).isEqualTo(413);
        HttpResponse<String> explicit = http().post("/v1/divergences/parametric", "{\"p\": " + gamma + ", \"q\": "
                + normal + ", \"method\": \"monteCarlo\", \"monteCarlo\": {\"samples\": 30000000}}");
        assertThat(explicit.statusCode()).isEqualTo(413);
        assertThat(explicit.body()).contains("limit-exceeded", "/monteCarlo/samples");
        assertThat(computations("parametric")).as("computations run for the refused requests").isEqualTo(before);
    }

    private long computations(String endpoint) {
        var timer = meterRegistry.find("divergence.computation").tag("endpoint", endpoint).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void eachErrorEntryCarriesItsOwnTypeAndTheProblemTakesTheFirstOnes() {
        HttpResponse<String> response = http().post("/v1/divergences/samples",
                "{\"p\": [1.5], \"q\": [1.0, 2.0], \"base\": -1}");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = GoldenCorpus.JSON.readTree(response.body());
        assertThat(body.get("type").asString()).isEqualTo("urn:problem-type:divergence:invalid-option");
        assertThat(body.get("errors").valueStream().map(e -> e.get("pointer").asString() + " "
                + e.get("type").asString()).toList()).containsExactly(
                        "/base urn:problem-type:divergence:invalid-option",
                        "/p urn:problem-type:divergence:invalid-distribution");
    }

    @Test
    void serviceKeepsServingAfterBadRequests() {
        for (String bad : new String[] {"{", "[]", "null", "{\"p\": {}, \"q\": {}}", "{\"p\": [[1]], \"q\": [1]}",
                "\"x\"", "{\"p\": 1e999999, \"q\": [1]}"}) {
            HttpResponse<String> response = http().post("/v1/divergences/discrete", bad);
            assertThat(response.statusCode()).as(bad).isBetween(400, 499);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(http().post("/v1/divergences/discrete", "{\"p\": [1], \"q\": [1]}").statusCode()).isEqualTo(200);
    }

    @Test
    void requestRejectedByTheHttpServerItselfIsAProblemToo() throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /v1/%zz HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: bad-line-1\r\n"
                    + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json")
                    .contains("\"type\":\"urn:problem-type:divergence:bad-request\"").doesNotContainIgnoringCase("tomcat");
            // the same headers as every answer that passes Spring's filters (issue 17, item 4)
            assertThat(response).containsIgnoringCase("X-Request-Id: bad-line-1\r\n")
                    .containsIgnoringCase("X-Content-Type-Options: nosniff\r\n")
                    .containsIgnoringCase("X-Frame-Options: DENY\r\n")
                    .containsIgnoringCase("Referrer-Policy: no-referrer\r\n");
        }
    }

    @Test
    void theApplicationReadsBytesWithTheNumericArrayParser() {
        try (JsonParser p = jsonMapper.createParser(new ByteArrayInputStream(new byte[] {'[', '1', ']'}))) {
            assertThat(NumericArrayParser.of(p)).isNotNull();
        }
    }

    @Test
    void aLargePrettyPrintedBodyGivesTheDirectlySummedDivergences() {
        // 40,000 entries per side (~1 MB, many parser buffers), numbers in several spellings, CRLF and indents
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261122L);
        int n = 40_000;
        double[] p = new double[n];
        double[] q = new double[n];
        StringBuilder body = new StringBuilder("{\r\n  \"p\": [");
        appendNumbers(body, p, rng, true);
        body.append("],\r\n  \"q\": [\n");
        appendNumbers(body, q, rng, false);
        body.append("\n  ],\n  \"metrics\": [\"kl\", \"totalVariation\"]\n}");
        double sp = Arrays.stream(p).sum();
        double sq = Arrays.stream(q).sum();
        Sum kl = Sum.create();
        Sum tv = Sum.create();
        for (int i = 0; i < n; i++) {
            double pi = p[i] / sp;
            double qi = q[i] / sq;
            kl.add(pi == 0 ? 0 : pi * Math.log(pi / qi));
            tv.add(0.5 * Math.abs(pi - qi));
        }
        HttpResponse<String> response = http().post("/v1/divergences/discrete", body.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        // both sums are compensated; a term (at most ~1e-2 here) differs by a few ulp, ~1e-17, because the
        // service takes ln(p/q) from a series near p = q and from ln p - ln q elsewhere: 40,000 terms stay well
        // within 1e-12. A lost, shifted or misparsed entry moves KL or TV far more (bit-level agreement of the
        // parsed values is NumericArrayParserTest's job)
        JsonNode result = GoldenCorpus.JSON.readTree(response.body());
        assertThat(result.get("kl").asDouble()).isCloseTo(kl.getAsDouble(), offset(1e-12));
        assertThat(result.get("metrics").get("totalVariation").asDouble()).isCloseTo(tv.getAsDouble(),
                offset(1e-12));
    }

    /** Positive numbers (a few zeros if allowed) in random spellings, parsed for the reference by BigDecimal. */
    private static void appendNumbers(StringBuilder body, double[] values, UniformRandomProvider rng,
            boolean zeros) {
        for (int i = 0; i < values.length; i++) {
            double x = rng.nextDouble();
            String literal = switch (rng.nextInt(6)) {
                case 0 -> Double.toString(x);
                case 1 -> String.format(Locale.ROOT, "%.12e", 1e-3 + x * 1e-3);
                case 2 -> Long.toString(1 + rng.nextLong(1_000_000));
                case 3 -> new BigDecimal(x).toPlainString(); // ~50 digits
                case 4 -> zeros && rng.nextInt(50) == 0 ? "0" : "0.5";
                default -> Double.toString(0.5 + x / 2).substring(0, 4);
            };
            values[i] = new BigDecimal(literal).doubleValue();
            body.append(i == 0 ? "" : ",").append(i % 7 == 0 ? "\r\n    " : i % 5 == 0 ? "\n\t" : " ").append(literal);
        }
    }

    private HttpClientSupport http() {
        return new HttpClientSupport(port);
    }
}
