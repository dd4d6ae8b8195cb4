package dev.divergence.compute.estimators;

import dev.divergence.compute.Cancellation;
import dev.divergence.compute.parametric.InvalidParameterException;
import dev.divergence.compute.parametric.Multivariate;
import dev.divergence.compute.parametric.MultivariateNormal;
import dev.divergence.compute.parametric.ParametricDivergences;
import org.apache.commons.numbers.core.Sum;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;

/**
 * The k-NN estimate of KL(P ‖ Q) ({@link KnnDivergence}) with its bias estimated on a Gaussian reference and
 * subtracted: a parametric-bootstrap bias correction (Efron and Tibshirani 1993, §10.2 with the parametric
 * bootstrap of §6.5).
 *
 * <p>Why: the k-NN estimator is consistent, but at a fixed sample size its bias grows quickly with the dimension d
 * (it decays like n^(−2/d) for smooth densities; Singh and Póczos 2016). With 5,000 points in 16 dimensions the
 * nearest neighbour is not near, and the estimate of a KL of 0.4 nats can be +70 % off. The bias depends on the
 * sizes n and m, on d and on the shape of P and Q; a Gaussian with the samples' means and covariances has the same
 * sizes, dimension, location, scale and correlation, and its KL is known in closed form. So: fit N(x̄, S_x) and
 * N(ȳ, S_y) (unbiased covariances), draw {@link #REPLICATES} pairs of samples of sizes n and m from them, and take
 * b̂ = mean of the k-NN estimates on those draws − KL(N(x̄, S_x) ‖ N(ȳ, S_y)) as the bias. The answer is
 * D̂ − b̂.
 *
 * <p>What it assumes: that the estimator's bias on the data is close to its bias on Gaussians of the same first
 * two moments. For Gaussian and near-Gaussian data, mixtures and moderately heavy tails in 8 to 32 dimensions this
 * removes most of the bias (docs/samples-accuracy.md has the measured table); for data on lower-dimensional faces
 * (ReLU outputs, many exact zeros) it removes part of it only. In one dimension the bias is small and the
 * correction mainly adds the reference's noise, so callers use the plain estimator there.
 *
 * <p>The draws are seeded: the same samples and seed give the same answer, bit for bit.
 *
 * @see <a href="https://doi.org/10.1109/TIT.2009.2016060">Wang, Kulkarni and Verdú (2009), the k-NN estimator</a>
 * @see <a href="https://doi.org/10.1201/9780429246593">Efron and Tibshirani (1993), An Introduction to the
 *      Bootstrap, Chapman &amp; Hall, ch. 6 and 10</a>
 * @see <a href="https://papers.nips.cc/paper/6169">Singh and Póczos (2016), Finite-sample analysis of fixed-k
 *      nearest neighbor density functional estimators, NeurIPS 29</a>
 */
public final class BiasCorrectedKnn {

    /** The Gaussian reference samples drawn per estimate. */
    public static final int REPLICATES = 2;

    private BiasCorrectedKnn() {
    }

    /**
     * A corrected estimate; all values in nats.
     *
     * @param value D̂ − b̂, the corrected estimate (may be negative)
     * @param raw D̂, the plain k-NN estimate on the samples
     * @param bias b̂, the bias measured on the Gaussian reference
     * @param referenceKl KL between the two fitted Gaussians (the reference's exact value)
     * @param standardError √(se(D̂)² + Σ se(D̂ᵦ)²/B²), from the per-point terms of each k-NN estimate
     *        ({@link KnnDivergence.Estimate#standardError()}): sampling noise only, not the remaining bias
     * @param pointsWithTies as {@link KnnDivergence.Estimate#pointsWithTies()} for the samples
     */
    public record Estimate(double value, double raw, double bias, double referenceKl, double standardError,
            int pointsWithTies) {
    }

    /**
     * @return the work of {@link #estimate} in {@link KnnDivergence#work} units: the plain estimate, and per reference
     *         replicate another plus n + m correlated draws of d² each
     */
    public static double work(int n, int m, int d) {
        return (1 + REPLICATES) * KnnDivergence.work(n, m, d) + REPLICATES * ((double) n + m) * d * d;
    }

    /**
     * @param x n × d sample of P, row-major, finite
     * @param n n ≥ 2
     * @param y m × d sample of Q, row-major, finite
     * @param m m ≥ 2
     * @param d the dimension, ≥ 1
     * @param k 1 ≤ k ≤ min(n − 1, m)
     * @param seed the seed of the reference draws
     * @return the estimate
     * @throws IllegalArgumentException as {@link KnnDivergence#estimate}
     * @throws dev.divergence.compute.parametric.InvalidParameterException with parameter "covariance_matrix" when a
     *         sample covariance is singular (n ≤ d, a constant coordinate, points on a hyperplane): the reference
     *         is undefined
     */
    public static Estimate estimate(double[] xIn, int n, double[] yIn, int m, int d, int k, long seed) {
        double[][] white = whiten(xIn, n, yIn, m, d);
        double[] x = white[0];
        double[] y = white[1];
        KnnDivergence.Estimate plain = KnnDivergence.estimate(x, n, y, m, d, k);
        MultivariateNormal fp = GaussianFit.fit(x, n, d);
        MultivariateNormal fq = GaussianFit.fit(y, m, d);
        double referenceKl = ParametricDivergences.klDivergence(fp, fq).value();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] xs = new double[n * d];
        double[] ys = new double[m * d];
        double referenceSum = 0;
        double referenceVariance = 0;
        for (int b = 0; b < REPLICATES; b++) {
            draw(fp, rng, xs, n, d);
            draw(fq, rng, ys, m, d);
            // Gaussian draws have no ties, so k-NN is defined on them
            KnnDivergence.Estimate e = KnnDivergence.estimate(xs, n, ys, m, d, k);
            referenceSum += e.value();
            referenceVariance += e.standardError() * e.standardError();
        }
        double bias = referenceSum / REPLICATES - referenceKl;
        double se = Math.sqrt(plain.standardError() * plain.standardError()
                + referenceVariance / ((double) REPLICATES * REPLICATES));
        return new Estimate(plain.value() - bias, plain.value(), bias, referenceKl, se, plain.pointsWithTies());
    }

    /**
     * Both samples through one affine map v ↦ L⁻¹D⁻¹(v − μ), with μ the pooled mean, D the pooled standard
     * deviations and LLᵀ the pooled correlation matrix: the pooled sample then has mean 0 and identity covariance.
     * KL is invariant under an invertible affine map of both distributions, so the truth is unchanged, while k-NN's
     * Euclidean neighbourhoods no longer depend on the coordinates' units and correlations.
     *
     * @return the whitened x and y
     * @throws InvalidParameterException when a pooled coordinate is constant or the pooled correlation matrix is
     *         singular (the points lie on a hyperplane)
     */
    static double[][] whiten(double[] x, int n, double[] y, int m, int d) {
        int total = n + m;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (int j = 0; j < d; j++) {
            Sum s = Sum.create();
            for (int i = 0; i < n; i++) {
                s.add(x[i * d + j]);
            }
            for (int i = 0; i < m; i++) {
                s.add(y[i * d + j]);
            }
            mean[j] = s.getAsDouble() / total;
        }
        double[] u = new double[total * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                u[i * d + j] = x[i * d + j] - mean[j];
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < d; j++) {
                u[(n + i) * d + j] = y[i * d + j] - mean[j];
            }
        }
        for (int j = 0; j < d; j++) {
            double ss = 0;
            for (int i = 0; i < total; i++) {
                ss += u[i * d + j] * u[i * d + j];
            }
            sd[j] = Math.sqrt(ss / (total - 1));
            if (!(sd[j] > 0 && sd[j] < Double.POSITIVE_INFINITY)) {
                throw new InvalidParameterException("covariance_matrix", j, "is not positive definite: coordinate "
                        + j + " has no spread in the pooled samples, or a spread past the largest double");
            }
        }
        for (int i = 0; i < total; i++) {
            for (int j = 0; j < d; j++) {
                u[i * d + j] /= sd[j];
            }
        }
        Cancellation.checkpoint();
        double[][] correlation = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                double c = 0;
                for (int i = 0; i < total; i++) {
                    c += u[i * d + a] * u[i * d + b];
                }
                correlation[a][b] = c / (total - 1);
                correlation[b][a] = correlation[a][b];
            }
        }
        double[][] lower;
        try {
            // a correlation matrix: pivots below 1e-14 mean a condition number beyond 1e14, collinear in double
            lower = new CholeskyDecomposition(MatrixUtils.createRealMatrix(correlation), 1e-12, 1e-14).getL()
                    .getData();
        } catch (MathIllegalArgumentException e) {
            throw new InvalidParameterException("covariance_matrix", -1, "is not positive definite: the pooled "
                    + "points lie on a hyperplane");
        }
        // forward substitution, row by row, in place: w = L⁻¹u
        for (int i = 0; i < total; i++) {
            if ((i & 0x3FF) == 0x3FF) {
                Cancellation.checkpoint();
            }
            int o = i * d;
            for (int r = 0; r < d; r++) {
                double v = u[o + r];
                for (int c = 0; c < r; c++) {
                    v -= lower[r][c] * u[o + c];
                }
                u[o + r] = v / lower[r][r];
            }
        }
        double[] wx = new double[n * d];
        double[] wy = new double[m * d];
        System.arraycopy(u, 0, wx, 0, n * d);
        System.arraycopy(u, n * d, wy, 0, m * d);
        return new double[][] {wx, wy};
    }

    private static void draw(MultivariateNormal fit, UniformRandomProvider rng, double[] out, int rows, int d) {
        Multivariate.VectorSampler sampler = fit.sampler(rng);
        double[] row = new double[d];
        for (int i = 0; i < rows; i++) {
            if ((i & 0x3FF) == 0x3FF) {
                Cancellation.checkpoint();
            }
            sampler.sample(row);
            System.arraycopy(row, 0, out, i * d, d);
        }
    }
}
