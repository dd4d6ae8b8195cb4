package dev.divergence.discrete;

import static org.assertj.core.api.Assertions.assertThat;

import dev.divergence.compute.DivergenceBundle;
import dev.divergence.compute.LogBase;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link DiscreteMetrics} writes itself without Jackson's map serializer; what it writes must be exactly what
 * Jackson writes for the equivalent ordinary map (the reference, built here independently), and its map view must
 * equal that map.
 */
class DiscreteMetricsTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final DivergenceBundle BUNDLE = new DivergenceBundle(0.1, 0.2, 0.30000000000000004, 0.4, 0.05,
            Math.sqrt(0.05), 1.7, 1.6, 1.5, 0.25, 0.3, Double.POSITIVE_INFINITY, 7e-300);

    private static DiscreteResult result(Set<Metric> metrics, double[] orders, double[] renyi) {
        return new DiscreteResult(BUNDLE.kl(), LogBase.NATS, metrics, BUNDLE, orders, renyi, null, null, List.of());
    }

    @Test
    void writesWhatJacksonWritesForTheEquivalentMapInTheBundleOrder() {
        double[] orders = {0.5, 2, 1e-5, 1e21};
        double[] renyi = {0.11, Double.POSITIVE_INFINITY, 1.25e-7, 0.0};
        DiscreteResult r = result(EnumSet.allOf(Metric.class), orders, renyi);

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("kl", 0.1);
        expected.put("reverseKl", 0.2);
        expected.put("jeffreys", 0.30000000000000004);
        expected.put("psi", 0.4);
        expected.put("jensenShannon", 0.05);
        expected.put("jensenShannonDistance", Math.sqrt(0.05));
        expected.put("crossEntropy", 1.7);
        expected.put("entropyP", 1.6);
        expected.put("entropyQ", 1.5);
        expected.put("totalVariation", 0.25);
        expected.put("hellinger", 0.3);
        expected.put("bhattacharyya", Double.POSITIVE_INFINITY);
        expected.put("chiSquare", 7e-300);
        Map<String, Object> byOrder = new LinkedHashMap<>();
        byOrder.put("0.5", 0.11);
        byOrder.put("2", Double.POSITIVE_INFINITY);
        byOrder.put("0.00001", 1.25e-7);
        byOrder.put("1000000000000000000000", 0.0);
        expected.put("renyi", byOrder);

        String written = MAPPER.writeValueAsString(DiscreteResponse.of(r));
        JsonNode metrics = MAPPER.readTree(written).get("metrics");
        assertThat(metrics).isEqualTo(MAPPER.readTree(MAPPER.writeValueAsString(expected)));
        // same order, and infinities as the string "Infinity" like everywhere else
        assertThat(written).contains("\"metrics\":" + MAPPER.writeValueAsString(expected));
        assertThat(DiscreteResponse.metricsOf(r)).isEqualTo(expected);
    }

    @Test
    void writesOnlyTheRequestedMetrics() {
        DiscreteResult r = result(EnumSet.of(Metric.KL, Metric.TOTAL_VARIATION), new double[0], new double[0]);
        String written = MAPPER.writeValueAsString(DiscreteResponse.of(r));
        assertThat(written).contains("\"metrics\":{\"kl\":0.1,\"totalVariation\":0.25}");
        assertThat(DiscreteResponse.metricsOf(r))
                .containsExactly(Map.entry("kl", 0.1), Map.entry("totalVariation", 0.25));
    }

    @Test
    void batchResultsSharingOrdersGetTheSameKeys() {
        double[] orders = {3, 0.25};
        List<DiscreteResult> results = List.of(
                result(EnumSet.of(Metric.RENYI), orders, new double[] {1, 2}),
                result(EnumSet.of(Metric.RENYI), orders, new double[] {3, 4}),
                result(EnumSet.of(Metric.RENYI), new double[] {0.5}, new double[] {5}));
        String written = MAPPER.writeValueAsString(new BatchResponse(DiscreteResponse.ofAll(results)));
        assertThat(written).contains("\"metrics\":{\"renyi\":{\"3\":1.0,\"0.25\":2.0}}")
                .contains("\"metrics\":{\"renyi\":{\"3\":3.0,\"0.25\":4.0}}")
                .contains("\"metrics\":{\"renyi\":{\"0.5\":5.0}}");
    }
}
