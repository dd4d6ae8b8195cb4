package dev.divergence.compute;

import java.math.BigDecimal;

/**
 * The base of the logarithm in which logarithmic quantities (divergences, entropies) are expressed, with its
 * unit: base e gives nats, 2 bits, 10 hartleys, any other base b &gt; 0, b ≠ 1 the unit {@code "base-b"}.
 *
 * <p>All computations run in natural logarithms; {@link #fromNats(double)} converts a value in nats to this
 * base by dividing by ln b (Cover and Thomas, <i>Elements of Information Theory</i>, 2nd ed., §2.1).
 * Instances are immutable.
 */
public final class LogBase {

    /** Natural logarithm: nats. */
    public static final LogBase NATS = new LogBase(Math.E, 1.0, "nats");
    /** Base 2: bits (shannons). */
    public static final LogBase BITS = new LogBase(2, Math.log(2), "bits");
    /** Base 10: hartleys (bans). */
    public static final LogBase HARTLEYS = new LogBase(10, Math.log(10), "hartleys");

    private final double base;
    private final double lnBase;
    private final String unit;

    private LogBase(double base, double lnBase, String unit) {
        this.base = base;
        this.lnBase = lnBase;
        this.unit = unit;
    }

    /**
     * @param base the logarithm base, finite, &gt; 0 and ≠ 1; {@link Math#E} gives {@link #NATS}
     * @return the base with its unit
     * @throws IllegalArgumentException if the base is not finite, not positive, or equal to 1
     */
    public static LogBase of(double base) {
        if (!(base > 0 && base < Double.POSITIVE_INFINITY) || base == 1) {
            throw new IllegalArgumentException("base must be a finite number > 0 and != 1, was " + base);
        }
        if (base == Math.E) {
            return NATS;
        }
        if (base == 2) {
            return BITS;
        }
        if (base == 10) {
            return HARTLEYS;
        }
        return new LogBase(base, Math.log(base), "base-" + BigDecimal.valueOf(base).stripTrailingZeros().toPlainString());
    }

    /** @return the base b */
    public double base() {
        return base;
    }

    /** @return ln b, the divisor that converts nats to this base */
    public double lnBase() {
        return lnBase;
    }

    /** @return the unit name: {@code nats}, {@code bits}, {@code hartleys} or {@code base-b} */
    public String unit() {
        return unit;
    }

    /**
     * @param nats a logarithmic quantity in nats (may be infinite)
     * @return the same quantity in this base: nats / ln b
     */
    public double fromNats(double nats) {
        return lnBase == 1.0 ? nats : nats / lnBase;
    }

    @Override
    public String toString() {
        return unit;
    }
}
