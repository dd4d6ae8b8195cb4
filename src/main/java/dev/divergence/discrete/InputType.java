package dev.divergence.discrete;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.divergence.validation.OptionValue;

/** How the entries of a discrete distribution are written. */
public enum InputType implements OptionValue {
    /** Non-negative probabilities (normalized to sum 1 unless {@code normalize} is false). */
    PROBABILITIES(InputType.DEFAULT_NAME),
    /** Non-negative counts, always normalized. */
    COUNTS("counts"),
    /** Natural-log probabilities, −∞ for impossible outcomes; turned into probabilities by softmax. */
    LOG_PROBABILITIES("logProbabilities"),
    /** Unnormalized natural-log weights (logits); turned into probabilities by softmax. */
    LOGITS("logits");

    /** The name of the default, probabilities (a constant, so annotations can name it). */
    public static final String DEFAULT_NAME = "probabilities";

    private final String jsonName;

    InputType(String jsonName) {
        this.jsonName = jsonName;
    }

    /** @return the name used in requests */
    @Override
    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    /** @return true for log-domain inputs (log-probabilities and logits) */
    public boolean logDomain() {
        return this == LOG_PROBABILITIES || this == LOGITS;
    }

    /**
     * @param name a name from a request
     * @return the input type of that name
     * @throws OptionValue.UnknownOptionException for any other name
     */
    @JsonCreator
    public static InputType of(String name) {
        return OptionValue.parse(InputType.class, "input type", name);
    }
}
