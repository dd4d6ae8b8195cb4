package dev.divergence.compute.parametric;

import org.apache.commons.statistics.distribution.UniformContinuousDistribution;

/**
 * Uniform(low, high): density 1/(b − a) on [a, b].
 *
 * @see <a href="https://en.wikipedia.org/wiki/Continuous_uniform_distribution">Continuous uniform distribution</a>
 */
public final class Uniform extends CommonsContinuous {

    private final double low;
    private final double high;

    private Uniform(double low, double high) {
        super(UniformContinuousDistribution.of(low, high));
        this.low = low;
        this.high = high;
    }

    /**
     * @param low a, finite
     * @param high b, finite and > a, with b − a finite
     * @return the distribution
     * @throws InvalidParameterException if a parameter is outside its domain, or the width b − a overflows double
     *         (a density below 1/1.8e308 cannot be represented here; refused instead of failing inside)
     */
    public static Uniform of(double low, double high) {
        InvalidParameterException.finite("low", low);
        InvalidParameterException.finite("high", high);
        if (!(high > low)) {
            throw new InvalidParameterException("high", -1, "must be > low (" + low + "), was " + high);
        }
        if (Double.isInfinite(high - low)) {
            throw new InvalidParameterException("high", -1, "high − low must be at most 1.7976931348623157e308 "
                    + "(the largest double), was " + high + " − " + low);
        }
        return new Uniform(low, high);
    }

    double low() {
        return low;
    }

    double high() {
        return high;
    }

    @Override
    public String family() {
        return "Uniform";
    }

    @Override
    public double entropy() {
        return Math.log(high - low);
    }

    @Override
    public double mean() {
        return 0.5 * (low + high);
    }

    @Override
    public double variance() {
        double w = high - low;
        return w * w / 12;
    }

    @Override
    public double meanLog() {
        // (b ln b − a ln a)/(b − a) − 1, with 0 ln 0 = 0
        return (StableMath.xlogy(high, high) - StableMath.xlogy(low, low)) / (high - low) - 1;
    }

    @Override
    public double varianceLog() {
        // E[(ln X)²] from the antiderivative x ln²x − 2x ln x + 2x
        double m2 = (logSquareAntiderivative(high) - logSquareAntiderivative(low)) / (high - low);
        double m = meanLog();
        return Math.max(0, m2 - m * m);
    }

    private static double logSquareAntiderivative(double x) {
        if (x == 0) {
            return 0;
        }
        double l = Math.log(x);
        return x * (l * l - 2 * l + 2);
    }

    @Override
    public double meanLog1m() {
        // [(1 − a) ln(1 − a) − (1 − b) ln(1 − b)]/(b − a) − 1
        return (StableMath.xlogy(1 - low, 1 - low) - StableMath.xlogy(1 - high, 1 - high)) / (high - low) - 1;
    }

    @Override
    public double meanPower(double k) {
        // (b^{k+1} − a^{k+1})/((k + 1)(b − a))
        return (Math.pow(high, k + 1) - Math.pow(low, k + 1)) / ((k + 1) * (high - low));
    }

    @Override
    public double logMgf(double t) {
        // ln((e^{tb} − e^{ta})/(t(b − a))) = ta + ln(expm1(u)/u), u = t(b − a)
        return t * low + StableMath.logExpm1Ratio(t * (high - low));
    }

    @Override
    public double meanAbsoluteDeviation(double c) {
        if (c <= low) {
            return mean() - c;
        }
        if (c >= high) {
            return c - mean();
        }
        double l = c - low;
        double h = high - c;
        return (l * l + h * h) / (2 * (high - low));
    }

    @Override
    public double meanLog1pSquare(double loc, double scale) {
        // antiderivative of ln(1 + u²) in u: u ln(1 + u²) − 2u + 2 atan u
        double ua = (low - loc) / scale;
        double ub = (high - loc) / scale;
        return (log1pSquareAntiderivative(ub) - log1pSquareAntiderivative(ua)) / (ub - ua);
    }

    private static double log1pSquareAntiderivative(double u) {
        return u * Math.log1p(u * u) - 2 * u + 2 * Math.atan(u);
    }

    @Override
    double crossEntropyFrom(Univariate p) {
        // p lies inside [a, b] (checked by the caller): −ln q = ln(b − a)
        return Math.log(high - low);
    }
}
