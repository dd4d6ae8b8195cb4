package dev.divergence.compute.parametric;

import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * MixtureSameFamily of univariate components: density Σ_i w_i f_i(x), with the weights of a Categorical
 * {@code mixture_distribution}. Its entropy has no closed form, so divergences involving a mixture are estimated
 * by Monte Carlo.
 *
 * @see <a href="https://en.wikipedia.org/wiki/Mixture_distribution">Mixture distribution</a>
 */
public final class Mixture extends Univariate {

    private final Categorical weights;
    private final Univariate[] components;

    private Mixture(Categorical weights, Univariate[] components) {
        this.weights = weights;
        this.components = components;
    }

    /**
     * @param weights the mixing distribution over K components
     * @param components K components of one family
     * @return the mixture
     * @throws InvalidParameterException if the counts differ or the components mix densities and mass functions
     */
    public static Mixture of(Categorical weights, Univariate[] components) {
        if (components.length != weights.categories()) {
            throw new InvalidParameterException("component_distribution", -1, "has " + components.length
                    + " components but mixture_distribution has " + weights.categories() + " categories");
        }
        for (Univariate c : components) {
            if (c.isDiscrete() != components[0].isDiscrete()) {
                throw new InvalidParameterException("component_distribution", -1,
                        "must be all densities or all mass functions");
            }
        }
        return new Mixture(weights, components.clone());
    }

    /** @return the components' work together: every density evaluation visits each of them */
    @Override
    public long cost() {
        long c = 0;
        for (Univariate component : components) {
            c += component.cost();
        }
        return Math.max(1, c);
    }

    @Override
    public String family() {
        return "MixtureSameFamily";
    }

    @Override
    public boolean isDiscrete() {
        return components[0].isDiscrete();
    }

    @Override
    public double supportLower() {
        double lo = Double.POSITIVE_INFINITY;
        for (int i = 0; i < components.length; i++) {
            if (weights.probability(i) > 0) {
                lo = Math.min(lo, components[i].supportLower());
            }
        }
        return lo;
    }

    @Override
    public double supportUpper() {
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < components.length; i++) {
            if (weights.probability(i) > 0) {
                hi = Math.max(hi, components[i].supportUpper());
            }
        }
        return hi;
    }

    @Override
    public double entropy() {
        return Double.NaN;
    }

    @Override
    public double logDensity(double x) {
        double[] logTerms = new double[components.length];
        for (int i = 0; i < components.length; i++) {
            logTerms[i] = weights.logProbs()[i] + components[i].logDensity(x);
        }
        return StableMath.logSumExp(logTerms);
    }

    @Override
    public DoubleSupplier sampler(UniformRandomProvider rng) {
        SharedStateDiscreteSampler pick = AliasMethodDiscreteSampler.of(rng, weights.probs());
        DoubleSupplier[] samplers = new DoubleSupplier[components.length];
        for (int i = 0; i < components.length; i++) {
            samplers[i] = components[i].sampler(rng);
        }
        return () -> samplers[pick.sample()].getAsDouble();
    }
}
