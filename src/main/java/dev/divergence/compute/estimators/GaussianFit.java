package dev.divergence.compute.estimators;

import dev.divergence.compute.parametric.MultivariateNormal;
import dev.divergence.compute.parametric.ParametricDivergences;
import org.apache.commons.numbers.core.Sum;

/**
 * The Gaussian plug-in estimator: fit a normal distribution to each sample (sample mean, and the unbiased sample
 * covariance with divisor n − 1) and return the closed-form KL between the two fits. Exact for normal data up to
 * the estimation error of the moments; for other data it is the KL between the best normal approximations.
 */
public final class GaussianFit {

    private GaussianFit() {
    }

    /**
     * @param x n × d sample of P, row-major, n ≥ 2
     * @param n n
     * @param y m × d sample of Q, row-major, m ≥ 2
     * @param m m
     * @param d the dimension
     * @return KL(N(x̄, S_x) ‖ N(ȳ, S_y)) in nats
     * @throws dev.divergence.compute.parametric.InvalidParameterException with parameter "covariance_matrix" if a
     *         sample covariance is singular (n ≤ d, or points on a hyperplane)
     */
    public static double klDivergence(double[] x, int n, double[] y, int m, int d) {
        return ParametricDivergences.klDivergence(fit(x, n, d), fit(y, m, d)).value();
    }

    static MultivariateNormal fit(double[] x, int n, int d) {
        double[] mean = new double[d];
        for (int j = 0; j < d; j++) {
            Sum s = Sum.create();
            for (int i = 0; i < n; i++) {
                s.add(x[i * d + j]);
            }
            mean[j] = s.getAsDouble() / n;
        }
        double[] cov = new double[d * d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                Sum s = Sum.create();
                for (int i = 0; i < n; i++) {
                    s.add((x[i * d + a] - mean[a]) * (x[i * d + b] - mean[b]));
                }
                double c = s.getAsDouble() / (n - 1);
                cov[a * d + b] = c;
                cov[b * d + a] = c;
            }
        }
        return MultivariateNormal.ofCovariance(mean, cov);
    }
}
