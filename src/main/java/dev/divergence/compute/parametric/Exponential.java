package dev.divergence.compute.parametric;

import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.statistics.distribution.ExponentialDistribution;

/**
 * Exponential(rate): density λ e^{−λx} on [0, ∞).
 *
 * @see <a href="https://en.wikipedia.org/wiki/Exponential_distribution">Exponential distribution</a>
 */
public final class Exponential extends CommonsContinuous {

    private final double rate;

    private Exponential(double rate) {
        super(ExponentialDistribution.of(1 / InvalidParameterException.positive("rate", rate)));
        this.rate = rate;
    }

    /**
     * @param rate λ, finite and > 0
     * @return the distribution
     * @throws InvalidParameterException if rate is outside its domain
     */
    public static Exponential of(double rate) {
        return new Exponential(rate);
    }

    double rate() {
        return rate;
    }

    @Override
    public String family() {
        return "Exponential";
    }

    @Override
    public double entropy() {
        return 1 - Math.log(rate);
    }

    @Override
    public double mean() {
        return 1 / rate;
    }

    @Override
    public double variance() {
        return 1 / (rate * rate);
    }

    @Override
    public double meanLog() {
        return -StableMath.EULER - Math.log(rate);
    }

    @Override
    public double varianceLog() {
        return Math.PI * Math.PI / 6;
    }

    @Override
    public double meanPower(double k) {
        return Math.exp(LogGamma.value(1 + k) - k * Math.log(rate));
    }

    @Override
    public double logMgf(double t) {
        return t < rate ? -Math.log1p(-t / rate) : Double.POSITIVE_INFINITY;
    }

    @Override
    public double meanAbsoluteDeviation(double c) {
        return c <= 0 ? 1 / rate - c : c - 1 / rate + 2 * Math.exp(-rate * c) / rate;
    }

    @Override
    double crossEntropyFrom(Univariate p) {
        // −ln q(x) = −ln λ + λx
        return -Math.log(rate) + rate * p.mean();
    }
}
