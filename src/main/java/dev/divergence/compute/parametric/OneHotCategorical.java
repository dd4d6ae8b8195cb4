package dev.divergence.compute.parametric;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * OneHotCategorical(probs | logits): a {@link Categorical} whose samples are one-hot vectors of length K.
 */
public final class OneHotCategorical extends Multivariate {

    private final Categorical categorical;

    private OneHotCategorical(Categorical categorical) {
        this.categorical = categorical;
    }

    /**
     * @param categorical the distribution of the hot index
     * @return the distribution
     */
    public static OneHotCategorical of(Categorical categorical) {
        return new OneHotCategorical(categorical);
    }

    Categorical categorical() {
        return categorical;
    }

    @Override
    public String family() {
        return "OneHotCategorical";
    }

    @Override
    public int dimension() {
        return categorical.categories();
    }

    @Override
    String space() {
        return "one-hot";
    }

    @Override
    public double logDensity(double[] x) {
        int hot = -1;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == 1 && hot < 0) {
                hot = i;
            } else if (x[i] != 0) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        return hot < 0 ? Double.NEGATIVE_INFINITY : categorical.logDensity(hot);
    }

    @Override
    public VectorSampler sampler(UniformRandomProvider rng) {
        SharedStateDiscreteSampler s = AliasMethodDiscreteSampler.of(rng, categorical.probs());
        return out -> {
            java.util.Arrays.fill(out, 0);
            out[s.sample()] = 1;
        };
    }
}
