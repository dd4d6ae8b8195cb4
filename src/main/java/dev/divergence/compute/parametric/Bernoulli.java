package dev.divergence.compute.parametric;

import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Bernoulli(probs | logits): P(X = 1) = π, P(X = 0) = 1 − π. Keeps ln π and ln(1 − π) separately, each
 * accurate also when π is given as extreme logits.
 *
 * @see <a href="https://en.wikipedia.org/wiki/Bernoulli_distribution">Bernoulli distribution</a>
 */
public final class Bernoulli extends Univariate {

    private final double probs;
    private final double logProbs;
    private final double log1mProbs;

    private Bernoulli(double probs, double logProbs, double log1mProbs) {
        this.probs = probs;
        this.logProbs = logProbs;
        this.log1mProbs = log1mProbs;
    }

    /**
     * @param probs π in [0, 1]
     * @return the distribution
     * @throws InvalidParameterException if probs is outside [0, 1]
     */
    public static Bernoulli ofProbs(double probs) {
        InvalidParameterException.probability("probs", probs, true, true);
        return new Bernoulli(probs, Math.log(probs), Math.log1p(-probs));
    }

    /**
     * @param logits ln(π/(1 − π)), finite
     * @return the distribution
     * @throws InvalidParameterException if logits is not finite
     */
    public static Bernoulli ofLogits(double logits) {
        InvalidParameterException.finite("logits", logits);
        // ln σ(l) = −softplus(−l), ln(1 − σ(l)) = −softplus(l)
        return new Bernoulli(1 / (1 + Math.exp(-logits)), -StableMath.softplus(-logits), -StableMath.softplus(logits));
    }

    double probs() {
        return probs;
    }

    double logProbs() {
        return logProbs;
    }

    double log1mProbs() {
        return log1mProbs;
    }

    @Override
    public String family() {
        return "Bernoulli";
    }

    @Override
    public boolean isDiscrete() {
        return true;
    }

    @Override
    public double supportLower() {
        // from the logarithms: logits of ±800 give a probability that rounds to 0 or 1 but finite logs
        return log1mProbs == Double.NEGATIVE_INFINITY ? 1 : 0;
    }

    @Override
    public double supportUpper() {
        return logProbs == Double.NEGATIVE_INFINITY ? 0 : 1;
    }

    @Override
    public double entropy() {
        return -times(probs, logProbs) - times(1 - probs, log1mProbs);
    }

    @Override
    public double logDensity(double x) {
        return x == 1 ? logProbs : x == 0 ? log1mProbs : Double.NEGATIVE_INFINITY;
    }

    @Override
    public DoubleSupplier sampler(UniformRandomProvider rng) {
        return () -> rng.nextDouble() < probs ? 1 : 0;
    }

    @Override
    public double mean() {
        return probs;
    }

    @Override
    public double variance() {
        return probs * (1 - probs);
    }
}
