package dev.divergence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The drift window limits, set small: a column, a window or the number of columns over its limit is refused
 * with 413 {@code limit-exceeded} at the pointer of the first value or column over it, and the service keeps serving.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "divergence.drift.max-rows=10", "divergence.drift.max-columns=3", "divergence.drift.max-cells=25"})
class DriftLimitsHttpTest {

    @LocalServerPort
    int port;

    private JsonNode refused(String body, String pointer) {
        HttpResponse<String> response = new HttpClientSupport(port).post("/v1/drift", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        JsonNode problem = GoldenCorpus.JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:problem-type:divergence:limit-exceeded");
        assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo(pointer);
        return problem;
    }

    @Test
    void windowsOverTheirLimitsAreRefusedWhileTheyStreamIn() {
        JsonNode rows = refused("{\"reference\": {\"x\": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]}, \"current\": {}}",
                "/reference/x/10");
        assertThat(rows.get("detail").asString()).contains("divergence.drift.max-rows");
        JsonNode columns = refused("{\"current\": {\"a\": [1], \"b\": [1], \"c\": [1], \"d\": [1]}}", "/current/d");
        assertThat(columns.get("detail").asString()).contains("divergence.drift.max-columns");
        JsonNode cells = refused("{\"reference\": {\"a\": [1, 2, 3, 4, 5, 6, 7, 8, 9], \"b\": [1, 2, 3, 4, 5, 6, 7, 8, "
                + "9], \"c\": [1, 2, 3, 4, 5, 6, 7, 8, 9]}}", "/reference/c/7");
        assertThat(cells.get("detail").asString()).contains("divergence.drift.max-cells");
        HttpResponse<String> fine = new HttpClientSupport(port).post("/v1/drift",
                "{\"reference\": {\"x\": [1.5, 2.5, 3.5]}, \"current\": {\"x\": [1.0, 2.0, 3.0]}}");
        assertThat(fine.statusCode()).as(fine.body()).isEqualTo(200);
    }
}
