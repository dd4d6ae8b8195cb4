package dev.divergence.compute.parametric;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * MultivariateNormal(loc, covariance_matrix | precision_matrix | scale_tril) and
 * LowRankMultivariateNormal(loc, cov_factor, cov_diag) with covariance W Wᵀ + diag(D): density
 * (2π)^{−d/2} |Σ|^{−½} exp(−½ (x − μ)ᵀ Σ⁻¹ (x − μ)) on ℝ^d. The covariance is held as its Cholesky factor.
 *
 * @see <a href="https://en.wikipedia.org/wiki/Multivariate_normal_distribution">Multivariate normal distribution</a>
 */
public final class MultivariateNormal extends Multivariate {

    private final String family;
    private final double[] loc;
    private final SymmetricPositiveDefinite covariance;

    private MultivariateNormal(String family, double[] loc, SymmetricPositiveDefinite covariance) {
        for (int i = 0; i < loc.length; i++) {
            if (!(Math.abs(loc[i]) < Double.POSITIVE_INFINITY)) {
                throw new InvalidParameterException("loc", i, "must be finite, was " + loc[i]);
            }
        }
        this.family = family;
        this.loc = loc.clone();
        this.covariance = covariance;
    }

    /**
     * @param loc μ, length d ≥ 1, finite
     * @param covariance Σ, d × d row-major, symmetric positive definite
     * @return the distribution
     * @throws InvalidParameterException if a parameter is outside its domain
     */
    public static MultivariateNormal ofCovariance(double[] loc, double[] covariance) {
        return new MultivariateNormal("MultivariateNormal", loc,
                SymmetricPositiveDefinite.ofMatrix("covariance_matrix", covariance, loc.length));
    }

    /**
     * @param loc μ, length d
     * @param precision Σ⁻¹, d × d row-major, symmetric positive definite
     * @return the distribution
     * @throws InvalidParameterException if a parameter is outside its domain
     */
    public static MultivariateNormal ofPrecision(double[] loc, double[] precision) {
        return new MultivariateNormal("MultivariateNormal", loc,
                SymmetricPositiveDefinite.ofInverse("precision_matrix", precision, loc.length));
    }

    /**
     * @param loc μ, length d
     * @param scaleTril L with Σ = L Lᵀ, lower triangular with a positive diagonal, d × d row-major
     * @return the distribution
     * @throws InvalidParameterException if a parameter is outside its domain
     */
    public static MultivariateNormal ofScaleTril(double[] loc, double[] scaleTril) {
        return new MultivariateNormal("MultivariateNormal", loc,
                SymmetricPositiveDefinite.ofCholesky("scale_tril", scaleTril, loc.length));
    }

    /**
     * @param loc μ, length d
     * @param covFactor W, d × r row-major, finite
     * @param covDiag D, length d, finite and > 0
     * @param rank r ≥ 1
     * @return LowRankMultivariateNormal with Σ = W Wᵀ + diag(D)
     * @throws InvalidParameterException if a parameter is outside its domain
     */
    public static MultivariateNormal ofLowRank(double[] loc, double[] covFactor, double[] covDiag, int rank) {
        return new MultivariateNormal("LowRankMultivariateNormal", loc,
                SymmetricPositiveDefinite.ofLowRank(covFactor, covDiag, loc.length, rank));
    }

    /**
     * @param normals independent univariate normals
     * @param family the family name to report
     * @return the normal on ℝ^d with diagonal covariance having those marginals
     */
    static MultivariateNormal ofIndependent(Normal[] normals, String family) {
        double[] loc = new double[normals.length];
        double[] sd = new double[normals.length];
        for (int i = 0; i < normals.length; i++) {
            loc[i] = normals[i].loc();
            sd[i] = normals[i].scale();
        }
        return new MultivariateNormal(family, loc, SymmetricPositiveDefinite.ofDiagonal(sd));
    }

    double[] loc() {
        return loc;
    }

    SymmetricPositiveDefinite covariance() {
        return covariance;
    }

    @Override
    public String family() {
        return family;
    }

    @Override
    public int dimension() {
        return loc.length;
    }

    @Override
    String space() {
        return "real";
    }

    @Override
    public double logDensity(double[] x) {
        double[] v = new double[loc.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = x[i] - loc[i];
        }
        return -0.5 * (loc.length * StableMath.LN_2PI + covariance.logDeterminant() + covariance.mahalanobisInPlace(v));
    }

    @Override
    public VectorSampler sampler(UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] l = covariance.lowerRows();
        int d = loc.length;
        double[] z = new double[d];
        return out -> {
            for (int i = 0; i < d; i++) {
                z[i] = gaussian.sample();
            }
            for (int i = 0; i < d; i++) {
                double s = loc[i];
                for (int j = 0; j <= i; j++) {
                    s += l[i][j] * z[j];
                }
                out[i] = s;
            }
        };
    }

    /**
     * KL(p ‖ q) = ½[tr(Σq⁻¹Σp) + (μq − μp)ᵀΣq⁻¹(μq − μp) − d + ln|Σq| − ln|Σp|], with the trace and the
     * Mahalanobis term as squared norms of triangular solves.
     */
    static double klDivergence(MultivariateNormal p, MultivariateNormal q) {
        int d = p.dimension();
        double[] diff = new double[d];
        for (int i = 0; i < d; i++) {
            diff[i] = q.loc[i] - p.loc[i];
        }
        double mahalanobis = q.covariance.mahalanobis(diff);
        // near p = q, tr − d − ln det from the eigenvalues of the covariances' relative difference, term by term
        // second order; farther, the trace and the log-determinants' difference as Σ ln of the factors' diagonal ratios
        SymmetricPositiveDefinite.Relative relative = q.covariance.relativeTo(p.covariance);
        double[] e = relative.nearEigenvalues();
        if (e == null) {
            return Math.max(0, 0.5 * (relative.trace() + mahalanobis - d
                    + q.covariance.logDeterminantOver(p.covariance)));
        }
        double shape = 0;
        for (double ei : e) {
            shape += StableMath.xMinusLog1p(ei);
        }
        return Math.max(0, 0.5 * (shape + mahalanobis));
    }
}
