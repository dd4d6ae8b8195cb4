package dev.divergence.discrete;

/** How the entries of a discrete distribution are written. */
public enum InputType {
    /** Non-negative probabilities (normalized to sum 1 unless {@code normalize} is false). */
    PROBABILITIES("probabilities"),
    /** Non-negative counts, always normalized. */
    COUNTS("counts"),
    /** Natural-log probabilities, −∞ for impossible outcomes; turned into probabilities by softmax. */
    LOG_PROBABILITIES("logProbabilities"),
    /** Unnormalized natural-log weights (logits); turned into probabilities by softmax. */
    LOGITS("logits");

    private final String jsonName;

    InputType(String jsonName) {
        this.jsonName = jsonName;
    }

    /** @return the name used in requests */
    public String jsonName() {
        return jsonName;
    }

    /** @return true for log-domain inputs (log-probabilities and logits) */
    public boolean logDomain() {
        return this == LOG_PROBABILITIES || this == LOGITS;
    }

    static InputType byJsonName(String name) {
        for (InputType t : values()) {
            if (t.jsonName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
