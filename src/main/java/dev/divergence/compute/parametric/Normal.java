package dev.divergence.compute.parametric;

import org.apache.commons.numbers.gamma.Erf;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Normal(loc, scale): density exp(−(x − μ)²/(2σ²))/(σ√(2π)) on ℝ.
 *
 * @see <a href="https://en.wikipedia.org/wiki/Normal_distribution">Normal distribution</a>
 */
public final class Normal extends CommonsContinuous {

    private final double loc;
    private final double scale;

    private Normal(double loc, double scale) {
        super(NormalDistribution.of(InvalidParameterException.finite("loc", loc),
                InvalidParameterException.positive("scale", scale)));
        this.loc = loc;
        this.scale = scale;
    }

    /**
     * @param loc mean μ, finite
     * @param scale standard deviation σ, finite and > 0
     * @return the distribution
     * @throws InvalidParameterException if a parameter is outside its domain
     */
    public static Normal of(double loc, double scale) {
        return new Normal(loc, scale);
    }

    /** @return μ */
    public double loc() {
        return loc;
    }

    /** @return σ */
    public double scale() {
        return scale;
    }

    @Override
    public String family() {
        return "Normal";
    }

    @Override
    public double entropy() {
        // ½ ln(2πe σ²)
        return 0.5 * (StableMath.LN_2PI + 1) + Math.log(scale);
    }

    @Override
    public double mean() {
        return loc;
    }

    @Override
    public double variance() {
        return scale * scale;
    }

    @Override
    public double logMgf(double t) {
        return t * loc + 0.5 * scale * scale * t * t;
    }

    @Override
    public double meanAbsoluteDeviation(double c) {
        // mean of the folded normal |N(μ − c, σ²)|: σ√(2/π) e^{−δ²/(2σ²)} + δ erf(δ/(σ√2))
        double d = loc - c;
        double z = d / scale;
        return scale * Math.sqrt(2 / Math.PI) * Math.exp(-0.5 * z * z) + d * Erf.value(z / Math.sqrt(2));
    }

    @Override
    double crossEntropyFrom(Univariate p) {
        // −E ln q = ½ ln(2πσ²) + (Var X + (E X − μ)²)/(2σ²)
        double var = p.variance();
        if (var == Double.POSITIVE_INFINITY) {
            return var;
        }
        double d = p.mean() - loc;
        return 0.5 * StableMath.LN_2PI + Math.log(scale) + (var + d * d) / (2 * scale * scale);
    }
}
