package dev.divergence.compute.parametric;

import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.CauchyDistribution;

/**
 * HalfCauchy(scale): |Y| with Y ~ Cauchy(0, scale); density 2/(πγ(1 + (x/γ)²)) on [0, ∞).
 *
 * @see <a href="https://en.wikipedia.org/wiki/Cauchy_distribution">Cauchy distribution</a>
 */
public final class HalfCauchy extends Univariate {

    private final double scale;
    private final CauchyDistribution delegate;

    private HalfCauchy(double scale) {
        this.scale = InvalidParameterException.positive("scale", scale);
        this.delegate = CauchyDistribution.of(0, scale);
    }

    /**
     * @param scale γ, finite and > 0
     * @return the distribution
     * @throws InvalidParameterException if scale is outside its domain
     */
    public static HalfCauchy of(double scale) {
        return new HalfCauchy(scale);
    }

    double scale() {
        return scale;
    }

    @Override
    public String family() {
        return "HalfCauchy";
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
        return Math.log(2 * Math.PI * scale);
    }

    @Override
    public double logDensity(double x) {
        return x >= 0 ? StableMath.LN_2 + delegate.logDensity(x) : Double.NEGATIVE_INFINITY;
    }

    @Override
    public DoubleSupplier sampler(UniformRandomProvider rng) {
        CauchyDistribution.Sampler s = delegate.createSampler(rng);
        return () -> Math.abs(s.sample());
    }

    @Override
    public double mean() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public double variance() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public double meanLog() {
        // ln(X/γ) has the hyperbolic secant law 1/(π cosh y): mean 0, variance π²/4
        return Math.log(scale);
    }

    @Override
    public double varianceLog() {
        return Math.PI * Math.PI / 4;
    }

    @Override
    public double meanPower(double k) {
        // E[(X/γ)^k] = 1/cos(πk/2) for 0 < k < 1
        return k < 1 ? Math.pow(scale, k) / Math.cos(Math.PI * k / 2) : Double.POSITIVE_INFINITY;
    }

    @Override
    public double logMgf(double t) {
        return t > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }

    @Override
    public double meanAbsoluteDeviation(double c) {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public double meanLog1pSquare(double otherLoc, double otherScale) {
        // for a kernel centred at 0 the fold changes nothing: 2 ln(1 + γ/s)
        return otherLoc == 0 ? 2 * Math.log1p(scale / otherScale) : Double.NaN;
    }

    @Override
    double crossEntropyFrom(Univariate p) {
        // −ln q(x) = ln(πγ/2) + ln(1 + (x/γ)²)
        return StableMath.LN_PI - StableMath.LN_2 + Math.log(scale) + p.meanLog1pSquare(0, scale);
    }
}
