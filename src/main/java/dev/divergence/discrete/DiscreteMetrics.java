package dev.divergence.discrete;

import dev.divergence.compute.DivergenceBundle;
import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * The requested metrics of one discrete result as a read-only map {name: number} in the bundle's order, with
 * {@code renyi} an object {order: number}. {@link MetricsSerializer} writes it straight from the result with
 * pre-encoded names and no boxing ({@link #write}); the entries themselves are built only when the map is read
 * as a map (the samples endpoint merges them into its own).
 */
final class DiscreteMetrics extends AbstractMap<String, Object> {

    /** Each metric's JSON name, UTF-8 encoded once. */
    private static final SerializableString[] NAMES = new SerializableString[Metric.values().length];

    static {
        for (Metric m : Metric.values()) {
            NAMES[m.ordinal()] = new SerializedString(m.jsonName());
        }
    }

    private final DiscreteResult result;
    private final String[] orderKeys;
    private Map<String, Object> entries;

    /**
     * @param result the result
     * @param orderKeys {@link #orderKeys} of {@code result.renyiOrders()}
     */
    DiscreteMetrics(DiscreteResult result, String[] orderKeys) {
        this.result = result;
        this.orderKeys = orderKeys;
    }

    /**
     * @param orders Rényi orders
     * @return their JSON keys: the shortest plain decimal of each, 2.0 → "2", 0.5 → "0.5", 1e-5 → "0.00001"
     */
    static String[] orderKeys(double[] orders) {
        String[] keys = new String[orders.length];
        for (int i = 0; i < orders.length; i++) {
            keys[i] = BigDecimal.valueOf(orders[i]).stripTrailingZeros().toPlainString();
        }
        return keys;
    }

    /** Writes the metrics as a JSON object; non-finite values follow the generator's settings ("Infinity"). */
    void write(JsonGenerator gen) {
        gen.writeStartObject();
        for (Metric m : result.metrics()) {
            gen.writeName(NAMES[m.ordinal()]);
            if (m == Metric.RENYI) {
                double[] renyi = result.renyi();
                gen.writeStartObject();
                for (int i = 0; i < renyi.length; i++) {
                    gen.writeName(orderKeys[i]);
                    gen.writeNumber(renyi[i]);
                }
                gen.writeEndObject();
            } else {
                gen.writeNumber(value(m));
            }
        }
        gen.writeEndObject();
    }

    /** @return a metric's value; not for {@link Metric#RENYI}, which has one per order */
    private double value(Metric m) {
        DivergenceBundle b = result.bundle();
        return switch (m) {
            case KL -> result.kl();
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
            case RENYI -> throw new IllegalArgumentException("renyi has one value per order");
        };
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        if (entries == null) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Metric m : result.metrics()) {
                if (m == Metric.RENYI) {
                    Map<String, Double> byOrder = new LinkedHashMap<>();
                    for (int i = 0; i < orderKeys.length; i++) {
                        byOrder.put(orderKeys[i], result.renyi()[i]);
                    }
                    map.put(m.jsonName(), Collections.unmodifiableMap(byOrder));
                } else {
                    map.put(m.jsonName(), value(m));
                }
            }
            entries = Collections.unmodifiableMap(map);
        }
        return entries.entrySet();
    }
}
