package dev.divergence.compute.parametric;

import java.util.function.DoubleSupplier;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ExponentialDistribution;

/**
 * Exponential(rate): density λ e^{−λx} on [0, ∞).
 *
 * @see <a href="https://en.wikipedia.org/wiki/Exponential_distribution">Exponential distribution</a>
 */
public final class Exponential extends Univariate {

    private final double rate;
    private final ExponentialDistribution delegate;

    private Exponential(double rate) {
        this.rate = InvalidParameterException.positive("rate", rate);
        this.delegate = ExponentialDistribution.of(1 / rate);
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
    public boolean isDiscrete() {
        return false;
    }

    @Override
    public double supportLower() {
        return 0;
    }

    @Override
    public double supportUpper() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public double entropy() {
        return 1 - Math.log(rate);
    }

    @Override
    public double logDensity(double x) {
        return delegate.logDensity(x);
    }

    @Override
    public DoubleSupplier sampler(UniformRandomProvider rng) {
        return delegate.createSampler(rng)::sample;
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
