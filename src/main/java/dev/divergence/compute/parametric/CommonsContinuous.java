package dev.divergence.compute.parametric;

import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ContinuousDistribution;

/**
 * A density on ℝ whose log-density, sampler and support come from a Commons Statistics distribution; the
 * subclass adds its parameters, entropy and the expectations its cross-entropies need.
 */
abstract class CommonsContinuous extends Univariate {

    private final ContinuousDistribution delegate;

    CommonsContinuous(ContinuousDistribution delegate) {
        this.delegate = delegate;
    }

    @Override
    public final boolean isDiscrete() {
        return false;
    }

    @Override
    public final double supportLower() {
        return delegate.getSupportLowerBound();
    }

    @Override
    public final double supportUpper() {
        return delegate.getSupportUpperBound();
    }

    @Override
    public final double logDensity(double x) {
        return delegate.logDensity(x);
    }

    @Override
    public final DoubleSupplier sampler(UniformRandomProvider rng) {
        return delegate.createSampler(rng)::sample;
    }
}
