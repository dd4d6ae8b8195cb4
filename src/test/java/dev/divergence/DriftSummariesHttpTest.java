package dev.divergence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drift from summaries over real HTTP. The reference for every asserted number is the service's answer on the raw
 * values (itself checked against SciPy and Evidently elsewhere): sketches built here with DataSketches, not by the
 * service, and counts or histograms computed here, must give the raw answer exactly where a summary is exact, and
 * an interval holding it where a sketch is approximate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DriftSummariesHttpTest {

    private static final String[] SKETCH_METHODS = {"ks", "wasserstein", "psi", "kl", "jensenShannon", "hellinger"};

    @LocalServerPort
    int port;

    private HttpResponse<String> send(String path, String body) {
        return new HttpClientSupport(port).post(path, body);
    }

    private JsonNode ok(String path, JsonNode body) {
        HttpResponse<String> response = send(path, body.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("NaN");
        return GoldenCorpus.JSON.readTree(response.body());
    }

    private JsonNode problem(String body, int status, String pointer) {
        HttpResponse<String> response = send("/v1/drift", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode problem = GoldenCorpus.JSON.readTree(response.body());
        List<String> pointers = new ArrayList<>();
        problem.get("errors").forEach(e -> pointers.add(e.get("pointer").asString()));
        assertThat(pointers).as(response.body()).contains(pointer);
        return problem;
    }

    private static ArrayNode array(double[] values) {
        ArrayNode a = GoldenCorpus.JSON.createArrayNode();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }

    private static KllDoublesSketch sketch(double[] values, int k) {
        KllDoublesSketch s = KllDoublesSketch.newHeapInstance(k);
        for (double v : values) {
            s.update(v);
        }
        return s;
    }

    private static ObjectNode kll(KllDoublesSketch s, long missing) {
        ObjectNode o = GoldenCorpus.JSON.createObjectNode();
        o.put("kll", Base64.getEncoder().encodeToString(s.toByteArray()));
        o.put("missing", missing);
        return o;
    }

    private static ObjectNode request(String column, JsonNode reference, JsonNode current, String method) {
        ObjectNode body = GoldenCorpus.JSON.createObjectNode();
        body.putObject("reference").set(column, reference);
        body.putObject("current").set(column, current);
        if (method != null) {
            body.put("method", method);
        }
        return body;
    }

    private static double[] draw(UniformRandomProvider rng, int n, DoubleSupplier sampler) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = sampler.getAsDouble();
        }
        return v;
    }

    /** A sketch that kept every value (N below its level-0 capacity) is its values: every method, same answer. */
    @ParameterizedTest
    @ValueSource(strings = {"auto", "ks", "wasserstein", "psi", "kl", "jensenShannon", "hellinger", "tTest",
        "mannWhitney", "andersonDarling", "cramerVonMises", "energyDistance"})
    void anExactSketchAnswersAsTheRawValues(String method) {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(11);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] ref = draw(rng, 150, () -> Math.rint(gauss.sample() * 400) / 100);
        double[] cur = draw(rng, 120, () -> Math.rint((gauss.sample() + 0.4) * 400) / 100);
        KllDoublesSketch s = sketch(ref, 200);
        assertThat(s.isEstimationMode()).isFalse();
        JsonNode raw = ok("/v1/drift", request("x", array(ref), array(cur), method)).get("columns").get(0);
        JsonNode fromSketch = ok("/v1/drift", request("x", kll(s, 0), array(cur), method)).get("columns").get(0);
        assertThat(fromSketch.get("method")).isEqualTo(raw.get("method"));
        assertThat(fromSketch.get("score").doubleValue()).isEqualTo(raw.get("score").doubleValue());
        assertThat(fromSketch.get("driftDetected")).isEqualTo(raw.get("driftDetected"));
        assertThat(fromSketch.has("approximate")).isFalse();
        assertThat(fromSketch.get("reference").get("summary").asString()).isEqualTo("kll");
    }

    /**
     * The core guarantee, on seeded data of several shapes and sketch sizes: wherever a sketch is approximate, the
     * raw values' score lies inside the answer's score bounds, the K-S statistic within its stated error, and a
     * verdict whose bounds do not hold the threshold is the raw verdict.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void theRawScoreLiesWithinTheSketchBounds(int seed) {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = 20_000 + rng.nextInt(20_000);
        double shift = seed * 0.03;
        double[][] windows = switch (seed) {
            case 1 -> new double[][] {draw(rng, n, gauss::sample), draw(rng, n / 2, () -> gauss.sample() + shift)};
            case 2 -> new double[][] {draw(rng, n, () -> Math.exp(gauss.sample())),
                draw(rng, n, () -> Math.exp(gauss.sample() * 1.1))};
            case 3 -> new double[][] {draw(rng, n, () -> rng.nextInt(15)), draw(rng, n, () -> rng.nextInt(16))};
            default -> new double[][] {draw(rng, n, () -> rng.nextBoolean() ? gauss.sample() : 5 + gauss.sample()),
                draw(rng, n, () -> rng.nextDouble() < 0.45 ? gauss.sample() : 5 + gauss.sample())};
        };
        int k = seed % 2 == 0 ? 100 : 400;
        KllDoublesSketch r = sketch(windows[0], k);
        KllDoublesSketch c = sketch(windows[1], k);
        for (String method : SKETCH_METHODS) {
            JsonNode raw = ok("/v1/drift", request("x", array(windows[0]), array(windows[1]), method))
                    .get("columns").get(0);
            for (JsonNode body : List.of(request("x", kll(r, 0), kll(c, 0), method),
                    request("x", kll(r, 0), array(windows[1]), method))) {
                JsonNode s = ok("/v1/drift", body).get("columns").get(0);
                String what = method + " seed " + seed + " " + s;
                assertThat(s.get("approximate").booleanValue()).as(what).isTrue();
                double lower = s.get("scoreBounds").get(0).doubleValue();
                double upper = s.get("scoreBounds").get(1).doubleValue();
                double exact = raw.get("score").doubleValue();
                if (!method.equals("ks")) {
                    // the K-S p-value of the raw values is scipy's exact or finite-n one, not the asymptotic one
                    assertThat(exact).as(what + " raw " + raw).isBetween(lower, upper);
                } else {
                    double d = s.get("statistic").doubleValue();
                    assertThat(Math.abs(d - raw.get("statistic").doubleValue())).as(what)
                            .isLessThanOrEqualTo(s.get("statisticErrorBound").doubleValue());
                    assertThat(s.get("statisticErrorBound").doubleValue()).as(what)
                            .isEqualTo(r.getNormalizedRankError(false)
                                    + (body.get("current").get("x").isArray() ? 0 : c.getNormalizedRankError(false)));
                }
                double threshold = s.get("threshold").doubleValue();
                boolean warned = s.get("warnings").toString().contains("the verdict is uncertain");
                if (lower < threshold && threshold < upper) {
                    assertThat(warned).as(what).isTrue();
                } else if (lower > threshold || upper < threshold) {
                    assertThat(warned).as(what).isFalse();
                }
                if (!warned && !method.equals("ks")) {
                    assertThat(s.get("driftDetected")).as(what).isEqualTo(raw.get("driftDetected"));
                }
            }
        }
    }

    @Test
    void categoryCountsAnswerAsTheRawLabels() {
        String[] labels = {"red", "blue", "green", "grey"};
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(5);
        ArrayNode rawRef = GoldenCorpus.JSON.createArrayNode();
        ArrayNode rawCur = GoldenCorpus.JSON.createArrayNode();
        long[] refCounts = new long[4];
        long[] curCounts = new long[4];
        for (int i = 0; i < 900; i++) {
            int a = rng.nextInt(4);
            rawRef.add(labels[a]);
            refCounts[a]++;
            int b = Math.min(3, rng.nextInt(5));
            rawCur.add(labels[b]);
            curCounts[b]++;
        }
        rawRef.addNull();
        rawCur.addNull();
        rawCur.addNull();
        ObjectNode ref = GoldenCorpus.JSON.createObjectNode();
        ObjectNode cur = GoldenCorpus.JSON.createObjectNode();
        ObjectNode refCategories = ref.putObject("categories");
        ObjectNode curCategories = cur.putObject("categories");
        for (int i = 0; i < 4; i++) {
            refCategories.put(labels[i], refCounts[i]);
            curCategories.put(labels[i], curCounts[i]);
        }
        ref.put("missing", 1);
        cur.put("missing", 2);
        for (String method : List.of("auto", "chiSquare", "gTest", "jensenShannon", "psi", "kl", "hellinger")) {
            for (String missing : List.of("drop", "category", "separate")) {
                ObjectNode rawBody = request("c", rawRef, rawCur, method);
                rawBody.put("missingValues", missing);
                ObjectNode countsBody = request("c", ref, cur, method);
                countsBody.put("missingValues", missing);
                ObjectNode mixedBody = request("c", ref, rawCur, method);
                mixedBody.put("missingValues", missing);
                JsonNode raw = ok("/v1/drift", rawBody).get("columns").get(0);
                for (JsonNode body : List.of(countsBody, mixedBody)) {
                    JsonNode s = ok("/v1/drift", body).get("columns").get(0);
                    assertThat(s.get("score").doubleValue()).as(method + " " + missing).isEqualTo(
                            raw.get("score").doubleValue());
                    assertThat(s.get("method")).isEqualTo(raw.get("method"));
                    assertThat(s.get("driftDetected")).isEqualTo(raw.get("driftDetected"));
                    assertThat(s.get("missingShare")).isEqualTo(raw.get("missingShare"));
                    assertThat(s.get("reference").get("count").longValue()).isEqualTo(901);
                }
            }
        }
    }

    @Test
    void aHistogramAnswersAsRawValuesBinnedOnItsEdges() {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(8);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] edges = {-3, -1.5, -0.5, 0, 0.5, 1.5, 3};
        double[] ref = draw(rng, 2000, gauss::sample);
        double[] cur = draw(rng, 1500, () -> gauss.sample() * 1.2);
        ObjectNode refH = histogram(edges, ref);
        ObjectNode curH = histogram(edges, cur);
        for (String method : List.of("psi", "kl", "jensenShannon", "hellinger")) {
            ObjectNode rawBody = request("x", array(ref), array(cur), method);
            rawBody.putObject("perColumn").putObject("x").putObject("bins").put("strategy", "edges")
                    .set("edges", array(edges));
            JsonNode raw = ok("/v1/drift", rawBody).get("columns").get(0);
            for (JsonNode body : List.of(request("x", refH, curH, method), request("x", refH, array(cur), method))) {
                JsonNode s = ok("/v1/drift", body).get("columns").get(0);
                assertThat(s.get("score").doubleValue()).as(method).isEqualTo(raw.get("score").doubleValue());
                assertThat(s.has("approximate")).isFalse();
            }
        }
        JsonNode auto = ok("/v1/drift", request("x", refH, curH, null)).get("columns").get(0);
        assertThat(auto.get("method").asString()).isEqualTo("jensenShannon");
        JsonNode body = ok("/v1/drift", request("x", refH, curH, "ks"));
        assertThat(body.get("skippedColumns").get(0).get("reason").asString()).contains("a histogram supports");
    }

    /** Counts per bin as numpy's histogram with open outer bins (values beyond the edges in the outer bins). */
    private static ObjectNode histogram(double[] edges, double[] values) {
        long[] counts = new long[edges.length - 1];
        for (double v : values) {
            int bin = 0;
            while (bin < counts.length - 1 && v >= edges[bin + 1]) {
                bin++;
            }
            counts[bin]++;
        }
        ObjectNode h = GoldenCorpus.JSON.createObjectNode();
        ObjectNode histogram = h.putObject("histogram");
        histogram.set("edges", array(edges));
        ArrayNode c = histogram.putArray("counts");
        Arrays.stream(counts).forEach(c::add);
        return h;
    }

    /**
     * A million rows by ten columns, sketched where they live (k = 1000: rank error 0.3 %): one request of less
     * than a megabyte answers for them, and a shift of half a standard deviation is detected beyond doubt.
     */
    @Test
    void aMillionRowsByTenColumnsFromSketchesIsOneSmallRequest() {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(21);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        ObjectNode body = GoldenCorpus.JSON.createObjectNode();
        ObjectNode ref = body.putObject("reference");
        ObjectNode cur = body.putObject("current");
        for (int col = 0; col < 10; col++) {
            KllDoublesSketch r = KllDoublesSketch.newHeapInstance(1000);
            KllDoublesSketch c = KllDoublesSketch.newHeapInstance(1000);
            double shift = col < 3 ? 0.5 : 0;
            for (int i = 0; i < 1_000_000; i++) {
                r.update(gauss.sample());
                c.update(gauss.sample() + shift);
            }
            ref.set("c" + col, kll(r, 0));
            cur.set("c" + col, kll(c, 0));
        }
        assertThat(body.toString().length()).isLessThan(1_000_000);
        JsonNode answer = ok("/v1/drift", body);
        assertThat(answer.get("numberOfColumns").intValue()).isEqualTo(10);
        // shifted by half a standard deviation: W₁/σ ≈ 0.5, far beyond the bounds around 0.1; unshifted ≈ 0
        for (JsonNode c : answer.get("columns")) {
            boolean shifted = c.get("column").asString().compareTo("c3") < 0;
            assertThat(c.get("method").asString()).isEqualTo("wasserstein");
            assertThat(c.get("reference").get("count").longValue()).isEqualTo(1_000_000);
            if (shifted) {
                assertThat(c.get("driftDetected").booleanValue()).as(c.toString()).isTrue();
                assertThat(c.get("scoreBounds").get(0).doubleValue()).isGreaterThan(0.1);
            } else {
                assertThat(c.get("driftDetected").booleanValue()).as(c.toString()).isFalse();
            }
        }
    }

    @Test
    void summariesAreDeterministicAndReadableByDataSketches() {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(3);
        double[] values = draw(rng, 30_000, rng::nextDouble);
        ObjectNode body = GoldenCorpus.JSON.createObjectNode();
        ArrayNode x = array(values);
        x.addNull();
        x.add("Infinity");
        ObjectNode columns = body.putObject("columns");
        columns.set("x", x);
        columns.putArray("c").add("a").add("b").add("a").addNull();
        columns.putArray("i").add(1).add(2).add(2).add(1);
        body.put("kllK", 64);
        JsonNode first = ok("/v1/summaries", body);
        JsonNode second = ok("/v1/summaries", body);
        assertThat(first).isEqualTo(second);
        KllDoublesSketch s = KllDoublesSketch.heapify(Memory.wrap(Base64.getDecoder().decode(
                first.get("columns").get("x").get("kll").asString())));
        assertThat(s.getN()).isEqualTo(30_000);
        assertThat(s.getK()).isEqualTo(64);
        assertThat(s.getMinItem()).isEqualTo(Arrays.stream(values).min().orElseThrow());
        assertThat(s.getMaxItem()).isEqualTo(Arrays.stream(values).max().orElseThrow());
        assertThat(first.get("columns").get("x").get("missing").longValue()).isEqualTo(2);
        assertThat(first.get("columns").get("c").toString()).isEqualTo("{\"categories\":{\"a\":2,\"b\":1},\"missing\":1}");
        // integer literals with few distinct values are categorical (Evidently's inference)
        assertThat(first.get("columns").get("i").toString()).isEqualTo("{\"categories\":{\"1\":2,\"2\":2},\"missing\":0}");
    }

    @Test
    void mergedSummariesEqualTheSummaryOfTheWhole() {
        ObjectNode a = GoldenCorpus.JSON.createObjectNode();
        a.putObject("categories").put("red", 3).put("blue", 1);
        a.put("missing", 2);
        ObjectNode b = GoldenCorpus.JSON.createObjectNode();
        b.putObject("categories").put("green", 4).put("red", 1);
        ObjectNode merge = GoldenCorpus.JSON.createObjectNode();
        merge.putArray("summaries").add(a).add(b);
        assertThat(ok("/v1/summaries/merge", merge).toString())
                .isEqualTo("{\"categories\":{\"red\":4,\"blue\":1,\"green\":4},\"missing\":2}");

        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(4);
        double[] first = draw(rng, 40_000, rng::nextDouble);
        double[] second = draw(rng, 25_000, () -> 2 + rng.nextDouble());
        ObjectNode sketches = GoldenCorpus.JSON.createObjectNode();
        sketches.putArray("summaries").add(kll(sketch(first, 200), 1)).add(kll(sketch(second, 200), 2));
        JsonNode merged = ok("/v1/summaries/merge", sketches);
        KllDoublesSketch m = KllDoublesSketch.heapify(Memory.wrap(Base64.getDecoder().decode(
                merged.get("kll").asString())));
        assertThat(m.getN()).isEqualTo(65_000);
        assertThat(merged.get("missing").longValue()).isEqualTo(3);
        assertThat(m.getMinItem()).isEqualTo(Arrays.stream(first).min().orElseThrow());
        assertThat(m.getMaxItem()).isEqualTo(Arrays.stream(second).max().orElseThrow());
        // 40,000 of 65,000 values are below 1: the merged rank of 1 is 0.6154 within the merged sketch's error
        assertThat(m.getRank(1.5)).isCloseTo(40_000 / 65_000.0, org.assertj.core.api.Assertions.within(
                m.getNormalizedRankError(false)));
        assertThat(ok("/v1/summaries/merge", sketches)).isEqualTo(merged);

        ObjectNode mixed = GoldenCorpus.JSON.createObjectNode();
        mixed.putArray("summaries").add(kll(sketch(first, 200), 0)).add(a);
        HttpResponse<String> response = send("/v1/summaries/merge", mixed.toString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"pointer\":\"/summaries/1\"");
    }

    @Test
    void badSummariesAreRefusedWithTheirPointer() {
        problem("""
                {"reference": {"x": {"kll": "not base64!"}}, "current": {"x": [1, 2]}}""", 400, "/reference/x/kll");
        problem("""
                {"reference": {"x": {"kll": "AAECAwQFBgcICQ=="}}, "current": {"x": [1, 2]}}""", 400,
                "/reference/x/kll");
        problem("""
                {"reference": {"x": {"histogram": {"edges": [0, 1, 2], "counts": [1]}}}, "current": {"x": [1]}}""",
                400, "/reference/x/histogram/counts");
        problem("""
                {"reference": {"x": {"histogram": {"edges": [0, 1, 1], "counts": [1, 2]}}}, "current": {"x": [1]}}""",
                400, "/reference/x/histogram/edges/2");
        problem("""
                {"reference": {"c": {"categories": {"red": -1}}}, "current": {"c": ["red"]}}""", 400,
                "/reference/c/categories/red");
        problem("""
                {"reference": {"c": {"categories": {"red": 1}, "kll": ""}}, "current": {"c": ["red"]}}""", 400,
                "/reference/c/kll");
        problem("""
                {"reference": {"c": {"categories": {"red": 1}, "bins": 3}}, "current": {"c": ["red"]}}""", 400,
                "/reference/c/bins");
        problem("""
                {"reference": {"c": {"categories": {"red": 1}, "missing": 1.5}}, "current": {"c": ["red"]}}""",
                400, "/reference/c/missing");
        problem("""
                {"reference": {"x": {"histogram": {"edges": [0, 1, 2], "counts": [1, 1]}}},
                 "current": {"x": {"histogram": {"edges": [0, 1, 3], "counts": [1, 1]}}}}""", 400,
                "/current/x/histogram/edges");
        JsonNode skipped = ok("/v1/drift", GoldenCorpus.JSON.readTree("""
                {"reference": {"x": %s, "c": {"categories": {"a": 5, "b": 6}}},
                 "current": {"x": [1.5, 2.5, 3.5], "c": [1.5, 2.5]},
                 "columnTypes": {"x": "categorical"}, "method": "tTest"}""".formatted(
                kll(sketch(new double[] {1, 2, 3}, 200), 0)))).get("skippedColumns");
        assertThat(skipped.toString()).contains("supports numerical tests only");
    }
}
