package dev.divergence.compute.parametric;

import org.apache.commons.statistics.distribution.LaplaceDistribution;

/**
 * Laplace(loc, scale): density e^{−|x − μ|/b}/(2b) on ℝ.
 *
 * @see <a href="https://en.wikipedia.org/wiki/Laplace_distribution">Laplace distribution</a>
 */
public final class Laplace extends CommonsContinuous {

    private final double loc;
    private final double scale;

    private Laplace(double loc, double scale) {
        super(LaplaceDistribution.of(InvalidParameterException.finite("loc", loc),
                InvalidParameterException.positive("scale", scale)));
        this.loc = loc;
        this.scale = scale;
    }

    /**
     * @param loc location μ, finite
     * @param scale scale b, finite and > 0
     * @return the distribution
     * @throws InvalidParameterException if a parameter is outside its domain
     */
    public static Laplace of(double loc, double scale) {
        return new Laplace(loc, scale);
    }

    double loc() {
        return loc;
    }

    double scale() {
        return scale;
    }

    @Override
    public String family() {
        return "Laplace";
    }

    @Override
    public double entropy() {
        return 1 + StableMath.LN_2 + Math.log(scale);
    }

    @Override
    public double mean() {
        return loc;
    }

    @Override
    public double variance() {
        return 2 * scale * scale;
    }

    @Override
    public double logMgf(double t) {
        // e^{μt}/(1 − b²t²) for |t| < 1/b
        double bt = scale * t;
        return Math.abs(bt) < 1 ? t * loc - Math.log1p(-bt * bt) : Double.POSITIVE_INFINITY;
    }

    @Override
    public double meanAbsoluteDeviation(double c) {
        double d = Math.abs(loc - c);
        return d + scale * Math.exp(-d / scale);
    }

    @Override
    double crossEntropyFrom(Univariate p) {
        // −ln q(x) = ln(2b) + |x − μ|/b
        return StableMath.LN_2 + Math.log(scale) + p.meanAbsoluteDeviation(loc) / scale;
    }
}
