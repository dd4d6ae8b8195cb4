package dev.divergence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** POST /v1/divergences/kl-div over real HTTP: the public torch_kl_div corpus and the warnings. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KlDivHttpTest {

    @LocalServerPort
    int port;

    static Stream<Arguments> torchCases() {
        return GoldenCorpus.cases("torch_kl_div.jsonl").stream().map(c -> Arguments.of(c.get("id").asString(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("torchCases")
    void goldenCaseOverHttp(String id, JsonNode goldenCase) {
        JsonNode in = goldenCase.get("input");
        ObjectNode request = GoldenCorpus.JSON.createObjectNode();
        request.set("input", in.get("input"));
        request.set("target", in.get("target"));
        request.set("reduction", in.get("reduction"));
        request.set("logTarget", in.get("log_target"));
        HttpResponse<String> response = new HttpClientSupport(port).post("/v1/divergences/kl-div", request.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = GoldenCorpus.JSON.readTree(response.body());
        JsonNode expected = goldenCase.get("expected").get("loss");
        double rel = goldenCase.get("tolerance").get("rel").doubleValue();
        double abs = goldenCase.get("tolerance").get("abs").doubleValue();
        List<Double> e = flatten(expected, new ArrayList<>());
        List<Double> a = flatten(body.get("loss"), new ArrayList<>());
        assertThat(a).hasSameSizeAs(e);
        for (int i = 0; i < e.size(); i++) {
            assertThat(Math.abs(a.get(i) - e.get(i))).as(id + " element " + i)
                    .isLessThanOrEqualTo(abs + rel * Math.abs(e.get(i)));
        }
        if (expected.isArray()) {
            assertThat(shapeOnly(body.get("loss"))).isEqualTo(shapeOnly(expected));
        }
        assertThat(body.get("reduction").asString()).isEqualTo(in.get("reduction").asString());
    }

    @Test
    void meanWarnsThatItIsNotTheKlDivergence() {
        HttpResponse<String> response = new HttpClientSupport(port).post("/v1/divergences/kl-div",
                "{\"input\": [[-0.5, -1.0]], \"target\": [[0.6, 0.4]]}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"reduction\":\"mean\"", "batchmean", "not the KL divergence");
    }

    @Test
    void probabilitiesPassedAsInputAreFlagged() {
        HttpResponse<String> response = new HttpClientSupport(port).post("/v1/divergences/kl-div",
                "{\"input\": [[0.7, 0.2, 0.1]], \"target\": [[0.6, 0.3, 0.1]], \"reduction\": \"batchmean\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("input looks like probabilities", "KL(target");
    }

    @Test
    void aLargePrettyPrintedTensorGivesTorchsPointwiseLossForEveryElement() {
        // 200 x 300 entries (~1 MB over many parser buffers): loss = target (ln target - input), torch's definition
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261122L);
        int rows = 200;
        int cols = 300;
        double[][] input = new double[rows][cols];
        double[][] target = new double[rows][cols];
        StringBuilder body = new StringBuilder("{\"reduction\": \"none\",\n \"input\": [");
        appendMatrix(body, input, rng, true);
        body.append("],\r\n \"target\": [");
        appendMatrix(body, target, rng, false);
        body.append("]}");
        HttpResponse<String> response = new HttpClientSupport(port).post("/v1/divergences/kl-div", body.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode loss = GoldenCorpus.JSON.readTree(response.body()).get("loss");
        assertThat(loss.size()).isEqualTo(rows);
        for (int i = 0; i < rows; i++) {
            assertThat(loss.get(i).size()).isEqualTo(cols);
            for (int j = 0; j < cols; j++) {
                double t = target[i][j];
                double expected = t == 0 ? 0 : t * (Math.log(t) - input[i][j]);
                // torch's definition in the same IEEE operations on the correctly rounded literals, and JSON
                // round-trips doubles exactly: equal to the bit, so a misread or misplaced number shows
                assertThat(loss.get(i).get(j).asDouble()).as("(%d, %d)", i, j).isEqualTo(expected);
            }
        }
    }

    @Test
    void aRaggedRowDeepInALargeTensorIsFoundWithItsPointer() {
        StringBuilder row = new StringBuilder("[");
        for (int j = 0; j < 500; j++) {
            row.append(j == 0 ? "" : ", ").append(-1.0 - j / 1000.0);
        }
        String full = row + "]";
        String shorter = row.substring(0, row.lastIndexOf(",")) + "]";
        String input = "[" + String.join(",\n", Collections.nCopies(40, full)) + ",\n" + shorter + "]";
        String target = "[" + String.join(",\n", Collections.nCopies(41, full.replace("-", ""))) + "]";
        HttpResponse<String> response = new HttpClientSupport(port).post("/v1/divergences/kl-div",
                "{\"input\": " + input + ", \"target\": " + target + ", \"logTarget\": true}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"pointer\":\"/input/40\"").contains("must have 500 entries");
    }

    /** Log-probabilities (input) or probabilities with a few zeros (target), in varied spellings and layout. */
    private static void appendMatrix(StringBuilder body, double[][] m, UniformRandomProvider rng, boolean log) {
        for (int i = 0; i < m.length; i++) {
            body.append(i == 0 ? "\n  [" : ",\r\n  [");
            for (int j = 0; j < m[i].length; j++) {
                double x = rng.nextDouble();
                String literal = switch (rng.nextInt(4)) {
                    case 0 -> Double.toString(log ? -1 - 20 * x : x);
                    case 1 -> String.format(Locale.ROOT, "%.15e", log ? -x : x * 1e-5);
                    case 2 -> log ? Long.toString(-rng.nextInt(30)) : rng.nextInt(10) == 0 ? "0" : "1";
                    default -> new BigDecimal(log ? -x : x).toPlainString();
                };
                m[i][j] = new BigDecimal(literal).doubleValue();
                body.append(j == 0 ? "" : j % 11 == 0 ? ",\n     " : ", ").append(literal);
            }
            body.append(']');
        }
    }

    private static List<Double> flatten(JsonNode node, List<Double> out) {
        if (node.isArray()) {
            node.values().forEach(v -> flatten(v, out));
        } else {
            out.add(GoldenCorpus.number(node));
        }
        return out;
    }

    /** The nesting of a JSON array with every number replaced by 0, to compare shapes. */
    private static String shapeOnly(JsonNode node) {
        return node.toString().replaceAll("-?[0-9][0-9.eE+-]*|\"-?Infinity\"", "0");
    }

    @Test
    void lossesOfBothInfinitiesAreRefusedNotAFailure() {
        // +∞ where target > 0 and input = −∞, −∞ where an input far above 0 overflows: the sum was a 500
        HttpResponse<String> response = new HttpClientSupport(port).post("/v1/divergences/kl-div",
                "{\"input\": [\"-Infinity\", 1.7e308], \"target\": [1, 1e10], \"reduction\": \"sum\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("urn:problem-type:divergence:invalid-distribution", "\"/input\"",
                "both Infinity");
    }
}
