package dev.divergence.compute.parametric;

import java.util.function.DoubleSupplier;
import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * StudentT(df, loc, scale): loc + scale·T with T Student's t with ν = df degrees of freedom, on ℝ.
 *
 * @see <a href="https://en.wikipedia.org/wiki/Student%27s_t-distribution">Student's t-distribution</a>
 */
public final class StudentT extends Univariate {

    private final double df;
    private final double loc;
    private final double scale;
    private final TDistribution delegate;

    private StudentT(double df, double loc, double scale) {
        this.df = InvalidParameterException.positive("df", df);
        this.loc = InvalidParameterException.finite("loc", loc);
        this.scale = InvalidParameterException.positive("scale", scale);
        this.delegate = TDistribution.of(df);
    }

    /**
     * @param df degrees of freedom ν, finite and > 0
     * @param loc location, finite
     * @param scale scale, finite and > 0
     * @return the distribution
     * @throws InvalidParameterException if a parameter is outside its domain
     */
    public static StudentT of(double df, double loc, double scale) {
        return new StudentT(df, loc, scale);
    }

    @Override
    public String family() {
        return "StudentT";
    }

    @Override
    public boolean isDiscrete() {
        return false;
    }

    @Override
    public double supportLower() {
        return Double.NEGATIVE_INFINITY;
    }

    @Override
    public double supportUpper() {
        return Double.POSITIVE_INFINITY;
    }

    double df() {
        return df;
    }

    double loc() {
        return loc;
    }

    double scale() {
        return scale;
    }

    @Override
    public double entropy() {
        // (ν + 1)/2 (ψ((ν + 1)/2) − ψ(ν/2)) + ln(√ν B(ν/2, ½)) + ln scale
        return (df + 1) / 2 * (Digamma.value((df + 1) / 2) - Digamma.value(df / 2))
                + 0.5 * Math.log(df) + LogBeta.value(df / 2, 0.5) + Math.log(scale);
    }

    @Override
    public double logDensity(double x) {
        return delegate.logDensity((x - loc) / scale) - Math.log(scale);
    }

    @Override
    public DoubleSupplier sampler(UniformRandomProvider rng) {
        TDistribution.Sampler s = delegate.createSampler(rng);
        return () -> loc + scale * s.sample();
    }

    @Override
    public double mean() {
        return df > 1 ? loc : Double.NaN;
    }

    @Override
    public double variance() {
        return df > 2 ? scale * scale * df / (df - 2) : Double.POSITIVE_INFINITY;
    }

    @Override
    public double logMgf(double t) {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public double meanAbsoluteDeviation(double c) {
        return df > 1 ? Double.NaN : Double.POSITIVE_INFINITY;
    }
}
