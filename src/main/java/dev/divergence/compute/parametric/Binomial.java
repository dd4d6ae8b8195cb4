package dev.divergence.compute.parametric;

import java.util.function.DoubleSupplier;
import org.apache.commons.numbers.core.Sum;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * Binomial(total_count, probs | logits): the number of successes in n independent trials with success
 * probability π, P(X = k) = C(n, k) π^k (1 − π)^{n−k}, k = 0..n.
 *
 * @see <a href="https://en.wikipedia.org/wiki/Binomial_distribution">Binomial distribution</a>
 */
public final class Binomial extends Univariate {

    private final int totalCount;
    private final Bernoulli trial;
    private final BinomialDistribution delegate;

    private Binomial(int totalCount, Bernoulli trial) {
        this.totalCount = totalCount;
        this.trial = trial;
        this.delegate = BinomialDistribution.of(totalCount, trial.probs());
    }

    /**
     * @param totalCount n, a non-negative integer
     * @param trial the success probability of one trial (from probs or logits)
     * @return the distribution
     * @throws InvalidParameterException if total_count is not a non-negative integer
     */
    public static Binomial of(double totalCount, Bernoulli trial) {
        if (!(totalCount >= 0 && totalCount <= Integer.MAX_VALUE && totalCount == Math.rint(totalCount))) {
            throw new InvalidParameterException("total_count", -1, "must be a non-negative integer, was "
                    + totalCount);
        }
        return new Binomial((int) totalCount, trial);
    }

    int totalCount() {
        return totalCount;
    }

    Bernoulli trial() {
        return trial;
    }

    @Override
    public String family() {
        return "Binomial";
    }

    @Override
    public boolean isDiscrete() {
        return true;
    }

    @Override
    public double supportLower() {
        return trial.log1mProbs() == Double.NEGATIVE_INFINITY ? totalCount : 0;
    }

    @Override
    public double supportUpper() {
        return trial.logProbs() == Double.NEGATIVE_INFINITY ? 0 : totalCount;
    }

    /** Largest support summed for the entropy; beyond it the entropy is left to Monte Carlo. */
    private static final int MAX_ENTROPY_TERMS = 10_000_000;

    @Override
    public double entropy() {
        if (totalCount > MAX_ENTROPY_TERMS) {
            return Double.NaN;
        }
        // a finite sum over the support
        Sum h = Sum.create();
        for (int k = (int) supportLower(); k <= supportUpper(); k++) {
            if ((k & 0xFFFF) == 0xFFFF) {
                dev.divergence.compute.Cancellation.checkpoint();
            }
            double lp = logDensity(k);
            if (lp > Double.NEGATIVE_INFINITY) {
                h.add(-Math.exp(lp) * lp);
            }
        }
        return h.getAsDouble();
    }

    @Override
    public double logDensity(double x) {
        if (!(x >= 0 && x <= totalCount && x == Math.rint(x))) {
            return Double.NEGATIVE_INFINITY;
        }
        return delegate.logProbability((int) x);
    }

    @Override
    public DoubleSupplier sampler(UniformRandomProvider rng) {
        BinomialDistribution.Sampler s = delegate.createSampler(rng);
        return () -> s.sample();
    }

    @Override
    public double mean() {
        return totalCount * trial.probs();
    }

    @Override
    public double variance() {
        return totalCount * trial.probs() * (1 - trial.probs());
    }
}
