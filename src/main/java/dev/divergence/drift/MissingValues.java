package dev.divergence.drift;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.divergence.validation.OptionValue;

/** What missing values ({@code null}, {@code "NaN"}) do. */
public enum MissingValues implements OptionValue {
    /** Dropped before the test (Evidently). */
    DROP(MissingValues.DEFAULT_NAME),
    /** In a categorical column, missing is a category of its own (numerical columns drop them). */
    CATEGORY("category"),
    /** Dropped, and the share of missing values is tested on its own (two-proportion z-test). */
    SEPARATE("separate");

    /** The name of the default (a constant, so annotations can name it). */
    public static final String DEFAULT_NAME = "drop";

    private final String jsonName;

    MissingValues(String jsonName) {
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
    public static MissingValues of(String name) {
        return OptionValue.parse(MissingValues.class, "missing-values policy", name);
    }
}
