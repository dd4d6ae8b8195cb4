package dev.divergence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A seeded fuzz test over every endpoint: thousands of mutated valid requests (fields removed, values replaced by
 * other JSON types, extreme numbers, special strings, deep nesting, huge arrays, duplicated keys), truncated
 * and corrupted bodies, and random bytes. Every answer must be 2xx, or 4xx problem+json with type, title and
 * status, and no body may show a Java class or package name or a stack trace. The service must still answer a
 * valid request afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.dev.divergence.web.ProblemAdvice=OFF")
class FuzzHttpTest {

    private static final long SEED = 20261122L;
    private static final int MUTATIONS_PER_ENDPOINT = 700;
    private static final List<String> LEAKS = List.of("java.", "javax.", "jakarta.", "tools.jackson", "com.fasterxml",
            "org.springframework", "org.apache", "dev.divergence", "Exception", "\tat ", "NullPointer");

    @LocalServerPort
    int port;

    /** In a fixed order: the mutations drawn for each endpoint depend on the order of the endpoints. */
    private static final Map<String, String> VALID = new java.util.TreeMap<>(Map.of(
            "/v1/divergences/discrete", """
                    {"p": {"red": 10, "blue": 15}, "q": {"red": 0.4, "blue": 0.6}, "inputType": "counts",
                     "base": 2, "smoothing": {"method": "epsilon", "epsilon": 1e-9}, "metrics": ["kl", "renyi"],
                     "renyiOrders": [0.5, 2], "pointwise": true, "normalize": true}""",
            "/v1/divergences/discrete/batch", """
                    {"pairs": [{"p": [0.4, 0.6], "q": [0.5, 0.5]}, {"p": [1, 2, 3], "q": [3, 2, 1], "base": 10}],
                     "inputType": "counts", "metrics": ["kl", "jensenShannon"]}""",
            "/v1/divergences/kl-div", """
                    {"input": [[-0.69, -1.34, -1.44]], "target": [[0.7, 0.2, 0.1]], "reduction": "batchmean",
                     "logTarget": false}""",
            "/v1/divergences/parametric", """
                    {"p": {"family": "MultivariateNormal", "params": {"loc": [0, 0],
                           "covariance_matrix": [[1, 0.5], [0.5, 2]]}},
                     "q": {"family": "LowRankMultivariateNormal", "params": {"loc": [1, 0], "cov_factor": [[1], [0.5]],
                           "cov_diag": [1, 1]}}, "method": "auto", "monteCarlo": {"samples": 2000, "seed": 3}}""",
            "/v1/divergences/samples", """
                    {"p": [0.1, 0.5, -0.3, 1.2, 0.8, -1.1, 0.3, 0.0], "q": [1.1, 1.9, 0.7, 2.5, 1.4, 0.2, 1.8, 2.2],
                     "estimator": "histogram", "bins": {"strategy": "quantile", "count": 3},
                     "smoothing": {"method": "additive", "alpha": 1}, "bootstrap": {"resamples": 20, "seed": 1}}"""));

    @Test
    void mutatedAndMalformedRequestsGetCleanAnswers() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        HttpClientSupport http = new HttpClientSupport(port);
        int answered = 0;
        for (Map.Entry<String, String> endpoint : VALID.entrySet()) {
            JsonNode valid = GoldenCorpus.JSON.readTree(endpoint.getValue());
            assertClean(endpoint.getKey(), endpoint.getValue(), http.post(endpoint.getKey(), endpoint.getValue()));
            for (int i = 0; i < MUTATIONS_PER_ENDPOINT; i++) {
                String body = mutate(valid, rng);
                assertClean(endpoint.getKey(), body, http.post(endpoint.getKey(), body));
                answered++;
            }
            for (int i = 0; i < 60; i++) {
                String body = corrupt(endpoint.getValue(), rng);
                assertClean(endpoint.getKey(), body, http.post(endpoint.getKey(), body));
                answered++;
            }
        }
        assertClean("/v1/capabilities", "", http.get("/v1/capabilities"));
        assertThat(answered).isGreaterThan(3500);
        HttpResponse<String> after = http.post("/v1/divergences/discrete", VALID.get("/v1/divergences/discrete"));
        assertThat(after.statusCode()).isEqualTo(200);
    }

    private static void assertClean(String path, String request, HttpResponse<String> response) {
        int status = response.statusCode();
        String what = path + " " + status + " for " + abbreviate(request) + " -> " + abbreviate(response.body());
        assertThat(status).as(what).isBetween(200, 499);
        for (String leak : LEAKS) {
            assertThat(response.body()).as(what).doesNotContain(leak);
        }
        if (status >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what)
                    .startsWith("application/problem+json");
            JsonNode problem = GoldenCorpus.JSON.readTree(response.body());
            assertThat(problem.has("type") && problem.has("title") && problem.get("status").asInt() == status)
                    .as(what).isTrue();
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }

    // ------------------------------------------------------------------------------------------ mutations

    private static String mutate(JsonNode valid, UniformRandomProvider rng) {
        JsonNode copy = valid.deepCopy();
        int edits = 1 + rng.nextInt(3);
        for (int e = 0; e < edits; e++) {
            List<JsonNode> containers = new ArrayList<>();
            collect(copy, containers);
            JsonNode target = containers.get(rng.nextInt(containers.size()));
            if (target instanceof ObjectNode o && !o.isEmpty()) {
                List<String> names = new ArrayList<>(o.propertyNames());
                String name = names.get(rng.nextInt(names.size()));
                switch (rng.nextInt(4)) {
                    case 0 -> o.remove(name);
                    case 1 -> o.set(name + (rng.nextBoolean() ? "x" : ""), randomValue(rng, 0));
                    case 2 -> o.set(name, randomValue(rng, 0));
                    default -> o.set("extra" + rng.nextInt(3), randomValue(rng, 0));
                }
            } else if (target instanceof ArrayNode a) {
                switch (rng.nextInt(4)) {
                    case 0 -> {
                        if (!a.isEmpty()) {
                            a.remove(rng.nextInt(a.size()));
                        }
                    }
                    case 1 -> a.add(randomValue(rng, 0));
                    case 2 -> {
                        if (!a.isEmpty()) {
                            a.set(rng.nextInt(a.size()), randomValue(rng, 0));
                        }
                    }
                    default -> a.removeAll();
                }
            }
        }
        String text = copy.toString();
        if (rng.nextInt(10) == 0) {
            // a duplicated key, which strict parsing must refuse
            int brace = text.indexOf('{');
            int colon = text.indexOf(':', brace);
            if (brace >= 0 && colon > brace) {
                String firstKey = text.substring(brace + 1, colon);
                text = "{" + firstKey + ": 1, " + text.substring(brace + 1);
            }
        }
        return text;
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainer()) {
            out.add(node);
            node.values().forEach(child -> collect(child, out));
        }
    }

    private static JsonNode randomValue(UniformRandomProvider rng, int depth) {
        var f = GoldenCorpus.JSON.getNodeFactory();
        return switch (rng.nextInt(depth > 3 ? 9 : 12)) {
            case 0 -> f.nullNode();
            case 1 -> f.booleanNode(rng.nextBoolean());
            case 2 -> f.numberNode(rng.nextInt(7) - 3);
            case 3 -> f.numberNode((rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(700) - 350));
            case 4 -> f.stringNode(List.of("Infinity", "-Infinity", "NaN", "e", "", "Normal", "counts", "knn",
                    "batchmean", "auto", "monteCarlo", "\u0000\uFFFF", "<script>").get(rng.nextInt(13)));
            case 5 -> f.numberNode(new java.math.BigInteger(300, new java.util.Random(rng.nextLong())));
            case 6 -> f.numberNode(0);
            case 7 -> f.numberNode(-1e-320);
            case 8 -> f.stringNode("x".repeat(rng.nextInt(50)));
            case 9 -> {
                ArrayNode a = f.arrayNode();
                int n = rng.nextInt(6);
                for (int i = 0; i < n; i++) {
                    a.add(randomValue(rng, depth + 1));
                }
                yield a;
            }
            case 10 -> {
                ObjectNode o = f.objectNode();
                o.set(List.of("family", "params", "p", "q", "method", "loc").get(rng.nextInt(6)),
                        randomValue(rng, depth + 1));
                yield o;
            }
            default -> {
                ArrayNode a = f.arrayNode();
                int n = rng.nextInt(3000);
                for (int i = 0; i < n; i++) {
                    a.add(rng.nextDouble());
                }
                yield a;
            }
        };
    }

    private static String corrupt(String valid, UniformRandomProvider rng) {
        return switch (rng.nextInt(6)) {
            case 0 -> valid.substring(0, rng.nextInt(valid.length()));
            case 1 -> {
                char[] c = valid.toCharArray();
                c[rng.nextInt(c.length)] = "{}[],:\"\\x0 ".charAt(rng.nextInt(11));
                yield new String(c);
            }
            case 2 -> "[".repeat(2000 + rng.nextInt(3000));
            case 3 -> {
                byte[] b = new byte[rng.nextInt(200)];
                rng.nextBytes(b);
                yield new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            case 4 -> valid + " " + valid;
            default -> "{\"p\": " + "{\"a\": ".repeat(600) + "1" + "}".repeat(600) + "}";
        };
    }
}
