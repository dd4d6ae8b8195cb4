package dev.divergence.parametric;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.divergence.validation.OptionValue;

/** How KL(p ‖ q) between two parametric distributions is computed. */
public enum Method implements OptionValue {
    /** The closed form when the pair has one, otherwise Monte Carlo (the default). */
    AUTO(Method.DEFAULT_NAME),
    /** The closed form; a pair without one is a 422. */
    CLOSED_FORM("closedForm"),
    /** A seeded Monte Carlo mean over draws of p, with its standard error. */
    MONTE_CARLO("monteCarlo");

    /** The name of the default, auto (a constant, so annotations can name it). */
    public static final String DEFAULT_NAME = "auto";

    private final String jsonName;

    Method(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    /**
     * @param name a name from a request
     * @return the method of that name
     * @throws OptionValue.UnknownOptionException for any other name
     */
    @JsonCreator
    public static Method of(String name) {
        return OptionValue.parse(Method.class, "method", name);
    }
}
