package dev.divergence.compute.parametric;

/**
 * A distribution parameter outside its domain (scale ≤ 0, probs outside [0, 1], a covariance matrix that is not
 * symmetric positive definite, …). Knows nothing of HTTP: it names the parameter by its torch name, the index
 * of the offending entry within that parameter's event (−1 for the parameter as a whole) and the reason.
 */
public final class InvalidParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final int index;
    private final String reason;

    /**
     * @param parameter torch parameter name, e.g. {@code scale}
     * @param index row-major index of the offending entry within a vector or matrix parameter, −1 for a scalar
     *        or the whole parameter
     * @param reason what is wrong, e.g. "must be > 0, was -1"
     */
    public InvalidParameterException(String parameter, int index, String reason) {
        super(parameter + (index >= 0 ? "[" + index + "]" : "") + " " + reason);
        this.parameter = parameter;
        this.index = index;
        this.reason = reason;
    }

    /** @return the torch parameter name */
    public String parameter() {
        return parameter;
    }

    /** @return the row-major index within the parameter, or −1 */
    public int index() {
        return index;
    }

    /** @return what is wrong with the value */
    public String reason() {
        return reason;
    }

    static double positive(String name, double value) {
        if (value > 0 && value < Double.POSITIVE_INFINITY) {
            return value;
        }
        throw new InvalidParameterException(name, -1, "must be finite and > 0, was " + value);
    }

    static double finite(String name, double value) {
        if (Math.abs(value) < Double.POSITIVE_INFINITY) {
            return value;
        }
        throw new InvalidParameterException(name, -1, "must be finite, was " + value);
    }

    static double probability(String name, double value, boolean zeroAllowed, boolean oneAllowed) {
        boolean ok = (zeroAllowed ? value >= 0 : value > 0) && (oneAllowed ? value <= 1 : value < 1);
        if (ok) {
            return value;
        }
        throw new InvalidParameterException(name, -1, "must be in " + (zeroAllowed ? "[0" : "(0") + ", "
                + (oneAllowed ? "1]" : "1)") + ", was " + value);
    }
}
