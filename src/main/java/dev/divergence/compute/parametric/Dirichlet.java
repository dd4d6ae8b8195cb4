package dev.divergence.compute.parametric;

import org.apache.commons.numbers.core.Sum;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;

/**
 * Dirichlet(concentration): density Γ(α₀)/Π Γ(α_i) Π x_i^{α_i − 1} on the probability simplex of ℝ^K,
 * α₀ = Σ α_i.
 *
 * @see <a href="https://en.wikipedia.org/wiki/Dirichlet_distribution">Dirichlet distribution</a>
 */
public final class Dirichlet extends Multivariate {

    private static final double SIMPLEX_TOLERANCE = 1e-9;

    private final double[] alpha;
    private final double alpha0;
    private final double logNormalizer;

    private Dirichlet(double[] alpha) {
        if (alpha.length < 2) {
            throw new InvalidParameterException("concentration", -1, "must have at least 2 entries, has "
                    + alpha.length);
        }
        Sum a0 = Sum.create();
        Sum lg = Sum.create();
        for (int i = 0; i < alpha.length; i++) {
            if (!(alpha[i] > 0 && alpha[i] < Double.POSITIVE_INFINITY)) {
                throw new InvalidParameterException("concentration", i, "must be finite and > 0, was " + alpha[i]);
            }
            a0.add(alpha[i]);
            lg.add(LogGamma.value(alpha[i]));
        }
        this.alpha = alpha.clone();
        this.alpha0 = a0.getAsDouble();
        this.logNormalizer = LogGamma.value(alpha0) - lg.getAsDouble();
    }

    /**
     * @param concentration α, length K ≥ 2, entries finite and > 0
     * @return the distribution
     * @throws InvalidParameterException if an entry is outside its domain
     */
    public static Dirichlet of(double[] concentration) {
        return new Dirichlet(concentration);
    }

    @Override
    public String family() {
        return "Dirichlet";
    }

    @Override
    public int dimension() {
        return alpha.length;
    }

    @Override
    String space() {
        return "simplex";
    }

    @Override
    public double logDensity(double[] x) {
        Sum s = Sum.create().add(logNormalizer);
        double total = 0;
        for (int i = 0; i < alpha.length; i++) {
            if (!(x[i] >= 0 && x[i] <= 1)) {
                return Double.NEGATIVE_INFINITY;
            }
            total += x[i];
            s.add(Univariate.times(alpha[i] - 1, Math.log(x[i])));
        }
        return Math.abs(total - 1) <= SIMPLEX_TOLERANCE ? s.getAsDouble() : Double.NEGATIVE_INFINITY;
    }

    @Override
    public VectorSampler sampler(UniformRandomProvider rng) {
        // normalized Gamma(α_i) variates, each as G(α_i + 1)·U^(1/α_i) in log space (Marsaglia and Tsang 2000, §7),
        // normalized by log-sum-exp: for tiny concentrations every U^(1/α) underflows to 0, and Commons RNG's
        // DirichletSampler retries such all-zero draws by recursion until the stack overflows
        int k = alpha.length;
        SharedStateContinuousSampler[] gamma = new SharedStateContinuousSampler[k];
        for (int i = 0; i < k; i++) {
            gamma[i] = AhrensDieterMarsagliaTsangGammaSampler.of(rng, alpha[i] + 1, 1);
        }
        double[] logs = new double[k];
        return out -> {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < k; i++) {
                logs[i] = Math.log(gamma[i].sample()) + Math.log(rng.nextDouble()) / alpha[i];
                max = Math.max(max, logs[i]);
            }
            double sum = 0;
            for (int i = 0; i < k; i++) {
                out[i] = Math.exp(logs[i] - max);
                sum += out[i];
            }
            for (int i = 0; i < k; i++) {
                out[i] /= sum;
            }
        };
    }

    /**
     * KL(p ‖ q) = ln Γ(α₀) − ln Γ(β₀) − Σ [ln Γ(α_i) − ln Γ(β_i)] + Σ (α_i − β_i)(ψ(α_i) − ψ(α₀)).
     *
     * @see <a href="http://bariskurt.com/kullback-leibler-divergence-between-two-dirichlet-and-beta-distributions/">Kurt (2013)</a>
     */
    static double klDivergence(Dirichlet p, Dirichlet q) {
        // Σ R(αp_i, αq_i − αp_i) − R(αp_0, αq_0 − αp_0), R(a, h) = lnΓ(a + h) − lnΓ(a) − h ψ(a): the usual
        // lnΓ and ψ terms regrouped so that each part is second order near P = Q
        // the total's change as the sum of the changes (each exact near P = Q), not as a difference of two rounded
        // totals, whose rounding would be most of it
        StableMath.ExcessSum s = new StableMath.ExcessSum();
        Sum h0 = Sum.create();
        for (int i = 0; i < p.alpha.length; i++) {
            double h = q.alpha[i] - p.alpha[i];
            h0.add(h);
            s.add(1, p.alpha[i], h, q.alpha[i]);
        }
        s.add(-1, p.alpha0, h0.getAsDouble(), q.alpha0);
        return Math.max(0, s.value());
    }
}
