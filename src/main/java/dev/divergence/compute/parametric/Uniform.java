package dev.divergence.compute.parametric;

import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Uniform(low, high): density 1/(b − a) on [a, b]. The width b − a may exceed the largest double (Uniform(−1.7e308,
 * 1.7e308) is a valid distribution): the density, entropy and cross-entropies then use ln(b − a) and (b − a)/2,
 * which stay finite (Commons Statistics' uniform refuses such a range, so this class computes its own density and
 * draws).
 *
 * @see <a href="https://en.wikipedia.org/wiki/Continuous_uniform_distribution">Continuous uniform distribution</a>
 */
public final class Uniform extends Univariate {

    private final double low;
    private final double high;
    /** ln(b − a), once: the density and every cross-entropy use it (Monte Carlo at each draw). */
    private final double logWidth;

    private Uniform(double low, double high) {
        this.low = low;
        this.high = high;
        double w = high - low;
        this.logWidth = w < Double.POSITIVE_INFINITY ? Math.log(w) : Math.log(0.5 * high - 0.5 * low) + StableMath.LN_2;
    }

    @Override
    public boolean isDiscrete() {
        return false;
    }

    @Override
    public double supportLower() {
        return low;
    }

    @Override
    public double supportUpper() {
        return high;
    }

    @Override
    public double logDensity(double x) {
        return x >= low && x <= high ? -logWidth() : Double.NEGATIVE_INFINITY;
    }

    @Override
    public DoubleSupplier sampler(UniformRandomProvider rng) {
        double w = high - low;
        if (w < Double.POSITIVE_INFINITY) {
            return () -> Math.min(high, low + rng.nextDouble() * w);
        }
        double half = halfWidth();
        // a/2 + u (b − a)/2 lies in [a/2, b/2]; doubled, in [a, b]
        return () -> {
            double x = 0.5 * low + rng.nextDouble() * half;
            return Math.min(high, x + x);
        };
    }

    /**
     * @param low a, finite
     * @param high b, finite and > a (b − a may exceed the largest double: the width is then used through its
     *        logarithm, {@link #logWidth()}, and half of it)
     * @return the distribution
     * @throws InvalidParameterException if a parameter is outside its domain
     */
    public static Uniform of(double low, double high) {
        InvalidParameterException.finite("low", low);
        InvalidParameterException.finite("high", high);
        if (!(high > low)) {
            throw new InvalidParameterException("high", -1, "must be > low (" + low + "), was " + high);
        }
        return new Uniform(low, high);
    }

    /** @return ln(b − a), finite even where b − a overflows (as ln(b/2 − a/2) + ln 2) */
    double logWidth() {
        return logWidth;
    }

    /** @return (b − a)/2, finite for every valid pair */
    double halfWidth() {
        return 0.5 * high - 0.5 * low;
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
        return logWidth();
    }

    @Override
    public double mean() {
        return 0.5 * (low + high);
    }

    @Override
    public double variance() {
        double h = halfWidth();
        return h * h / 3;
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
        double w = high - low;
        if (w < Double.POSITIVE_INFINITY || t == 0) {
            return t * low + StableMath.logExpm1Ratio(t * w);
        }
        // b − a overflows, so |u| is far beyond 700 and e^{tb} − e^{ta} is its larger term: tb − ln t − ln(b − a)
        // for t > 0, ta − ln(−t) − ln(b − a) for t < 0 (the dropped log1p(−e^{−|u|}) is 0 in double)
        return t > 0 ? t * high - Math.log(t) - logWidth() : t * low - Math.log(-t) - logWidth();
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
        double w = high - low;
        if (w < Double.POSITIVE_INFINITY) {
            return (l * l + h * h) / (2 * w);
        }
        double half = halfWidth();
        return l * (l / half) / 4 + h * (h / half) / 4;
    }

    @Override
    public double meanLog1pSquare(double loc, double scale) {
        // antiderivative of ln(1 + u²) in u: u ln(1 + u²) − 2u + 2 atan u
        double ua = (low - loc) / scale;
        double ub = (high - loc) / scale;
        double plain = (log1pSquareAntiderivative(ub) - log1pSquareAntiderivative(ua)) / (ub - ua);
        if (Double.isFinite(plain) || !Double.isFinite(ua) || !Double.isFinite(ub)) {
            return plain;
        }
        // the antiderivative or ub − ua overflowed: (ub G(ub) − ua G(ua))/(ub − ua) with G(u) = F(u)/u, the weights
        // from halves
        double half = 0.5 * ub - 0.5 * ua;
        return 0.5 * ub / half * log1pSquareOverU(ub) - 0.5 * ua / half * log1pSquareOverU(ua);
    }

    /** F(u)/u = ln(1 + u²) − 2 + 2 atan(u)/u, with ln(1 + u²) = 2 ln|u| + log1p(u⁻²) where u² would overflow. */
    private static double log1pSquareOverU(double u) {
        if (u == 0) {
            return 0;
        }
        double log1pSquare = Math.abs(u) < 1e150 ? Math.log1p(u * u) : 2 * Math.log(Math.abs(u)) + Math.log1p(1 / u / u);
        return log1pSquare - 2 + 2 * Math.atan(u) / u;
    }

    private static double log1pSquareAntiderivative(double u) {
        return u * Math.log1p(u * u) - 2 * u + 2 * Math.atan(u);
    }

    @Override
    double crossEntropyFrom(Univariate p) {
        // p lies inside [a, b] (checked by the caller): −ln q = ln(b − a)
        return logWidth();
    }
}
