package dev.divergence.drift;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.divergence.validation.OptionValue;

/** What a column is tested as. */
public enum ColumnType implements OptionValue {
    /** Numbers compared as numbers (order and distance matter). */
    NUMERICAL("numerical"),
    /** Values compared as categories. */
    CATEGORICAL("categorical");

    private final String jsonName;

    ColumnType(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    /**
     * @param name a name from a request
     * @return the type of that name
     * @throws OptionValue.UnknownOptionException for any other name
     */
    @JsonCreator
    public static ColumnType of(String name) {
        return OptionValue.parse(ColumnType.class, "column type", name);
    }
}
