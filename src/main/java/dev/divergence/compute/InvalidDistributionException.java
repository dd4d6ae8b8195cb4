package dev.divergence.compute;

/**
 * Thrown when an argument of a computation is outside its domain: a negative, non-finite or out-of-range
 * entry, arrays of different lengths, or a vector that cannot be normalized.
 *
 * <p>It knows nothing of the transport: it names the argument (e.g. {@code "p"}), the index of the offending
 * entry ({@code -1} when the whole argument is at fault) and the offending value ({@code NaN} when none).
 */
public final class InvalidDistributionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String argument;
    private final int index;
    private final double value;

    /**
     * @param argument name of the argument at fault
     * @param index index of the offending entry, or -1 for the whole argument
     * @param value the offending value, or NaN when there is none
     * @param reason what was violated, as a sentence fragment
     */
    public InvalidDistributionException(String argument, int index, double value, String reason) {
        super(argument + (index >= 0 ? "[" + index + "]" : "") + ": " + reason);
        this.argument = argument;
        this.index = index;
        this.value = value;
    }

    /** @return the name of the argument at fault */
    public String argument() {
        return argument;
    }

    /** @return the index of the offending entry, or -1 when the whole argument is at fault */
    public int index() {
        return index;
    }

    /** @return the offending value, or NaN when there is none */
    public double value() {
        return value;
    }

    /** @return the violated condition, without the argument prefix */
    public String reason() {
        String message = getMessage();
        return message.substring(message.indexOf(": ") + 2);
    }
}
