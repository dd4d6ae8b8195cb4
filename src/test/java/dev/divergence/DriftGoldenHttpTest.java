package dev.divergence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public drift corpus ({@code src/test/resources/drift-golden}: Evidently 0.7.21's {@code DataDriftPreset} on
 * twelve pairs of windows, recorded with SciPy 1.10.1) through {@code POST /v1/drift}: every column's type, method,
 * threshold, score and verdict, and the dataset's counts and verdict, as the corpus README says a test compares.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DriftGoldenHttpTest {

    /** Evidently's test names → this API's method names. */
    static final Map<String, String> METHODS = Map.ofEntries(Map.entry("ks", "ks"),
            Map.entry("chisquare", "chiSquare"), Map.entry("z", "zTest"), Map.entry("wasserstein", "wasserstein"),
            Map.entry("jensenshannon", "jensenShannon"), Map.entry("psi", "psi"), Map.entry("kl_div", "kl"),
            Map.entry("hellinger", "hellinger"), Map.entry("ed", "energyDistance"), Map.entry("t_test", "tTest"),
            Map.entry("mannw", "mannWhitney"), Map.entry("anderson", "andersonDarling"),
            Map.entry("cramer_von_mises", "cramerVonMises"), Map.entry("es", "eppsSingleton"),
            Map.entry("g_test", "gTest"), Map.entry("TVD", "totalVariation"), Map.entry("fisher_exact", "fisherExact"));

    /**
     * Threshold ties that the last bit of a p-value decides and that this service decides otherwise, with why. The
     * threshold is SciPy's exact p-value; χ²'s comes from Cephes' {@code igamc} in SciPy and from Commons
     * Statistics' regularized gamma function here, which differ by one ulp at this point (mpmath at 40 digits:
     * 0.011445646480180840291…, so this service's 0.01144564648018084 is the correctly rounded value and SciPy's
     * 0.011445646480180842 one ulp above). The score still agrees within the corpus tolerance; only the verdict
     * at the exact tie differs (docs/drift.md, "Known differences").
     */
    static final Map<String, String> LAST_BIT_TIES = Map.of("threshold_ties/chisquare",
            "chi-square p-value one ulp below SciPy's Cephes value");

    @LocalServerPort
    int port;

    static Stream<Arguments> cases() {
        JsonNode manifest = read("MANIFEST.json");
        Stream.Builder<Arguments> cases = Stream.builder();
        for (Iterator<String> it = manifest.get("files").propertyNames().iterator(); it.hasNext();) {
            String file = it.next();
            cases.add(Arguments.of(file.replace(".json", ""), read(file)));
        }
        return cases.build();
    }

    static JsonNode read(String file) {
        try (InputStream in = DriftGoldenHttpTest.class.getResourceAsStream("/drift-golden/" + file)) {
            return GoldenCorpus.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request a case stands for (the corpus README's "The request a case stands for"). */
    static ObjectNode request(JsonNode c) {
        ObjectNode body = GoldenCorpus.JSON.createObjectNode();
        body.set("reference", c.get("reference"));
        body.set("current", c.get("current"));
        JsonNode options = c.get("options");
        body.set("driftShare", options.get("drift_share"));
        Map<String, ObjectNode> perColumn = new HashMap<>();
        ObjectNode per = GoldenCorpus.JSON.createObjectNode();
        for (String key : new String[] {"per_column_method", "per_column_threshold"}) {
            JsonNode values = options.get(key);
            if (values == null) {
                continue;
            }
            for (Map.Entry<String, JsonNode> e : values.properties()) {
                ObjectNode column = perColumn.computeIfAbsent(e.getKey(), k -> per.putObject(k));
                column.set(key.equals("per_column_method") ? "method" : "threshold", e.getValue());
            }
        }
        if (!perColumn.isEmpty()) {
            body.set("perColumn", per);
        }
        return body;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyColumnAndTheDatasetAgreeWithEvidently(String name, JsonNode c) {
        HttpResponse<String> response = new HttpClientSupport(port).post("/v1/drift", request(c).toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = GoldenCorpus.JSON.readTree(response.body());
        Map<String, JsonNode> columns = new HashMap<>();
        body.get("columns").forEach(col -> columns.put(col.get("column").asString(), col));
        JsonNode expected = c.get("expected");
        for (Map.Entry<String, JsonNode> e : expected.get("columns").properties()) {
            String column = e.getKey();
            JsonNode want = e.getValue();
            JsonNode got = columns.get(column);
            assertThat(got).as(column + " tested; skipped: " + body.get("skippedColumns")).isNotNull();
            String at = name + "/" + column;
            String stattest = want.get("stattest").asString();
            assertThat(got.get("type").asString()).as(at).isEqualTo(
                    want.get("column_type").asString().equals("num") ? "numerical" : "categorical");
            assertThat(got.get("method").asString()).as(at).isEqualTo(METHODS.get(stattest));
            assertThat(got.get("threshold").doubleValue()).as(at).isEqualTo(want.get("threshold").doubleValue());
            double score = want.get("drift_score").doubleValue();
            assertThat(got.get("score").doubleValue()).as(at)
                    .isCloseTo(score, org.assertj.core.api.Assertions.within(Math.max(1e-9 * Math.abs(score), 1e-12)));
            boolean pValue = stattest.equals("ks") || stattest.equals("chisquare") || stattest.equals("z")
                    || stattest.equals("t_test") || stattest.equals("mannw") || stattest.equals("anderson")
                    || stattest.equals("cramer_von_mises") || stattest.equals("es") || stattest.equals("g_test")
                    || stattest.equals("TVD") || stattest.equals("fisher_exact");
            assertThat(got.get("scoreKind").asString()).as(at).isEqualTo(pValue ? "pValue" : "distance");
            boolean verdict = want.get("drift_detected").booleanValue();
            if (LAST_BIT_TIES.containsKey(at)) {
                // the score is within a few ulps of the threshold, on the other side of it than SciPy's
                assertThat(Math.abs(got.get("score").doubleValue() - score)).as(at).isLessThanOrEqualTo(4 * Math.ulp(score));
                assertThat(got.get("driftDetected").booleanValue()).as(at + ": " + LAST_BIT_TIES.get(at)).isNotEqualTo(verdict);
            } else {
                assertThat(got.get("driftDetected").booleanValue()).as(at).isEqualTo(verdict);
            }
        }
        JsonNode dataset = expected.get("dataset");
        long ties = LAST_BIT_TIES.keySet().stream().filter(k -> k.startsWith(name + "/")).count();
        assertThat(body.get("numberOfColumns").intValue()).isEqualTo(dataset.get("number_of_columns").intValue());
        assertThat(body.get("driftShare").doubleValue()).isEqualTo(dataset.get("drift_share").doubleValue());
        if (ties == 0) {
            assertThat(body.get("numberOfDriftedColumns").intValue())
                    .isEqualTo(dataset.get("number_of_drifted_columns").intValue());
            assertThat(body.get("shareOfDriftedColumns").doubleValue())
                    .isEqualTo(dataset.get("share_of_drifted_columns").doubleValue());
            assertThat(body.get("datasetDrift").booleanValue()).isEqualTo(dataset.get("dataset_drift").booleanValue());
        } else {
            assertThat(Math.abs(body.get("numberOfDriftedColumns").intValue()
                    - dataset.get("number_of_drifted_columns").intValue())).isLessThanOrEqualTo((int) ties);
        }
    }
}
