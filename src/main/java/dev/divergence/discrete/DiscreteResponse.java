package dev.divergence.discrete;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.Arrays;
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
public record DiscreteResponse(
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
        return of(r, DiscreteMetrics.orderKeys(r.renyiOrders()));
    }

    /** @return one response per result; the Rényi order keys are formatted once for results sharing their orders */
    static List<DiscreteResponse> ofAll(List<DiscreteResult> results) {
        List<DiscreteResponse> responses = new ArrayList<>(results.size());
        double[] orders = null;
        String[] keys = null;
        for (DiscreteResult r : results) {
            if (r.renyiOrders() != orders) {
                orders = r.renyiOrders();
                keys = DiscreteMetrics.orderKeys(orders);
            }
            responses.add(of(r, keys));
        }
        return responses;
    }

    private static DiscreteResponse of(DiscreteResult r, String[] orderKeys) {
        return new DiscreteResponse(r.kl(), r.base().unit(), r.base().base(), new DiscreteMetrics(r, orderKeys),
                r.categories() == null ? null : Arrays.asList(r.categories()), r.pointwise(), r.warnings());
    }

    /** @return the requested metrics of a result by their JSON names, in the bundle's order */
    public static Map<String, Object> metricsOf(DiscreteResult r) {
        return new DiscreteMetrics(r, DiscreteMetrics.orderKeys(r.renyiOrders()));
    }
}
