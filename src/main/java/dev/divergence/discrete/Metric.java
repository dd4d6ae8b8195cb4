package dev.divergence.discrete;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.divergence.validation.OptionValue;
import java.util.EnumSet;
import java.util.Set;

/** The divergences of the discrete bundle, by their JSON names (defined in docs/metrics.md). */
public enum Metric implements OptionValue {
    KL("kl"), REVERSE_KL("reverseKl"), JEFFREYS("jeffreys"), PSI("psi"), JENSEN_SHANNON("jensenShannon"),
    JENSEN_SHANNON_DISTANCE("jensenShannonDistance"), CROSS_ENTROPY("crossEntropy"), ENTROPY_P("entropyP"),
    ENTROPY_Q("entropyQ"), TOTAL_VARIATION("totalVariation"), HELLINGER("hellinger"),
    BHATTACHARYYA("bhattacharyya"), CHI_SQUARE("chiSquare"), RENYI("renyi");

    private final String jsonName;

    Metric(String jsonName) {
        this.jsonName = jsonName;
    }

    /** @return the name used in requests and responses */
    @Override
    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    /** @return true for quantities measured in the log base's unit (false: total variation, Hellinger, χ²) */
    public boolean logarithmic() {
        return this != TOTAL_VARIATION && this != HELLINGER && this != CHI_SQUARE;
    }

    /**
     * @param name a JSON name
     * @return the metric, or null when there is none of that name
     */
    public static Metric byJsonName(String name) {
        for (Metric m : values()) {
            if (m.jsonName.equals(name)) {
                return m;
            }
        }
        return null;
    }

    /**
     * @param name a name from a request
     * @return the metric of that name
     * @throws OptionValue.UnknownOptionException for any other name
     */
    @JsonCreator
    public static Metric of(String name) {
        return OptionValue.parse(Metric.class, "metric", name);
    }

    /** @return every metric */
    public static Set<Metric> all() {
        return EnumSet.allOf(Metric.class);
    }
}
