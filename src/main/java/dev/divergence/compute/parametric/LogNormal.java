package dev.divergence.compute.parametric;

import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.statistics.distribution.LogNormalDistribution;

/**
 * LogNormal(loc, scale): X = e^Y with Y ~ Normal(loc, scale); density on (0, ∞).
 *
 * @see <a href="https://en.wikipedia.org/wiki/Log-normal_distribution">Log-normal distribution</a>
 */
public final class LogNormal extends CommonsContinuous {

    private final double loc;
    private final double scale;

    private LogNormal(double loc, double scale) {
        super(LogNormalDistribution.of(InvalidParameterException.finite("loc", loc),
                InvalidParameterException.positive("scale", scale)));
        this.loc = loc;
        this.scale = scale;
    }

    /**
     * @param loc mean μ of ln X, finite
     * @param scale standard deviation σ of ln X, finite and > 0
     * @return the distribution
     * @throws InvalidParameterException if a parameter is outside its domain
     */
    public static LogNormal of(double loc, double scale) {
        return new LogNormal(loc, scale);
    }

    /** @return μ of the underlying normal */
    public double loc() {
        return loc;
    }

    /** @return σ of the underlying normal */
    public double scale() {
        return scale;
    }

    @Override
    public String family() {
        return "LogNormal";
    }

    @Override
    public double entropy() {
        // μ + ½ ln(2πe σ²)
        return loc + 0.5 * (StableMath.LN_2PI + 1) + Math.log(scale);
    }

    @Override
    public double mean() {
        return Math.exp(loc + 0.5 * scale * scale);
    }

    @Override
    public double variance() {
        double s2 = scale * scale;
        return Math.expm1(s2) * Math.exp(2 * loc + s2);
    }

    @Override
    public double meanLog() {
        return loc;
    }

    @Override
    public double varianceLog() {
        return scale * scale;
    }

    @Override
    public double logMgf(double t) {
        // diverges for t > 0; no closed form for t < 0
        return t > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }

    @Override
    public double meanPower(double k) {
        return Math.exp(k * loc + 0.5 * k * k * scale * scale);
    }

    @Override
    public double meanAbsoluteDeviation(double c) {
        if (c <= 0) {
            return mean() - c;
        }
        // E|X − c| = E X − c + 2 E[(c − X)⁺], E[(c − X)⁺] = c Φ(d) − e^{μ+σ²/2} Φ(d − σ), d = (ln c − μ)/σ
        double d = (Math.log(c) - loc) / scale;
        double put = c * phi(d) - mean() * phi(d - scale);
        return mean() - c + 2 * put;
    }

    private static double phi(double z) {
        return 0.5 * Erfc.value(-z / Math.sqrt(2));
    }

    @Override
    double crossEntropyFrom(Univariate p) {
        // −ln q(x) = ln x + ln(σ√(2π)) + (ln x − μ)²/(2σ²)
        double m = p.meanLog();
        double v = p.varianceLog();
        if (v == Double.POSITIVE_INFINITY) {
            return v;
        }
        double d = m - loc;
        return m + 0.5 * StableMath.LN_2PI + Math.log(scale) + (v + d * d) / (2 * scale * scale);
    }
}
