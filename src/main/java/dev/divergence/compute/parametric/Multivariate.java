package dev.divergence.compute.parametric;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A distribution on vectors of a fixed length: ℝ^d (MultivariateNormal), the simplex (Dirichlet), one-hot
 * vectors (OneHotCategorical), symmetric positive-definite matrices written row-major (Wishart), or a product
 * of independent components (Independent).
 */
public abstract class Multivariate implements Distribution {

    Multivariate() {
    }

    /** Fills a vector with one draw. */
    @FunctionalInterface
    public interface VectorSampler {
        /** @param out receives one sample, length {@link #dimension()} */
        void sample(double[] out);
    }

    /** @return the length of a sample */
    public abstract int dimension();

    /** @return d², the work of a triangular solve or a correlated draw (see {@link Distribution#cost()}) */
    @Override
    public long cost() {
        long d = dimension();
        return d * d;
    }

    /**
     * @param x a point, length {@link #dimension()}
     * @return ln p(x), −∞ outside the support
     */
    public abstract double logDensity(double[] x);

    /**
     * @param rng the source of randomness
     * @return a sampler of this distribution
     */
    public abstract VectorSampler sampler(UniformRandomProvider rng);

    /**
     * @return a label of the sample space (e.g. "simplex"); two distributions can be compared only when their
     *         spaces and dimensions agree
     */
    abstract String space();

    @Override
    public String toString() {
        return family() + "(d=" + dimension() + ")";
    }
}
