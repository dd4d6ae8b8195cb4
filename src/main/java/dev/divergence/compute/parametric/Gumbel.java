package dev.divergence.compute.parametric;

import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.statistics.distribution.GumbelDistribution;

/**
 * Gumbel(loc, scale): density (1/β) e^{−(z + e^{−z})}, z = (x − μ)/β, on ℝ (the maximum-value type I law).
 *
 * @see <a href="https://en.wikipedia.org/wiki/Gumbel_distribution">Gumbel distribution</a>
 */
public final class Gumbel extends CommonsContinuous {

    private final double loc;
    private final double scale;

    private Gumbel(double loc, double scale) {
        super(GumbelDistribution.of(InvalidParameterException.finite("loc", loc),
                InvalidParameterException.positive("scale", scale)));
        this.loc = loc;
        this.scale = scale;
    }

    /**
     * @param loc location μ, finite
     * @param scale scale β, finite and > 0
     * @return the distribution
     * @throws InvalidParameterException if a parameter is outside its domain
     */
    public static Gumbel of(double loc, double scale) {
        return new Gumbel(loc, scale);
    }

    double loc() {
        return loc;
    }

    double scale() {
        return scale;
    }

    @Override
    public String family() {
        return "Gumbel";
    }

    @Override
    public double entropy() {
        return Math.log(scale) + StableMath.EULER + 1;
    }

    @Override
    public double mean() {
        return loc + scale * StableMath.EULER;
    }

    @Override
    public double variance() {
        return Math.PI * Math.PI * scale * scale / 6;
    }

    @Override
    public double logMgf(double t) {
        // Γ(1 − βt) e^{μt} for t < 1/β
        double bt = scale * t;
        return bt < 1 ? t * loc + LogGamma.value(1 - bt) : Double.POSITIVE_INFINITY;
    }

    @Override
    double crossEntropyFrom(Univariate p) {
        // −ln q(x) = ln β + (x − μ)/β + e^{−(x − μ)/β}
        double logTail = p.logMgf(-1 / scale);
        if (logTail == Double.POSITIVE_INFINITY) {
            return logTail;
        }
        double m = p.mean();
        if (m == Double.POSITIVE_INFINITY) {
            return m;
        }
        // e^{μ/β} E e^{−X/β} in the log domain: e^{μ/β} alone can overflow
        return Math.log(scale) + (m - loc) / scale + Math.exp(loc / scale + logTail);
    }
}
