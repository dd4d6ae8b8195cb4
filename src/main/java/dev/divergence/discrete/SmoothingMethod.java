package dev.divergence.discrete;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.divergence.validation.OptionValue;

/** How zero probabilities are smoothed. */
public enum SmoothingMethod implements OptionValue {
    /** No smoothing. */
    NONE("none"),
    /** Add a pseudo-count alpha to every category of both distributions (counts only). */
    ADDITIVE("additive"),
    /** After normalizing, replace each 0 by epsilon and renormalize. */
    EPSILON("epsilon");

    private final String jsonName;

    SmoothingMethod(String jsonName) {
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
    public static SmoothingMethod of(String name) {
        return OptionValue.parse(SmoothingMethod.class, "smoothing method", name);
    }
}
