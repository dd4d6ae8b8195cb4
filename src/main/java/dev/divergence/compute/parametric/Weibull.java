package dev.divergence.compute.parametric;

import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedGamma;
import org.apache.commons.statistics.distribution.WeibullDistribution;

/**
 * Weibull(scale, concentration): density (k/λ)(x/λ)^{k−1} e^{−(x/λ)^k} on [0, ∞).
 *
 * @see <a href="https://en.wikipedia.org/wiki/Weibull_distribution">Weibull distribution</a>
 */
public final class Weibull extends CommonsContinuous {

    private final double scale;
    private final double concentration;

    private Weibull(double scale, double concentration) {
        super(WeibullDistribution.of(InvalidParameterException.positive("concentration", concentration),
                InvalidParameterException.positive("scale", scale)));
        this.scale = scale;
        this.concentration = concentration;
    }

    /**
     * @param scale λ, finite and > 0
     * @param concentration shape k, finite and > 0
     * @return the distribution
     * @throws InvalidParameterException if a parameter is outside its domain
     */
    public static Weibull of(double scale, double concentration) {
        return new Weibull(scale, concentration);
    }

    double scale() {
        return scale;
    }

    double concentration() {
        return concentration;
    }

    @Override
    public String family() {
        return "Weibull";
    }

    @Override
    public double entropy() {
        // γ(1 − 1/k) + ln(λ/k) + 1
        return StableMath.EULER * (1 - 1 / concentration) + Math.log(scale / concentration) + 1;
    }

    @Override
    public double mean() {
        return scale * Math.exp(LogGamma.value(1 + 1 / concentration));
    }

    @Override
    public double variance() {
        double g1 = Math.exp(LogGamma.value(1 + 1 / concentration));
        double g2 = Math.exp(LogGamma.value(1 + 2 / concentration));
        return scale * scale * (g2 - g1 * g1);
    }

    @Override
    public double meanLog() {
        return Math.log(scale) - StableMath.EULER / concentration;
    }

    @Override
    public double varianceLog() {
        return Math.PI * Math.PI / (6 * concentration * concentration);
    }

    @Override
    public double meanPower(double j) {
        return Math.exp(j * Math.log(scale) + LogGamma.value(1 + j / concentration));
    }

    @Override
    public double logMgf(double t) {
        return t > 0 && concentration < 1 ? Double.POSITIVE_INFINITY : Double.NaN;
    }

    @Override
    public double meanAbsoluteDeviation(double c) {
        if (c <= 0) {
            return mean() - c;
        }
        // E[(c − X)⁺] = c F(c) − λ Γ(1 + 1/k) P(1 + 1/k, (c/λ)^k)
        double u = Math.pow(c / scale, concentration);
        double below = -c * Math.expm1(-u) - mean() * RegularizedGamma.P.value(1 + 1 / concentration, u);
        return mean() - c + 2 * below;
    }

    @Override
    double crossEntropyFrom(Univariate p) {
        // −ln q(x) = −ln k + k ln λ − (k − 1) ln x + (x/λ)^k
        double power = p.meanPower(concentration);
        if (power == Double.POSITIVE_INFINITY) {
            return power;
        }
        return -Math.log(concentration) + concentration * Math.log(scale) - times(concentration - 1, p.meanLog())
                + Math.exp(Math.log(power) - concentration * Math.log(scale));
    }
}
