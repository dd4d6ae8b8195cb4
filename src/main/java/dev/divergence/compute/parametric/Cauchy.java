package dev.divergence.compute.parametric;

import org.apache.commons.statistics.distribution.CauchyDistribution;

/**
 * Cauchy(loc, scale): density 1/(πγ(1 + ((x − x₀)/γ)²)) on ℝ. Its mean is undefined and its variance infinite.
 *
 * @see <a href="https://en.wikipedia.org/wiki/Cauchy_distribution">Cauchy distribution</a>
 */
public final class Cauchy extends CommonsContinuous {

    private final double loc;
    private final double scale;

    private Cauchy(double loc, double scale) {
        super(CauchyDistribution.of(InvalidParameterException.finite("loc", loc),
                InvalidParameterException.positive("scale", scale)));
        this.loc = loc;
        this.scale = scale;
    }

    /**
     * @param loc location x₀ (the median), finite
     * @param scale half width γ, finite and > 0
     * @return the distribution
     * @throws InvalidParameterException if a parameter is outside its domain
     */
    public static Cauchy of(double loc, double scale) {
        return new Cauchy(loc, scale);
    }

    double loc() {
        return loc;
    }

    double scale() {
        return scale;
    }

    @Override
    public String family() {
        return "Cauchy";
    }

    @Override
    public double entropy() {
        return Math.log(4 * Math.PI * scale);
    }

    @Override
    public double variance() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public double logMgf(double t) {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public double meanAbsoluteDeviation(double c) {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public double meanLog1pSquare(double otherLoc, double otherScale) {
        // ln(((γ + s)² + (x₀ − m)²)/s²), from the Cauchy–Cauchy KL of Chyzak and Nielsen (2019)
        double d = loc - otherLoc;
        double sum = scale + otherScale;
        return Math.log((sum * sum + d * d) / (otherScale * otherScale));
    }

    @Override
    double crossEntropyFrom(Univariate p) {
        // −ln q(x) = ln(πγ) + ln(1 + ((x − x₀)/γ)²)
        return StableMath.LN_PI + Math.log(scale) + p.meanLog1pSquare(loc, scale);
    }
}
