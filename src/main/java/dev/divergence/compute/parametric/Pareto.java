package dev.divergence.compute.parametric;

import org.apache.commons.statistics.distribution.ParetoDistribution;

/**
 * Pareto(scale, alpha): density α x_m^α / x^{α+1} on [x_m, ∞). Moments of order ≥ α diverge.
 *
 * @see <a href="https://en.wikipedia.org/wiki/Pareto_distribution">Pareto distribution</a>
 */
public final class Pareto extends CommonsContinuous {

    private final double scale;
    private final double alpha;

    private Pareto(double scale, double alpha) {
        super(ParetoDistribution.of(InvalidParameterException.positive("scale", scale),
                InvalidParameterException.positive("alpha", alpha)));
        this.scale = scale;
        this.alpha = alpha;
    }

    /**
     * @param scale x_m, the lower end of the support, finite and > 0
     * @param alpha tail index α, finite and > 0
     * @return the distribution
     * @throws InvalidParameterException if a parameter is outside its domain
     */
    public static Pareto of(double scale, double alpha) {
        return new Pareto(scale, alpha);
    }

    double scale() {
        return scale;
    }

    double alpha() {
        return alpha;
    }

    @Override
    public String family() {
        return "Pareto";
    }

    @Override
    public double entropy() {
        return Math.log(scale / alpha) + 1 / alpha + 1;
    }

    @Override
    public double mean() {
        return alpha > 1 ? alpha * scale / (alpha - 1) : Double.POSITIVE_INFINITY;
    }

    @Override
    public double variance() {
        return alpha > 2 ? scale * scale * alpha / ((alpha - 1) * (alpha - 1) * (alpha - 2)) : Double.POSITIVE_INFINITY;
    }

    @Override
    public double meanLog() {
        return Math.log(scale) + 1 / alpha;
    }

    @Override
    public double varianceLog() {
        return 1 / (alpha * alpha);
    }

    @Override
    public double meanPower(double k) {
        return k < alpha ? alpha * Math.pow(scale, k) / (alpha - k) : Double.POSITIVE_INFINITY;
    }

    @Override
    public double logMgf(double t) {
        return t > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }

    @Override
    public double meanAbsoluteDeviation(double c) {
        double m = mean();
        if (m == Double.POSITIVE_INFINITY || c <= scale) {
            return m - c;
        }
        // E[(c − X)⁺] = c (1 − (x_m/c)^α) − α x_m (1 − (x_m/c)^{α−1})/(α − 1)
        double r = scale / c;
        double below = -c * Math.expm1(alpha * Math.log(r)) + m * Math.expm1((alpha - 1) * Math.log(r));
        return m - c + 2 * below;
    }

    @Override
    double crossEntropyFrom(Univariate p) {
        // −ln q(x) = −ln α − α ln x_m + (α + 1) ln x
        return -Math.log(alpha) - alpha * Math.log(scale) + (alpha + 1) * p.meanLog();
    }
}
