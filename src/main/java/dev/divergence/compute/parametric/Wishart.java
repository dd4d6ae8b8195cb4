package dev.divergence.compute.parametric;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Wishart(df, covariance_matrix | precision_matrix | scale_tril): the law of Σ_{i=1..n} x_i x_iᵀ with x_i ~ N(0, V),
 * n = df > d − 1, on symmetric positive-definite d × d matrices (samples are written row-major, length d²);
 * E[X] = nV.
 *
 * @see <a href="https://en.wikipedia.org/wiki/Wishart_distribution">Wishart distribution</a>
 */
public final class Wishart extends Multivariate {

    private final double df;
    private final SymmetricPositiveDefinite scale;

    private Wishart(double df, SymmetricPositiveDefinite scale) {
        int d = scale.dimension();
        if (!(df > d - 1 && df < Double.POSITIVE_INFINITY)) {
            throw new InvalidParameterException("df", -1, "must be finite and > d - 1 = " + (d - 1) + ", was " + df);
        }
        this.df = df;
        this.scale = scale;
    }

    /**
     * @param df n, finite and > d − 1
     * @param covariance V, d × d row-major, symmetric positive definite
     * @param d the dimension
     * @return the distribution
     * @throws InvalidParameterException if a parameter is outside its domain
     */
    public static Wishart ofCovariance(double df, double[] covariance, int d) {
        return new Wishart(df, SymmetricPositiveDefinite.ofMatrix("covariance_matrix", covariance, d));
    }

    /**
     * @param df n
     * @param precision V⁻¹, d × d row-major
     * @param d the dimension
     * @return the distribution
     * @throws InvalidParameterException if a parameter is outside its domain
     */
    public static Wishart ofPrecision(double df, double[] precision, int d) {
        return new Wishart(df, SymmetricPositiveDefinite.ofInverse("precision_matrix", precision, d));
    }

    /**
     * @param df n
     * @param scaleTril L with V = L Lᵀ, d × d row-major
     * @param d the dimension
     * @return the distribution
     * @throws InvalidParameterException if a parameter is outside its domain
     */
    public static Wishart ofScaleTril(double df, double[] scaleTril, int d) {
        return new Wishart(df, SymmetricPositiveDefinite.ofCholesky("scale_tril", scaleTril, d));
    }

    @Override
    public String family() {
        return "Wishart";
    }

    /** @return d, the side of the matrices */
    public int side() {
        return scale.dimension();
    }

    /** @return d³ for d × d matrices: a draw and a density each factor one */
    @Override
    public long cost() {
        long d = side();
        return d * d * d;
    }

    @Override
    public int dimension() {
        return side() * side();
    }

    @Override
    String space() {
        return "positive-definite";
    }

    @Override
    public double logDensity(double[] x) {
        int d = side();
        SymmetricPositiveDefinite m;
        try {
            m = SymmetricPositiveDefinite.ofMatrix("x", x, d);
        } catch (InvalidParameterException e) {
            return Double.NEGATIVE_INFINITY;
        }
        // ((n − d − 1)/2) ln|X| − ½ tr(V⁻¹X) − (nd/2) ln 2 − (n/2) ln|V| − ln Γ_d(n/2)
        return 0.5 * (df - d - 1) * m.logDeterminant() - 0.5 * scale.traceOfInverseTimes(m)
                - 0.5 * df * d * StableMath.LN_2 - 0.5 * df * scale.logDeterminant()
                - StableMath.multivariateLgamma(df / 2, d);
    }

    @Override
    public VectorSampler sampler(UniformRandomProvider rng) {
        // Bartlett decomposition: X = (L A)(L A)ᵀ, A lower triangular, A_ii² ~ χ²(n − i), A_ij ~ N(0, 1) below
        int d = side();
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        SharedStateContinuousSampler[] chi2 = new SharedStateContinuousSampler[d];
        for (int i = 0; i < d; i++) {
            chi2[i] = AhrensDieterMarsagliaTsangGammaSampler.of(rng, (df - i) / 2, 2);
        }
        double[][] l = scale.lowerRows();
        double[][] a = new double[d][d];
        double[][] la = new double[d][d];
        return out -> {
            for (int i = 0; i < d; i++) {
                a[i][i] = Math.sqrt(chi2[i].sample());
                for (int j = 0; j < i; j++) {
                    a[i][j] = gaussian.sample();
                }
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = 0;
                    for (int k = j; k <= i; k++) {
                        s += l[i][k] * a[k][j];
                    }
                    la[i][j] = s;
                }
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = 0;
                    for (int k = 0; k <= j; k++) {
                        s += la[i][k] * la[j][k];
                    }
                    out[i * d + j] = s;
                    out[j * d + i] = s;
                }
            }
        };
    }

    /**
     * KL(W(n_p, V_p) ‖ W(n_q, V_q)) = (n_q/2)(ln|V_q| − ln|V_p|) + (n_p/2)(tr(V_q⁻¹V_p) − d)
     * + ln Γ_d(n_q/2) − ln Γ_d(n_p/2) + ((n_p − n_q)/2) ψ_d(n_p/2).
     *
     * @see <a href="https://en.wikipedia.org/wiki/Wishart_distribution#KL-divergence">Wishart distribution</a>
     */
    static double klDivergence(Wishart p, Wishart q) {
        int d = p.side();
        SymmetricPositiveDefinite.Relative relative = q.scale.relativeTo(p.scale);
        double[] e = relative.nearEigenvalues();
        if (e != null) {
            // near P = Q: ½ np Σ (e − ln(1 + e)) + ½ (nq − np) G + Σ_i R(np/2 − (i−1)/2, (nq − np)/2), with
            // G = ln|Vq| − ln|Vp| = −Σ ln(1 + e) and R the part of lnΓ beyond its tangent: every part second order
            double shape = 0;
            double logDet = 0;
            for (double ei : e) {
                shape += StableMath.xMinusLog1p(ei);
                logDet -= Math.log1p(ei);
            }
            double h = 0.5 * (q.df - p.df);
            double gamma = 0;
            for (int i = 0; i < d; i++) {
                gamma += StableMath.lgammaExcess(p.df / 2 - 0.5 * i, h);
            }
            return Math.max(0, 0.5 * p.df * shape + h * logDet + gamma);
        }
        double kl = 0.5 * q.df * q.scale.logDeterminantOver(p.scale)
                + 0.5 * p.df * (relative.trace() - d)
                + StableMath.multivariateLgamma(q.df / 2, d) - StableMath.multivariateLgamma(p.df / 2, d)
                + Univariate.times(0.5 * (p.df - q.df), StableMath.multivariateDigamma(p.df / 2, d));
        return Math.max(0, kl);
    }
}
