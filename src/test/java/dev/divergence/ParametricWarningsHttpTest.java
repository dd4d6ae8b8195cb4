package dev.divergence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A warning about some elements of a batch names them (issue 17, item 7: "KL = Infinity" was said of a batch whose
 * first element is finite).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ParametricWarningsHttpTest {

    @LocalServerPort
    int port;

    @Test
    void aWarningAboutOneBatchElementNamesIt() {
        HttpResponse<String> r = new HttpClientSupport(port).post("/v1/divergences/parametric", """
                {"p": {"family": "Normal", "params": {"loc": 0, "scale": [1, 1e300]}},
                 "q": {"family": "Normal", "params": {"loc": 0, "scale": [2, 1e-300]}}}""");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = GoldenCorpus.JSON.readTree(r.body());
        // ln 2 + 1/8 − 1/2 for the first element; the second overflows a double
        assertThat(body.get("kl").get(0).asDouble()).isCloseTo(Math.log(2) - 0.375, within(1e-15));
        assertThat(body.get("kl").get(1).asString()).isEqualTo("Infinity");
        assertThat(body.get("warnings")).hasSize(1);
        assertThat(body.get("warnings").get(0).asString()).startsWith("batch element [1]: ")
                .contains("finite but larger than the largest double");
    }

    @Test
    void aWarningSharedByManyElementsListsTheFirstAndCountsTheRest() {
        StringBuilder scales = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            scales.append(i == 0 ? "" : ", ").append("1e300");
        }
        HttpResponse<String> r = new HttpClientSupport(port).post("/v1/divergences/parametric",
                "{\"p\": {\"family\": \"Normal\", \"params\": {\"loc\": 0, \"scale\": [" + scales + "]}}, "
                        + "\"q\": {\"family\": \"Normal\", \"params\": {\"loc\": 0, \"scale\": 1e-300}}}");
        JsonNode body = GoldenCorpus.JSON.readTree(r.body());
        assertThat(body.get("warnings")).hasSize(1);
        assertThat(body.get("warnings").get(0).asString())
                .startsWith("batch elements [0], [1], [2], [3], [4] and 3 more: ");
    }
}
