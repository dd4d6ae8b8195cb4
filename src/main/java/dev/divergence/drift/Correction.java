package dev.divergence.drift;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.divergence.validation.OptionValue;

/** The multiple-testing correction over the columns whose test gives a p-value. */
public enum Correction implements OptionValue {
    /** Every p-value compared as it is (Evidently). */
    NONE(Correction.DEFAULT_NAME),
    /** min(1, m·p): controls the family-wise error rate (Bonferroni 1936; Dunn 1961). */
    BONFERRONI("bonferroni"),
    /** Holm's step-down: controls the family-wise error rate, uniformly more powerful than Bonferroni (Holm 1979). */
    HOLM("holm"),
    /** Benjamini–Hochberg step-up: controls the false discovery rate (Benjamini and Hochberg 1995). */
    BENJAMINI_HOCHBERG("benjaminiHochberg");

    /** The name of the default (a constant, so annotations can name it). */
    public static final String DEFAULT_NAME = "none";

    private final String jsonName;

    Correction(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    /**
     * @param name a name from a request
     * @return the correction of that name
     * @throws OptionValue.UnknownOptionException for any other name
     */
    @JsonCreator
    public static Correction of(String name) {
        return OptionValue.parse(Correction.class, "correction", name);
    }
}
