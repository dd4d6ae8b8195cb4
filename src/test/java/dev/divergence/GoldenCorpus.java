package dev.divergence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public golden corpus ({@code src/test/resources/golden}, the public split of the reference corpus its README.md describes): reading cases,
 * turning them into requests of this API, and checking a value against a case's tolerance.
 */
public final class GoldenCorpus {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** Corpus keys (snake_case) → response metric names of this API. */
    public static final Map<String, String> DISCRETE_KEYS = Map.ofEntries(Map.entry("kl", "kl"),
            Map.entry("reverse_kl", "reverseKl"), Map.entry("jeffreys", "jeffreys"), Map.entry("psi", "psi"),
            Map.entry("jensen_shannon", "jensenShannon"), Map.entry("jensen_shannon_distance", "jensenShannonDistance"),
            Map.entry("cross_entropy", "crossEntropy"), Map.entry("entropy_p", "entropyP"),
            Map.entry("entropy_q", "entropyQ"), Map.entry("total_variation", "totalVariation"),
            Map.entry("hellinger", "hellinger"), Map.entry("bhattacharyya", "bhattacharyya"),
            Map.entry("chi_square", "chiSquare"), Map.entry("renyi_0.5", "renyi/0.5"), Map.entry("renyi_2", "renyi/2"));

    private GoldenCorpus() {
    }

    /** @return every case of a corpus file, e.g. {@code discrete.jsonl} */
    public static List<JsonNode> cases(String file) {
        List<JsonNode> cases = new ArrayList<>();
        try (InputStream in = GoldenCorpus.class.getResourceAsStream("/golden/" + file);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    cases.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    /** @return the categorical cases of {@code samples.jsonl} */
    public static List<JsonNode> categoricalSampleCases() {
        return cases("samples.jsonl").stream().filter(c -> "categorical".equals(c.get("input").get("type").asString()))
                .toList();
    }

    /** A {@code discrete} case as a request body of POST /v1/divergences/discrete. */
    public static ObjectNode discreteRequest(JsonNode input) {
        ObjectNode body = JSON.createObjectNode();
        String representation = input.get("representation").asString();
        body.set("p", input.get("p"));
        body.set("q", input.get("q"));
        body.put("inputType", switch (representation) {
            case "probs" -> "probabilities";
            case "counts", "keyed_counts" -> "counts";
            case "log_probs" -> "logProbabilities";
            case "logits" -> "logits";
            default -> throw new IllegalArgumentException(representation);
        });
        body.set("base", input.get("base"));
        JsonNode smoothing = input.get("smoothing");
        if (smoothing != null) {
            ObjectNode s = body.putObject("smoothing");
            s.set("method", smoothing.get("method"));
            if (smoothing.has("alpha")) {
                s.set("alpha", smoothing.get("alpha"));
            }
            if (smoothing.has("eps")) {
                s.set("epsilon", smoothing.get("eps"));
            }
        }
        return body;
    }

    /**
     * A categorical {@code samples} case as a discrete request: the labels of x counted, against the counted
     * labels of y or the probability map q (normalized like counts).
     */
    public static ObjectNode categoricalRequest(JsonNode input) {
        ObjectNode body = JSON.createObjectNode();
        body.set("p", countLabels(input.get("x")));
        body.set("q", input.has("y") ? countLabels(input.get("y")) : input.get("q"));
        body.put("inputType", "counts");
        body.set("base", input.get("base"));
        return body;
    }

    private static ObjectNode countLabels(JsonNode labels) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (JsonNode label : labels) {
            counts.merge(label.asString(), 1, Integer::sum);
        }
        ObjectNode node = JSON.createObjectNode();
        counts.forEach(node::put);
        return node;
    }

    /** @return a corpus number: a JSON number or one of the strings "Infinity", "-Infinity" */
    public static double number(JsonNode node) {
        if (node.isString()) {
            return switch (node.asString()) {
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> Double.NaN;
            };
        }
        return node.doubleValue();
    }

    /** @return the values of a JSON array as doubles */
    public static double[] numbers(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = number(array.get(i));
        }
        return v;
    }

    /** The tolerance of a case for one expected key: |v − e| ≤ abs + rel·|e|, +∞ matched exactly. */
    public static void assertWithin(JsonNode goldenCase, String key, double actual) {
        double expected = number(goldenCase.get("expected").get(key));
        JsonNode tolerance = goldenCase.get("tolerance");
        JsonNode perKey = tolerance.has("per_key") ? tolerance.get("per_key").get(key) : null;
        JsonNode t = perKey != null ? perKey : tolerance;
        double allowed = t.get("abs").doubleValue() + t.get("rel").doubleValue() * Math.abs(expected);
        String what = goldenCase.get("id").asString() + " " + key;
        if (Double.isInfinite(expected)) {
            assertThat(actual).as(what).isEqualTo(expected);
        } else {
            assertThat(actual).as(what).isFinite();
            assertThat(Math.abs(actual - expected)).as(what + ": " + actual + " vs " + expected)
                    .isLessThanOrEqualTo(allowed);
        }
    }

    /** @return the value of a response metric by its path, e.g. {@code renyi/0.5} */
    public static double metric(JsonNode metrics, String path) {
        JsonNode node = metrics;
        for (String part : path.split("/")) {
            node = node.get(part);
        }
        return number(node);
    }

    /** @return a JSON array node holding the values */
    public static ArrayNode array(double... values) {
        ArrayNode a = JSON.createArrayNode();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }
}
