package dev.divergence.compute.parametric;

import dev.divergence.compute.InvalidDistributionException;
import dev.divergence.compute.ProbabilityVectors;
import java.util.function.DoubleSupplier;
import org.apache.commons.numbers.core.Sum;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * Categorical(probs | logits): P(X = k) = p_k, k = 0..K−1 (samples are category indices, as in torch). probs
 * are normalized by their sum and logits by softmax, like torch.
 *
 * @see <a href="https://en.wikipedia.org/wiki/Categorical_distribution">Categorical distribution</a>
 */
public final class Categorical extends Univariate {

    private final double[] probs;
    private final double[] logProbs;

    private Categorical(double[] probs, double[] logProbs) {
        this.probs = probs;
        this.logProbs = logProbs;
    }

    /**
     * @param probs non-negative weights, K ≥ 1, not all zero; copied
     * @return the distribution with p = probs / Σ probs
     * @throws InvalidParameterException if an entry is negative or not finite, or all are zero
     */
    public static Categorical ofProbs(double[] probs) {
        double[] p = probs.clone();
        try {
            ProbabilityVectors.normalizeInPlace(p, "probs");
        } catch (InvalidDistributionException e) {
            throw new InvalidParameterException("probs", e.index(), e.reason() + ", was " + e.value());
        }
        double[] lp = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            lp[i] = Math.log(p[i]);
        }
        return new Categorical(p, lp);
    }

    /**
     * @param logits natural-log weights, K ≥ 1, finite or −∞, not all −∞; copied
     * @return the distribution with p = softmax(logits)
     * @throws InvalidParameterException if an entry is NaN or +∞, or all are −∞
     */
    public static Categorical ofLogits(double[] logits) {
        double lse;
        try {
            lse = ProbabilityVectors.logSumExp(logits, "logits");
        } catch (InvalidDistributionException e) {
            throw new InvalidParameterException("logits", e.index(), e.reason() + ", was " + e.value());
        }
        if (lse == Double.NEGATIVE_INFINITY) {
            throw new InvalidParameterException("logits", -1, "must not all be -Infinity");
        }
        double[] lp = new double[logits.length];
        double[] p = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            // log-probabilities straight from the logits: no round trip through exp and log
            lp[i] = logits[i] - lse;
            p[i] = Math.exp(lp[i]);
        }
        return new Categorical(p, lp);
    }

    /** @return K */
    public int categories() {
        return probs.length;
    }

    double probability(int k) {
        return probs[k];
    }

    double[] probs() {
        return probs;
    }

    double[] logProbs() {
        return logProbs;
    }

    @Override
    public String family() {
        return "Categorical";
    }

    @Override
    public boolean isDiscrete() {
        return true;
    }

    @Override
    public double supportLower() {
        // a category is outside the support only when its log-probability is −∞: logits like −800 give a
        // probability that underflows to 0 but a finite log-probability
        int k = 0;
        while (logProbs[k] == Double.NEGATIVE_INFINITY) {
            k++;
        }
        return k;
    }

    @Override
    public double supportUpper() {
        int k = probs.length - 1;
        while (logProbs[k] == Double.NEGATIVE_INFINITY) {
            k--;
        }
        return k;
    }

    @Override
    public double entropy() {
        Sum h = Sum.create();
        for (int k = 0; k < probs.length; k++) {
            h.add(-times(probs[k], logProbs[k]));
        }
        return h.getAsDouble();
    }

    @Override
    public double logDensity(double x) {
        if (!(x >= 0 && x < probs.length && x == Math.rint(x))) {
            return Double.NEGATIVE_INFINITY;
        }
        return logProbs[(int) x];
    }

    @Override
    public DoubleSupplier sampler(UniformRandomProvider rng) {
        SharedStateDiscreteSampler s = AliasMethodDiscreteSampler.of(rng, probs);
        return () -> s.sample();
    }

    @Override
    public double mean() {
        Sum m = Sum.create();
        for (int k = 1; k < probs.length; k++) {
            m.add(k * probs[k]);
        }
        return m.getAsDouble();
    }
}
