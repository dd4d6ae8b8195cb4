package dev.divergence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.ListSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * POST /v1/drift over real HTTP: the edge cases (each a defined answer or a skipped column with its reason, never a
 * 500 or a NaN), bad input (status, problem type, pointer), and seeded properties: identical windows never drift,
 * verdicts do not depend on row order, a correction never makes a column drift.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DriftHttpTest {

    private static final String PATH = "/v1/drift";

    @LocalServerPort
    int port;

    private HttpResponse<String> send(String body) {
        return new HttpClientSupport(port).post(PATH, body);
    }

    private JsonNode ok(String body) {
        HttpResponse<String> response = send(body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("NaN");
        return GoldenCorpus.JSON.readTree(response.body());
    }

    private static JsonNode column(JsonNode body, String name) {
        for (JsonNode c : body.get("columns")) {
            if (c.get("column").asString().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static String skipReason(JsonNode body, String name) {
        for (JsonNode c : body.get("skippedColumns")) {
            if (c.get("column").asString().equals(name)) {
                return c.get("reason").asString();
            }
        }
        return null;
    }

    @Test
    void constantColumns() {
        JsonNode body = ok("""
                {"reference": {"same": [3, 3, 3, 3], "differ": [1, 1, 1, 1], "varies": [2.0, 2.0, 2.0, 2.0]},
                 "current": {"same": [3, 3, 3], "differ": [2, 2, 2], "varies": [1.5, 2.5, 3.5, 4.5, 5.5, 6.5]}}""");
        JsonNode same = column(body, "same");
        assertThat(same.get("method").asString()).isEqualTo("zTest");
        assertThat(same.get("pValue").doubleValue()).isEqualTo(1.0);
        assertThat(same.get("driftDetected").booleanValue()).isFalse();
        JsonNode differ = column(body, "differ");
        assertThat(differ.get("method").asString()).isEqualTo("zTest");
        // 4 × 1 against 3 × 2: pooled share 3/7, z = −1/√((3/7)(4/7)(1/4 + 1/3)) = −√7, p = 2(1 − Φ(√7)) = erfc(√3.5)
        assertThat(differ.get("statistic").doubleValue()).isCloseTo(-Math.sqrt(7), within(1e-15));
        assertThat(differ.get("pValue").doubleValue()).isCloseTo(Erfc.value(Math.sqrt(3.5)), within(1e-16));
        assertThat(differ.get("driftDetected").booleanValue()).isTrue();
        // a constant reference against a varying current window: 7 distinct values, numerical, K-S
        JsonNode varies = column(body, "varies");
        assertThat(varies.get("method").asString()).isEqualTo("ks");
        assertThat(varies.get("statistic").doubleValue()).isEqualTo(5.0 / 6.0);
    }

    @Test
    void missingAndInfiniteValuesAreDroppedAndCounted() {
        JsonNode body = ok("""
                {"reference": {"x": [1.5, null, "NaN", 2.5, "Infinity", 3.5, 1e400], "gone": [null, null],
                               "absent": [1, 2]},
                 "current": {"x": [1.5, 2.5, "-Infinity", 3.5], "gone": [1.0, 2.0], "onlyNow": ["a"]}}""");
        JsonNode x = column(body, "x");
        assertThat(x.get("reference").get("count").intValue()).isEqualTo(7);
        assertThat(x.get("reference").get("missing").intValue()).isEqualTo(2);
        assertThat(x.get("reference").get("infinite").intValue()).isEqualTo(2);
        assertThat(x.get("current").get("infinite").intValue()).isEqualTo(1);
        assertThat(x.get("reference").get("distinct").intValue()).isEqualTo(3);
        // the same three values on both sides after the drop: chi-square (u = 3 <= 5), p = 1
        assertThat(x.get("method").asString()).isEqualTo("chiSquare");
        assertThat(x.get("pValue").doubleValue()).isEqualTo(1.0);
        assertThat(skipReason(body, "gone")).isEqualTo("the reference window has no values in this column");
        assertThat(skipReason(body, "absent")).isEqualTo("only in the reference window");
        assertThat(skipReason(body, "onlyNow")).isEqualTo("only in the current window");
        assertThat(body.get("numberOfColumns").intValue()).isEqualTo(1);
    }

    @Test
    void aCategoryOnlyInTheCurrentWindow() {
        JsonNode body = ok("""
                {"reference": {"c": ["a", "b", "a", "b", "a", "b"]},
                 "current": {"c": ["a", "b", "c", "a", "b", "c"]},
                 "perColumn": {"c": {"method": "chisquare"}}}""");
        JsonNode c = column(body, "c");
        assertThat(c.get("statistic").asString()).isEqualTo("Infinity");
        assertThat(c.get("pValue").doubleValue()).isEqualTo(0.0);
        assertThat(c.get("warnings").get(0).asString()).contains("only in the current window");
        for (String method : List.of("psi", "kl", "jensenShannon", "hellinger", "gTest", "totalVariation")) {
            JsonNode other = column(ok("""
                    {"reference": {"c": ["a", "b", "a", "b", "a", "b"]},
                     "current": {"c": ["a", "b", "c", "a", "b", "c"]},
                     "perColumn": {"c": {"method": "%s"}}}""".formatted(method)), "c");
            assertThat(other.get("score").isNumber()).as(method).isTrue();
        }
    }

    @Test
    void aSingleRowAndHugeValuesHaveDefinedAnswers() {
        JsonNode body = ok("""
                {"reference": {"one": [4.2], "flag": [true], "huge": [1e300, -1e300, 5e299, 1e299, -3e299, 2e299,
                               7e298], "edge": [1.7e308, -1.7e308, 0.0, 1.0, 2.0, 3.0, 4.0]},
                 "current": {"one": [4.3], "flag": [false], "huge": [1e300, 2e300, 5e299, 3e299, -1e299, 2e299,
                             9e298], "edge": [1.7e308, -1.7e308, 0.5, 1.5, 2.5, 3.5, 4.5]},
                 "perColumn": {"edge": {"method": "tTest"}}}""");
        // one value each, two values together: z = −1/√(¼ · 2) = −√2, p = 2(1 − Φ(√2)) = erfc(1)
        assertThat(column(body, "one").get("method").asString()).isEqualTo("zTest");
        assertThat(column(body, "one").get("pValue").doubleValue()).isCloseTo(Erfc.value(1), within(1e-16));
        assertThat(column(body, "one").get("driftDetected").booleanValue()).isFalse();
        assertThat(column(body, "flag").get("pValue").doubleValue()).isCloseTo(Erfc.value(1), within(1e-16));
        assertThat(column(body, "huge").get("method").asString()).isEqualTo("ks");
        // the t-test's variance of ±1.7e308 overflows: skipped with the reason, never NaN
        assertThat(skipReason(body, "edge")).contains("too large for double arithmetic");
        for (String method : List.of("wasserstein", "energyDistance", "psi", "kl", "jensenShannon", "hellinger",
                "andersonDarling", "cramerVonMises", "mannWhitney", "eppsSingleton")) {
            HttpResponse<String> response = send("""
                    {"reference": {"edge": [1.7e308, -1.7e308, 0.0, 1.0, 2.0, 3.0, 4.0]},
                     "current": {"edge": [1.7e308, -1.7e308, 0.5, 1.5, 2.5, 3.5, 4.5]},
                     "perColumn": {"edge": {"method": "%s"}}}""".formatted(method));
            assertThat(response.statusCode()).as(method + ": " + response.body()).isEqualTo(200);
            assertThat(response.body()).as(method).doesNotContain("NaN");
        }
    }

    @Test
    void typesAreInferredAsEvidentlyDoes() {
        JsonNode body = ok("""
                {"reference": {"ints": [1, 2, 3, 1, 2, 3], "floats": [1.0, 2.0, 3.0, 1.0, 2.0, 3.0],
                               "bools": [true, false, null, true, false, true], "text": ["a", "b", "c", "d", "e", "f"],
                               "mixed": ["a", 1, "b", 2, "a", 1, "a", "b", 1, 2]},
                 "current": {"ints": [1, 2, 3, 3, 2, 1], "floats": [1.0, 2.0, 3.0, 3.0, 2.0, 1.0],
                             "bools": [true, true, false, null, false, true], "text": ["g", "h", "i", "j", "k", "l"],
                             "mixed": ["a", 1, "b", 2, "b", 2, "a", "a", 1, 1]}}""");
        assertThat(column(body, "ints").get("type").asString()).isEqualTo("categorical");
        assertThat(column(body, "floats").get("type").asString()).isEqualTo("numerical");
        assertThat(column(body, "bools").get("type").asString()).isEqualTo("categorical");
        assertThat(column(body, "mixed").get("type").asString()).isEqualTo("categorical");
        assertThat(skipReason(body, "text")).isEqualTo("text column: 6 distinct values in 6 (more than half are "
                + "distinct; text is not tested)");
        JsonNode overridden = ok("""
                {"reference": {"ints": [1, 2, 3, 1, 2, 3]}, "current": {"ints": [1, 2, 3, 3, 2, 1]},
                 "columnTypes": {"ints": "numerical"}, "numericalMethod": "wasserstein"}""");
        assertThat(column(overridden, "ints").get("method").asString()).isEqualTo("wasserstein");
    }

    @Test
    void missingValuesAsACategoryOrTestedOnTheirOwn() {
        String windows = """
                "reference": {"c": ["a", "b", "a", "b", "a", "b", "a", "b", "a", "b"]},
                "current": {"c": ["a", null, "a", null, null, "b", null, null, "a", null]}""";
        JsonNode dropped = column(ok("{" + windows + "}"), "c");
        JsonNode category = column(ok("{" + windows + ", \"missingValues\": \"category\"}"), "c");
        JsonNode separate = column(ok("{" + windows + ", \"missingValues\": \"separate\"}"), "c");
        assertThat(dropped.get("method").asString()).isEqualTo("zTest");
        assertThat(category.get("method").asString()).isEqualTo("chiSquare"); // a, b and (missing)
        assertThat(category.get("current").get("distinct").intValue()).isEqualTo(3);
        assertThat(separate.get("missingShare").get("current").doubleValue()).isEqualTo(0.6);
        assertThat(separate.get("missingShare").get("driftDetected").booleanValue()).isTrue();
        assertThat(separate.get("driftDetected").booleanValue()).isTrue();
        assertThat(dropped.has("missingShare")).isFalse();
    }

    @Test
    void theHtmlReportEscapesWhatTheCallerWrote() {
        HttpClientSupport http = new HttpClientSupport(port);
        HttpResponse<String> report = http.send(java.net.http.HttpRequest.newBuilder(http.uri(PATH))
                .header("Content-Type", "application/json").header("Accept", "text/html")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        {"reference": {"<script>x</script>": ["<b>", "a", "<b>", "a"]},
                         "current": {"<script>x</script>": ["<b>", "a", "a", "a"]}}""")).build());
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(report.body()).doesNotContain("<script", "<b>").contains("&lt;script&gt;x&lt;/script&gt;",
                "&lt;b&gt;");
        // one chart per tested column, each with both windows' bars, and nothing loaded from elsewhere
        HttpResponse<String> readme = http.send(java.net.http.HttpRequest.newBuilder(http.uri(PATH))
                .header("Content-Type", "application/json").header("Accept", "text/html")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(BrowserTest.README_DRIFT)).build());
        String page = readme.body();
        assertThat(page.split("<svg class=\"chart\"", -1)).hasSize(3);
        assertThat(page).contains("class=\"bar reference\"", "class=\"bar current\"", "Dataset drift detected")
                .doesNotContain("src=\"http", "href=\"http", "url(");
        assertThat(page.indexOf("id=\"col-age")).isLessThan(page.indexOf("id=\"col-plan"));
        HttpResponse<String> bad = http.send(java.net.http.HttpRequest.newBuilder(http.uri(PATH))
                .header("Content-Type", "application/json").header("Accept", "text/html")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"reference\": {}, \"current\": {}, "
                        + "\"method\": \"nope\"}")).build());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    static Stream<Arguments> badRequests() {
        String w = "\"reference\": {\"x\": [1.0, 2.0, 3.0, 4.0], \"c\": [\"a\", \"b\", \"a\", \"a\"]}, "
                + "\"current\": {\"x\": [1.5, 2.5, 3.5, 4.5], \"c\": [\"a\", \"b\", \"b\", \"b\"]}";
        return Stream.of(
                Arguments.of("{" + w + ", \"perColumn\": {\"x\": {\"method\": \"kolmogorov\"}}}", 400,
                        "invalid-option", "/perColumn/x/method"),
                Arguments.of("{" + w + ", \"method\": \"nope\"}", 400, "invalid-option", "/method"),
                Arguments.of("{" + w + ", \"perColumn\": {\"c\": {\"method\": \"ks\"}}}", 400, "invalid-option",
                        "/perColumn/c/method"),
                Arguments.of("{" + w + ", \"numericalMethod\": \"chiSquare\"}", 400, "invalid-option",
                        "/numericalMethod"),
                Arguments.of("{" + w + ", \"threshold\": -0.1}", 400, "invalid-option", "/threshold"),
                Arguments.of("{" + w + ", \"perColumn\": {\"x\": {\"method\": \"ks\", \"threshold\": 1.5}}}", 400,
                        "invalid-option", "/perColumn/x/threshold"),
                Arguments.of("{" + w + ", \"driftShare\": 0}", 400, "invalid-option", "/driftShare"),
                Arguments.of("{" + w + ", \"driftShare\": 1.5}", 400, "invalid-option", "/driftShare"),
                Arguments.of("{" + w + ", \"perColumn\": {\"x\": {\"method\": \"knnKl\"}}}", 400, "missing-field",
                        "/perColumn/x/method"),
                Arguments.of("{" + w + ", \"perColumn\": {\"x\": {\"method\": \"psi\", \"bins\": {\"strategy\": "
                        + "\"edges\", \"edges\": [0, 2, 1]}}}}", 400, "invalid-option", "/perColumn/x/bins/edges/2"),
                Arguments.of("{" + w + ", \"perColumn\": {\"c\": {\"bins\": {\"strategy\": \"count\", \"count\": "
                        + "4}}}}", 400, "invalid-option", "/perColumn/c/bins"),
                Arguments.of("{" + w + ", \"correction\": \"fdr\"}", 400, "invalid-option", "/correction"),
                Arguments.of("{" + w + ", \"missingValues\": \"zero\"}", 400, "invalid-option", "/missingValues"),
                Arguments.of("{" + w + ", \"columnTypes\": {\"x\": \"text\"}}", 400, "invalid-option",
                        "/columnTypes/x"),
                Arguments.of("{" + w + ", \"columns\": [\"x\", \"x\"]}", 400, "invalid-option", "/columns"),
                Arguments.of("{\"reference\": [1, 2], \"current\": {\"x\": [1]}}", 400, "invalid-field",
                        "/reference"),
                Arguments.of("{\"reference\": {\"x\": [1, [2]]}, \"current\": {\"x\": [1]}}", 400, "invalid-field",
                        "/reference/x/1"),
                Arguments.of("{\"reference\": {\"x\": 5}, \"current\": {\"x\": [1]}}", 400, "invalid-field",
                        "/reference/x"),
                Arguments.of("{\"current\": {\"x\": [1]}}", 400, "missing-field", "/reference"),
                Arguments.of("{" + w + ", \"colums\": [\"x\"]}", 400, "unknown-field", "/colums"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("badRequests")
    void badInputIsAProblemWithTypeAndPointer(String body, int status, String type, String pointer) {
        HttpResponse<String> response = send(body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = GoldenCorpus.JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:problem-type:divergence:" + type);
        assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo(pointer);
        assertThat(response.body()).doesNotContain("java.", "Exception");
    }

    /** A random dataset: numerical, integer, string and boolean columns, some with missing values. */
    private static ObjectNode window(UniformRandomProvider rng, int rows, double shift) {
        ObjectNode w = GoldenCorpus.JSON.createObjectNode();
        ArrayNode floats = w.putArray("floats");
        ArrayNode withNulls = w.putArray("withNulls");
        ArrayNode ints = w.putArray("ints");
        ArrayNode few = w.putArray("few");
        ArrayNode labels = w.putArray("labels");
        ArrayNode flags = w.putArray("flags");
        for (int i = 0; i < rows; i++) {
            floats.add(Math.round((rng.nextDouble() * 4 + shift) * 1e4) / 1e4);
            if (rng.nextInt(20) == 0) {
                withNulls.addNull();
            } else {
                withNulls.add(rng.nextDouble() + shift / 2);
            }
            ints.add(rng.nextInt(40) + (int) (10 * shift));
            few.add(rng.nextInt(shift > 0.5 ? 5 : 4));
            labels.add(new String[] {"a", "b", "c", "d"}[Math.min(3, rng.nextInt(4) + (shift > 0.5 ? 1 : 0))]);
            flags.add(rng.nextDouble() < 0.3 + shift / 5);
        }
        return w;
    }

    @Test
    void identicalWindowsNeverDrift() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1601L);
        List<String> exactlyOne = List.of("ks", "chiSquare", "zTest", "tTest", "gTest", "fisherExact",
                "totalVariation", "eppsSingleton");
        List<String> exactlyZero = List.of("wasserstein", "jensenShannon", "psi", "kl", "energyDistance");
        for (int trial = 0; trial < 12; trial++) {
            int rows = 5 + rng.nextInt(trial < 6 ? 60 : 1500);
            ObjectNode w = window(rng, rows, 0);
            for (String numerical : List.of("auto", "ks", "wasserstein", "jensenShannon", "psi", "kl", "hellinger",
                    "energyDistance", "tTest", "mannWhitney", "andersonDarling", "cramerVonMises", "eppsSingleton")) {
                String categorical = Map.of("ks", "chiSquare", "wasserstein", "zTest", "energyDistance", "gTest",
                        "tTest", "totalVariation", "mannWhitney", "psi", "andersonDarling", "fisherExact",
                        "cramerVonMises", "kl", "eppsSingleton", "jensenShannon").getOrDefault(numerical, numerical);
                ObjectNode request = GoldenCorpus.JSON.createObjectNode();
                request.set("reference", w);
                request.set("current", w);
                request.put("numericalMethod", numerical);
                request.put("categoricalMethod", categorical);
                JsonNode body = ok(request.toString());
                assertThat(body.get("numberOfDriftedColumns").intValue()).as(numerical + " " + body).isZero();
                for (JsonNode c : body.get("columns")) {
                    String method = c.get("method").asString();
                    if (exactlyOne.contains(method)) {
                        assertThat(c.get("pValue").doubleValue()).as(method).isEqualTo(1.0);
                    } else if (exactlyZero.contains(method)) {
                        assertThat(c.get("score").doubleValue()).as(method).isEqualTo(0.0);
                    } else if (method.equals("hellinger")) {
                        // √(1 − Σ√(h·h)·w) with Σ h·w = 1 up to rounding
                        assertThat(c.get("score").doubleValue()).as(method).isLessThan(1e-7);
                    }
                }
            }
        }
    }

    @Test
    void verdictsDoNotDependOnRowOrder() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1602L);
        for (int trial = 0; trial < 20; trial++) {
            int rows = 10 + rng.nextInt(trial < 10 ? 100 : 2000);
            ObjectNode reference = window(rng, rows, 0);
            ObjectNode current = window(rng, rows + rng.nextInt(50), rng.nextInt(3) * 0.5);
            JsonNode a = ok(request(reference, current));
            JsonNode b = ok(request(shuffled(reference, rng), shuffled(current, rng)));
            assertThat(b.get("datasetDrift")).isEqualTo(a.get("datasetDrift"));
            for (JsonNode ca : a.get("columns")) {
                JsonNode cb = column(b, ca.get("column").asString());
                assertThat(cb.get("method")).isEqualTo(ca.get("method"));
                assertThat(cb.get("driftDetected")).as(ca.toString()).isEqualTo(ca.get("driftDetected"));
                double sa = ca.get("score").doubleValue();
                // numbers are sorted, so their tests see the same arrays; categories are summed in first-seen
                // order, which a shuffle changes: a few ulps
                assertThat(cb.get("score").doubleValue()).isCloseTo(sa,
                        within(1e-12 * Math.abs(sa) + 1e-300));
            }
        }
    }

    @Test
    void aCorrectionNeverMakesAColumnDrift() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1603L);
        for (int trial = 0; trial < 15; trial++) {
            int rows = 20 + rng.nextInt(800);
            ObjectNode reference = window(rng, rows, 0);
            ObjectNode current = window(rng, rows, rng.nextInt(4) * 0.1);
            Set<String> plain = drifted(ok(request(reference, current)));
            for (String correction : List.of("bonferroni", "holm", "benjaminiHochberg")) {
                ObjectNode r = (ObjectNode) GoldenCorpus.JSON.readTree(request(reference, current));
                r.put("correction", correction);
                JsonNode body = ok(r.toString());
                assertThat(plain).as(correction).containsAll(drifted(body));
                for (JsonNode c : body.get("columns")) {
                    if (c.get("scoreKind").asString().equals("pValue")) {
                        assertThat(c.get("pValue").doubleValue()).isGreaterThanOrEqualTo(
                                c.get("rawPValue").doubleValue());
                    }
                }
            }
        }
    }

    private static Set<String> drifted(JsonNode body) {
        Set<String> drifted = new HashSet<>();
        for (JsonNode c : body.get("columns")) {
            if (c.get("driftDetected").booleanValue()) {
                drifted.add(c.get("column").asString());
            }
        }
        return drifted;
    }

    private static String request(ObjectNode reference, ObjectNode current) {
        ObjectNode request = GoldenCorpus.JSON.createObjectNode();
        request.set("reference", reference);
        request.set("current", current);
        return request.toString();
    }

    /** Each column's rows in a random order (the columns of a window are shuffled alike, as a table's rows). */
    private static ObjectNode shuffled(ObjectNode window, UniformRandomProvider rng) {
        int rows = window.get("floats").size();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            order.add(i);
        }
        ListSampler.shuffle(rng, order);
        ObjectNode out = GoldenCorpus.JSON.createObjectNode();
        Map<String, JsonNode> columns = new HashMap<>();
        window.properties().forEach(e -> columns.put(e.getKey(), e.getValue()));
        for (Map.Entry<String, JsonNode> e : window.properties()) {
            ArrayNode a = out.putArray(e.getKey());
            for (int i : order) {
                a.add(e.getValue().get(i));
            }
        }
        return out;
    }
}
