package dev.divergence.compute.parametric;

import org.apache.commons.numbers.gamma.Erf;
import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.statistics.distribution.FoldedNormalDistribution;

/**
 * HalfNormal(scale): |Y| with Y ~ Normal(0, scale); density (2/σ) φ(x/σ) on [0, ∞).
 *
 * @see <a href="https://en.wikipedia.org/wiki/Half-normal_distribution">Half-normal distribution</a>
 */
public final class HalfNormal extends CommonsContinuous {

    private final double scale;

    private HalfNormal(double scale) {
        super(FoldedNormalDistribution.of(0, InvalidParameterException.positive("scale", scale)));
        this.scale = scale;
    }

    /**
     * @param scale σ of the underlying normal, finite and > 0
     * @return the distribution
     * @throws InvalidParameterException if scale is outside its domain
     */
    public static HalfNormal of(double scale) {
        return new HalfNormal(scale);
    }

    /** @return σ */
    public double scale() {
        return scale;
    }

    @Override
    public String family() {
        return "HalfNormal";
    }

    @Override
    public double entropy() {
        // ½ ln(π e σ²/2)
        return 0.5 * (StableMath.LN_PI + 1 - StableMath.LN_2) + Math.log(scale);
    }

    @Override
    public double mean() {
        return scale * Math.sqrt(2 / Math.PI);
    }

    @Override
    public double variance() {
        return scale * scale * (1 - 2 / Math.PI);
    }

    @Override
    public double meanLog() {
        // ln σ + ½ E ln χ²₁ = ln σ + ½(ψ(½) + ln 2) = ln σ − (γ + ln 2)/2
        return Math.log(scale) - 0.5 * (StableMath.EULER + StableMath.LN_2);
    }

    @Override
    public double varianceLog() {
        // ¼ Var ln χ²₁ = ψ′(½)/4 = π²/8
        return Math.PI * Math.PI / 8;
    }

    @Override
    public double meanPower(double k) {
        // σ^k 2^{k/2} Γ((k + 1)/2)/√π
        return Math.exp(k * Math.log(scale) + 0.5 * k * StableMath.LN_2 + LogGamma.value((k + 1) / 2)
                - 0.5 * StableMath.LN_PI);
    }

    @Override
    public double logMgf(double t) {
        // E e^{tX} = 2 e^{σ²t²/2} Φ(σt)
        double st = scale * t;
        return 0.5 * st * st + Math.log(Erfc.value(-st / Math.sqrt(2)));
    }

    @Override
    public double meanAbsoluteDeviation(double c) {
        if (c <= 0) {
            return mean() - c;
        }
        // E[(c − X)⁺] = c (2Φ(c/σ) − 1) − σ√(2/π)(1 − e^{−c²/(2σ²)})
        double z = c / scale;
        double below = c * Erf.value(z / Math.sqrt(2)) + mean() * Math.expm1(-0.5 * z * z);
        return mean() - c + 2 * below;
    }

    @Override
    double crossEntropyFrom(Univariate p) {
        // −ln q(x) = ½ ln(πσ²/2) + x²/(2σ²)
        double var = p.variance();
        if (var == Double.POSITIVE_INFINITY) {
            return var;
        }
        double m = p.mean();
        return 0.5 * (StableMath.LN_PI - StableMath.LN_2) + Math.log(scale) + (var + m * m) / (2 * scale * scale);
    }
}
