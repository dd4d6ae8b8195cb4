package dev.divergence.compute.parametric;

import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.GeometricDistribution;

/**
 * Geometric(probs | logits): the number of failures before the first success, P(X = k) = (1 − π)^k π,
 * k = 0, 1, … (torch's and Commons Statistics' convention).
 *
 * @see <a href="https://en.wikipedia.org/wiki/Geometric_distribution">Geometric distribution</a>
 */
public final class Geometric extends Univariate {

    private final Bernoulli trial;
    private final GeometricDistribution delegate;

    private Geometric(Bernoulli trial) {
        if (!(trial.probs() > 0)) {
            throw new InvalidParameterException(trial.probs() == 0 ? "probs" : "logits", -1,
                    "must give a success probability > 0, was " + trial.probs());
        }
        this.trial = trial;
        this.delegate = GeometricDistribution.of(trial.probs());
    }

    /**
     * @param trial the success probability π of one trial, π in (0, 1]
     * @return the distribution
     * @throws InvalidParameterException if π = 0
     */
    public static Geometric of(Bernoulli trial) {
        return new Geometric(trial);
    }

    Bernoulli trial() {
        return trial;
    }

    @Override
    public String family() {
        return "Geometric";
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
        return trial.log1mProbs() == Double.NEGATIVE_INFINITY ? 0 : Double.POSITIVE_INFINITY;
    }

    @Override
    public double entropy() {
        // −[(1 − π) ln(1 − π) + π ln π]/π
        double p = trial.probs();
        return -(times(1 - p, trial.log1mProbs()) + p * trial.logProbs()) / p;
    }

    @Override
    public double logDensity(double x) {
        if (!(x >= 0 && x == Math.rint(x))) {
            return Double.NEGATIVE_INFINITY;
        }
        return x == 0 ? trial.logProbs() : times(x, trial.log1mProbs()) + trial.logProbs();
    }

    @Override
    public DoubleSupplier sampler(UniformRandomProvider rng) {
        GeometricDistribution.Sampler s = delegate.createSampler(rng);
        return () -> s.sample();
    }

    @Override
    public double mean() {
        return (1 - trial.probs()) / trial.probs();
    }

    @Override
    public double variance() {
        double p = trial.probs();
        return (1 - p) / (p * p);
    }

    @Override
    double crossEntropyFrom(Univariate p) {
        // −ln q(k) = −k ln(1 − π) − ln π
        double m = p.mean();
        if (m == Double.POSITIVE_INFINITY) {
            return m;
        }
        return -times(m, trial.log1mProbs()) - trial.logProbs();
    }
}
