package dev.divergence.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.divergence.compute.DivergenceBundle;
import dev.divergence.service.DiscreteResult;
import dev.divergence.service.Metric;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The divergences of one pair. Non-finite values are written as the strings "Infinity"; NaN never occurs.
 *
 * @param kl D_KL(P ‖ Q) in {@code unit}
 * @param unit nats, bits, hartleys or base-b
 * @param base the logarithm base as a number
 * @param metrics the requested metrics by name; {@code renyi} is an object keyed by order
 * @param categories the aligned categories of keyed input
 * @param pointwise each category's KL term, when asked for
 * @param warnings remarks about the result (empty when none)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DiscreteResponse(
        @Schema(description = "KL(P‖Q) in unit; the string \"Infinity\" when q = 0 where p > 0",
                example = "0.020135513550688863", oneOf = {Double.class, String.class}) double kl,
        @Schema(example = "nats") String unit,
        @Schema(example = "2.718281828459045") double base,
        @Schema(description = "Requested metrics by name; renyi is an object keyed by order",
                example = "{\"kl\": 0.020135513550688863, \"totalVariation\": 0.09999999999999998}")
        @JsonSerialize(using = MetricsSerializer.class) Map<String, Object> metrics,
        @Schema(description = "Aligned categories (keyed input only)") List<String> categories,
        @Schema(description = "KL term of each category (when pointwise is true)") double[] pointwise,
        List<String> warnings) {

    static DiscreteResponse of(DiscreteResult r) {
        return new DiscreteResponse(r.kl(), r.base().unit(), r.base().base(), metricsOf(r),
                r.categories() == null ? null : Arrays.asList(r.categories()), r.pointwise(), r.warnings());
    }

    /** @return the requested metrics of a result by their JSON names, in the bundle's order */
    static Map<String, Object> metricsOf(DiscreteResult r) {
        Map<String, Object> metrics = new LinkedHashMap<>(32); // 14 metrics without a resize
        DivergenceBundle b = r.bundle();
        for (Metric m : r.metrics()) {
            metrics.put(m.jsonName(), switch (m) {
                case KL -> r.kl();
                case REVERSE_KL -> b.reverseKl();
                case JEFFREYS -> b.jeffreys();
                case PSI -> b.psi();
                case JENSEN_SHANNON -> b.jensenShannon();
                case JENSEN_SHANNON_DISTANCE -> b.jensenShannonDistance();
                case CROSS_ENTROPY -> b.crossEntropy();
                case ENTROPY_P -> b.entropyP();
                case ENTROPY_Q -> b.entropyQ();
                case TOTAL_VARIATION -> b.totalVariation();
                case HELLINGER -> b.hellinger();
                case BHATTACHARYYA -> b.bhattacharyya();
                case CHI_SQUARE -> b.chiSquare();
                case RENYI -> renyi(r.renyiOrders(), r.renyi());
            });
        }
        return metrics;
    }

    private static Map<String, Double> renyi(double[] orders, double[] values) {
        Map<String, Double> byOrder = new LinkedHashMap<>();
        for (int i = 0; i < orders.length; i++) {
            byOrder.put(orderKey(orders[i]), values[i]);
        }
        return byOrder;
    }

    /** The shortest decimal of an order: 2.0 → "2", 0.5 → "0.5". */
    static String orderKey(double order) {
        return BigDecimal.valueOf(order).stripTrailingZeros().toPlainString();
    }
}
