package dev.divergence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
}
