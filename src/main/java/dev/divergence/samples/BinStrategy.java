package dev.divergence.samples;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.divergence.validation.OptionValue;

/** How the histogram estimator chooses its bin edges. */
public enum BinStrategy implements OptionValue {
    /** numpy's auto: the narrower of the Sturges and Freedman–Diaconis widths. */
    AUTO(BinStrategy.DEFAULT_NAME),
    /** Freedman–Diaconis: width 2·IQR/n^(1/3). */
    FD("fd"),
    /** Sturges: log2(n) + 1 bins. */
    STURGES("sturges"),
    /** Scott: width (24·√π/n)^(1/3)·σ. */
    SCOTT("scott"),
    /** Doane: Sturges corrected for skewness. */
    DOANE("doane"),
    /** √n bins. */
    SQRT("sqrt"),
    /** Edges at the quantiles of p ({@code count} bins). */
    QUANTILE("quantile"),
    /** {@code count} equal bins over the pooled range. */
    COUNT("count"),
    /** Explicit, strictly increasing {@code edges}. */
    EDGES("edges");

    /** The name of the default, auto (a constant, so annotations can name it). */
    public static final String DEFAULT_NAME = "auto";

    private final String jsonName;

    BinStrategy(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    /**
     * @param name a name from a request
     * @return the value of that name
     * @throws OptionValue.UnknownOptionException for any other name
     */
    @JsonCreator
    public static BinStrategy of(String name) {
        return OptionValue.parse(BinStrategy.class, "strategy", name);
    }
}
