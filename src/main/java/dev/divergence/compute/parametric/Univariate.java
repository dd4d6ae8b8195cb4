package dev.divergence.compute.parametric;

import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A distribution on the real line (density) or on the integers (probability mass function).
 *
 * <p>Besides its density, sampler and entropy, a family states the expectations of the statistics that appear in
 * other families' log-densities (E[X], Var X, E[ln X], E|X − c|, ln E[e^{tX}], …), so that the cross-entropy
 * H(P, Q) = −E_P[ln q(X)] of a pair is available in closed form whenever P knows the statistics of Q's
 * log-density (see {@link #crossEntropyFrom}). An expectation without a closed form is NaN; one that diverges
 * is +∞. All logarithms are natural.
 */
public abstract class Univariate implements Distribution {

    Univariate() {
    }

    /** @return true for a probability mass function on the integers, false for a density on ℝ */
    public abstract boolean isDiscrete();

    /** @return the lower end of the closure of the support (−∞ when unbounded) */
    public abstract double supportLower();

    /** @return the upper end of the closure of the support (+∞ when unbounded) */
    public abstract double supportUpper();

    /**
     * @return the (differential, for densities) entropy H(P) = −E[ln p(X)] in nats, NaN when it has no closed form
     */
    public abstract double entropy();

    /**
     * @param x a point (an integer for discrete families)
     * @return ln p(x), −∞ outside the support
     */
    public abstract double logDensity(double x);

    /**
     * @param rng the source of randomness
     * @return a sampler of this distribution (discrete families return integers as doubles)
     */
    public abstract DoubleSupplier sampler(UniformRandomProvider rng);

    /** @return E[X]; NaN when undefined (Cauchy) or without a closed form, +∞ when it diverges */
    public double mean() {
        return Double.NaN;
    }

    /** @return Var X; +∞ when it diverges */
    public double variance() {
        return Double.NaN;
    }

    /** @return E[ln X] for a support in [0, ∞) */
    public double meanLog() {
        return Double.NaN;
    }

    /** @return Var(ln X) for a support in [0, ∞) */
    public double varianceLog() {
        return Double.NaN;
    }

    /** @return E[ln(1 − X)] for a support in [0, 1] */
    public double meanLog1m() {
        return Double.NaN;
    }

    /**
     * @param t the argument, t ≠ 0
     * @return ln E[e^{tX}], the cumulant generating function; +∞ where the expectation diverges
     */
    public double logMgf(double t) {
        return Double.NaN;
    }

    /**
     * @param k the power, k > 0
     * @return E[X^k] for a support in [0, ∞)
     */
    public double meanPower(double k) {
        return Double.NaN;
    }

    /**
     * @param c any real
     * @return E|X − c|
     */
    public double meanAbsoluteDeviation(double c) {
        return Double.NaN;
    }

    /**
     * @param loc location of the Cauchy kernel
     * @param scale scale of the Cauchy kernel, > 0
     * @return E[ln(1 + ((X − loc)/scale)²)]
     */
    public double meanLog1pSquare(double loc, double scale) {
        return Double.NaN;
    }

    /**
     * Cross-entropy from {@code p} to this distribution, −E_P[ln q(X)] with q this density, computed from the
     * expectations {@code p} states. Only called when p's support lies in this one's and both are of the same
     * kind (densities or mass functions).
     *
     * @param p the reference distribution
     * @return H(P, Q) in nats, +∞ when a needed expectation diverges, NaN when one has no closed form
     */
    double crossEntropyFrom(Univariate p) {
        return Double.NaN;
    }

    @Override
    public String toString() {
        return family();
    }

    /** a·x with 0·x = 0 for any x (a coefficient of zero removes the statistic from a log-density). */
    static double times(double a, double x) {
        return a == 0 ? 0 : a * x;
    }
}
