package dev.divergence.compute.parametric;

import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/**
 * Poisson(rate): P(X = k) = λ^k e^{−λ}/k!, k = 0, 1, …; rate 0 is the point mass at 0 (as in torch).
 *
 * @see <a href="https://en.wikipedia.org/wiki/Poisson_distribution">Poisson distribution</a>
 */
public final class Poisson extends Univariate {

    private final double rate;
    private final PoissonDistribution delegate;

    private Poisson(double rate) {
        if (!(rate >= 0 && rate < Double.POSITIVE_INFINITY)) {
            throw new InvalidParameterException("rate", -1, "must be finite and >= 0, was " + rate);
        }
        this.rate = rate;
        this.delegate = rate > 0 ? PoissonDistribution.of(rate) : null;
    }

    /**
     * @param rate λ, finite and ≥ 0
     * @return the distribution
     * @throws InvalidParameterException if rate is outside its domain
     */
    public static Poisson of(double rate) {
        return new Poisson(rate);
    }

    double rate() {
        return rate;
    }

    @Override
    public String family() {
        return "Poisson";
    }

    @Override
    public boolean isDiscrete() {
        return true;
    }

    @Override
    public double supportLower() {
        return 0;
    }

    @Override
    public double supportUpper() {
        return rate == 0 ? 0 : Double.POSITIVE_INFINITY;
    }

    @Override
    public double entropy() {
        // an infinite series without a closed form, except for the point mass
        return rate == 0 ? 0 : Double.NaN;
    }

    @Override
    public double logDensity(double x) {
        if (!(x >= 0 && x == Math.rint(x) && x <= Integer.MAX_VALUE)) {
            return Double.NEGATIVE_INFINITY;
        }
        if (delegate == null) {
            return x == 0 ? 0 : Double.NEGATIVE_INFINITY;
        }
        return delegate.logProbability((int) x);
    }

    @Override
    public DoubleSupplier sampler(UniformRandomProvider rng) {
        if (delegate == null) {
            return () -> 0;
        }
        PoissonDistribution.Sampler s = delegate.createSampler(rng);
        return () -> s.sample();
    }

    @Override
    public double mean() {
        return rate;
    }

    @Override
    public double variance() {
        return rate;
    }
}
