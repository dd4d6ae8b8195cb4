package dev.divergence.compute.parametric;

import dev.divergence.compute.Cancellation;
import dev.divergence.compute.DiscreteDivergences;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.numbers.core.Sum;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * KL divergence between two parametric distributions in closed form, in nats.
 *
 * <p>The rules, in order:
 * <ol>
 * <li>A mass function against a density (or the reverse) is +∞: the two are mutually singular.</li>
 * <li>If P's support is not inside Q's, KL = +∞ (P gives positive probability where Q's density is 0).</li>
 * <li>Same-family pairs (and Gamma/Exponential/Chi2, LogNormal, HalfNormal, HalfCauchy) use their textbook
 * closed forms, written to keep relative accuracy when P ≈ Q.</li>
 * <li>A P with finite support (Bernoulli, Binomial, Categorical, point masses) is summed exactly.</li>
 * <li>Otherwise KL = H(P, Q) − H(P), the cross-entropy from the expectations under P of the statistics of Q's
 * log-density ({@link Univariate#crossEntropyFrom}); +∞ when one of them diverges (Pareto with α ≤ 1 against
 * an Exponential), no closed form when one has none.</li>
 * </ol>
 * This covers every pair registered in torch's {@code kl.py} and many more (LogNormal, Weibull, HalfCauchy,
 * StudentT against Normal, …). Where torch's answer is wrong at a support boundary or torch raises, the true
 * value is returned with a note.
 *
 * @see <a href="https://github.com/pytorch/pytorch/blob/main/torch/distributions/kl.py">torch/distributions/kl.py</a>
 * @see <a href="http://www.mast.queensu.ca/~communications/Papers/gil-msc11.pdf">Gil (2011), MSc thesis: closed
 *      forms for Rényi and KL divergences between continuous families</a>
 */
public final class ParametricDivergences {

    /** Largest support of a finite discrete P that is summed term by term. */
    private static final double MAX_SUMMATION_TERMS = 1e7;

    private ParametricDivergences() {
    }

    /**
     * @param p the reference distribution P
     * @param q the approximating distribution Q
     * @return KL(P ‖ Q) in nats, in [0, ∞], with notes; null when the pair has no closed form (estimate it by
     *         {@link MonteCarlo})
     * @throws IncompatibleDistributionsException if P and Q live on different sample spaces
     */
    public static ClosedForm klDivergence(Distribution p, Distribution q) {
        checkComparable(p, q);
        ClosedForm result = p instanceof Univariate up ? univariate(up, (Univariate) q)
                : multivariate((Multivariate) p, (Multivariate) q);
        if (result != null && Double.isNaN(result.value())) {
            // a closed form whose terms overflowed against each other (∞ − ∞) has no value in double precision here:
            // the caller treats it as having no closed form (Monte Carlo, or a refusal), never as NaN
            return null;
        }
        if (result != null && p instanceof Weibull a && q instanceof Weibull b) {
            // a Weibull is a TransformedDistribution in torch, whose pair rule needs equal transforms (torch 1.13:
            // 0 for equal parameters, NotImplementedError otherwise)
            return a.scale() == b.scale() && a.concentration() == b.concentration() ? result
                    : result.withNote("torch.distributions.kl_divergence raises NotImplementedError for two Weibull "
                            + "distributions with different parameters (its rule for transformed distributions needs "
                            + "equal transforms); this is the closed form");
        }
        if (result != null && !TorchRegistry.registered(p.family(), q.family())) {
            result = result.withNote("torch.distributions.kl_divergence has no rule for (" + p.family() + ", "
                    + q.family() + ") and raises NotImplementedError; this is the closed form");
        }
        return result;
    }

    /**
     * @param p a family name
     * @param q a family name
     * @return whether torch's kl.py has a rule for the pair
     */
    public static boolean registeredInTorch(String p, String q) {
        return TorchRegistry.registered(p, q);
    }

    /**
     * @param p the reference distribution
     * @param q the approximating distribution
     * @throws IncompatibleDistributionsException if P and Q live on different sample spaces
     */
    public static void checkComparable(Distribution p, Distribution q) {
        if ((p instanceof Univariate) != (q instanceof Univariate)) {
            throw new IncompatibleDistributionsException("p (" + describe(p) + ") and q (" + describe(q)
                    + ") live on different sample spaces");
        }
        if (p instanceof Multivariate mp) {
            Multivariate mq = (Multivariate) q;
            if (!mp.space().equals(mq.space()) || mp.dimension() != mq.dimension()) {
                throw new IncompatibleDistributionsException("p (" + describe(p) + ") and q (" + describe(q)
                        + ") live on different sample spaces");
            }
        }
    }

    private static String describe(Distribution d) {
        if (d instanceof Multivariate m) {
            return m.family() + " on " + m.space() + " vectors of length " + m.dimension();
        }
        return d.family() + " on the " + (((Univariate) d).isDiscrete() ? "integers" : "real line");
    }

    // ---------------------------------------------------------------------------------------- univariate

    /** Work units (see {@link Distribution#cost()}) between two deadline checkpoints of a finite sum. */
    static final long SUM_CHECKPOINT_WORK = 65_536;

    /** From this many degrees of freedom, StudentT against Normal is summed from its series in 1/ν. */
    static final double STUDENT_T_SERIES_MIN_DF = 100;

    /**
     * h(t_ν) − h(N(0, 1)) = Σ a_k ν^−k, the entropy of a standard Student t above the standard normal's: the
     * asymptotic series of (ν+1)/2 [ψ((ν+1)/2) − ψ(ν/2)] + ln(√ν B(ν/2, ½)) − ½ ln(2πe), coefficients from a
     * 200-digit mpmath fit (exact rationals 1, 1/4, −1/6, −1/8, 3/10, 1/4, −17/14, −17/16, 155/18, 31/4, −2073/22,
     * −691/8). Twelve terms reach double precision from ν = 100.
     */
    private static final double[] T_ENTROPY_EXCESS = {1, 0.25, -1.0 / 6, -0.125, 0.3, 0.25, -17.0 / 14, -17.0 / 16,
        155.0 / 18, 31.0 / 4, -2073.0 / 22, -691.0 / 8};

    /**
     * KL(t_ν(μp, σp) ‖ N(μq, σq)) = KL(N(μp, σp) ‖ N(μq, σq)) + (σp/σq)²/(ν − 2) − [h(t_ν) − h(N(0, 1))], the last
     * two summed together from their series in 1/ν (1/(ν − 2) = Σ 2^{k−1} ν^−k), so their leading terms cancel
     * exactly: the difference of entropies computed from Γ and ψ at ν = 10¹² loses every digit (it gave 8.4e-4 for
     * a true 1.75e-24).
     */
    private static double studentTNormal(StudentT t, Normal n) {
        double c = Math.pow(t.scale() / n.scale(), 2);
        double x = 1 / t.df();
        double s = 0;
        for (int k = T_ENTROPY_EXCESS.length; k >= 1; k--) {
            s = s * x + (c * Math.scalb(1.0, k - 1) - T_ENTROPY_EXCESS[k - 1]);
        }
        return normalNormal(t.loc(), t.scale(), n.loc(), n.scale()) + s * x;
    }

    /** The warning of a finite KL divergence too large for a double. */
    static final String OVERFLOW_NOTE = "the KL divergence is finite but larger than the largest double "
            + "(about 1.8e308), so it is reported as Infinity";

    private static ClosedForm univariate(Univariate p, Univariate q) {
        if (p.isDiscrete() != q.isDiscrete()) {
            return ClosedForm.infinite((p.isDiscrete() ? "p is a probability mass function and q a density"
                    : "p is a density and q a probability mass function")
                    + ": they are mutually singular, so KL(p ‖ q) = Infinity");
        }
        if (p.supportLower() < q.supportLower() || p.supportUpper() > q.supportUpper()) {
            return ClosedForm.infinite("p's support [" + p.supportLower() + ", " + p.supportUpper()
                    + "] is not inside q's [" + q.supportLower() + ", " + q.supportUpper() + "]: p gives positive "
                    + "probability where q has none, so KL(p ‖ q) = Infinity");
        }
        ClosedForm special = sameFamily(p, q);
        if (special != null) {
            // the closed forms are finite for every valid pair on nested supports (checked above): an infinite
            // value is a true value past the largest double
            return special.value() == Double.POSITIVE_INFINITY && special.notes().isEmpty()
                    ? special.withNote(OVERFLOW_NOTE) : special;
        }
        if (p.isDiscrete() && p.supportUpper() - p.supportLower() < MAX_SUMMATION_TERMS) {
            return finiteSum(p, q);
        }
        if (p instanceof StudentT t && q instanceof Normal n && t.df() >= STUDENT_T_SERIES_MIN_DF) {
            return ClosedForm.of(Math.max(0, studentTNormal(t, n)));
        }
        double crossEntropy = q.crossEntropyFrom(p);
        if (crossEntropy == Double.POSITIVE_INFINITY && p.supportLower() > Double.NEGATIVE_INFINITY
                && p.supportUpper() < Double.POSITIVE_INFINITY) {
            // p on a bounded interval has every moment: the expectation is finite but past the largest double
            return ClosedForm.of(Double.POSITIVE_INFINITY).withNote(OVERFLOW_NOTE);
        }
        if (crossEntropy == Double.POSITIVE_INFINITY) {
            return ClosedForm.infinite("the expectation under p of ln q diverges (p's tail is too heavy for q: "
                    + "a needed moment of p is infinite), so KL(p ‖ q) = Infinity");
        }
        double entropy = p.entropy();
        if (Double.isNaN(crossEntropy) || Double.isNaN(entropy)) {
            return null;
        }
        // H(P, Q) − H(P) ≥ 0; a difference of two rounded terms can fall an ulp or so below 0
        return ClosedForm.of(Math.max(0, crossEntropy - entropy)).withNote(torchValueNote(p, q));
    }

    private static ClosedForm sameFamily(Univariate p, Univariate q) {
        if (p instanceof Normal a && q instanceof Normal b) {
            return ClosedForm.of(normalNormal(a.loc(), a.scale(), b.loc(), b.scale()));
        }
        if (p instanceof LogNormal a && q instanceof LogNormal b) {
            // KL is invariant under the bijection x ↦ e^x
            return ClosedForm.of(normalNormal(a.loc(), a.scale(), b.loc(), b.scale()));
        }
        if (p instanceof HalfNormal a && q instanceof HalfNormal b) {
            return ClosedForm.of(normalNormal(0, a.scale(), 0, b.scale()));
        }
        if (p instanceof Uniform a && q instanceof Uniform b) {
            // ln(wq/wp) (p inside q, checked by the caller): the ratio's logarithm whole near 1, and from the
            // logarithms of the widths where a width overflows (Uniform(−1.7e308, 1.7e308) is a valid distribution)
            double wp = a.high() - a.low();
            double wq = b.high() - b.low();
            double kl;
            if (wq < Double.POSITIVE_INFINITY) {
                kl = StableMath.logRatio(wq, wp);
            } else if (wp < Double.POSITIVE_INFINITY) {
                kl = StableMath.LN_2 + StableMath.logRatio(b.halfWidth(), wp);
            } else {
                kl = StableMath.logRatio(b.halfWidth(), a.halfWidth());
            }
            return ClosedForm.of(Math.max(0, kl));
        }
        if (p instanceof Laplace a && q instanceof Laplace b) {
            return ClosedForm.of(laplaceLaplace(a, b));
        }
        if (p instanceof Gumbel a && q instanceof Gumbel b) {
            return ClosedForm.of(gumbelGumbel(a, b));
        }
        if (p instanceof Cauchy a && q instanceof Cauchy b) {
            return ClosedForm.of(cauchyCauchy(a.loc(), a.scale(), b.loc(), b.scale()));
        }
        if (p instanceof HalfCauchy a && q instanceof HalfCauchy b) {
            return ClosedForm.of(cauchyCauchy(0, a.scale(), 0, b.scale()));
        }
        if (p instanceof Exponential a && q instanceof Exponential b) {
            // r − 1 − ln r with r = λq/λp, as e^u − 1 − u with u = ln r (λq/λp may overflow or underflow)
            return ClosedForm.of(StableMath.expm1MinusX(StableMath.logRatio(b.rate(), a.rate())));
        }
        if (isGammaLike(p) && isGammaLike(q)) {
            return ClosedForm.of(gammaGamma(shape(p), rate(p), shape(q), rate(q)));
        }
        if (p instanceof Beta a && q instanceof Beta b) {
            return ClosedForm.of(betaBeta(a, b));
        }
        if (p instanceof ContinuousBernoulli a && q instanceof ContinuousBernoulli b) {
            // −H(a) − mean_a ηb + A(ηb): mean_a ηa and A(ηa) are not formed, so logits of 1e308 stay finite
            double kl = a.negativeEntropy() - Univariate.times(a.mean(), b.eta()) + b.logPartition();
            return ClosedForm.of(Math.max(0, kl));
        }
        if (p instanceof Pareto a && q instanceof Pareto b) {
            // αq ln(x_p/x_q) + r − 1 − ln r, r = αq/αp (x_p ≥ x_q by the support check)
            return ClosedForm.of(b.alpha() * StableMath.logRatio(a.scale(), b.scale())
                    + StableMath.expm1MinusX(StableMath.logRatio(b.alpha(), a.alpha())));
        }
        if (p instanceof Poisson a && q instanceof Poisson b) {
            // λp ln(λp/λq) − λp + λq = λq[(1 + x) ln(1 + x) − x], x = λp/λq − 1
            double ratio = a.rate() / b.rate();
            if (!(ratio < Double.POSITIVE_INFINITY)) {
                // λp/λq overflows: λp ln(λp/λq) − λp + λq from the logarithms
                return ClosedForm.of(Univariate.times(a.rate(), StableMath.logRatio(a.rate(), b.rate())) - a.rate()
                        + b.rate());
            }
            return ClosedForm.of(a.rate() == 0 ? b.rate()
                    : b.rate() * StableMath.onePlusXLog1pMinusX(ratio - 1));
        }
        if (p instanceof Categorical a && q instanceof Categorical b) {
            ClosedForm c = categoricalCategorical(a, b);
            if (c != null) {
                return c;
            }
        }
        if (p instanceof Geometric a && q instanceof Geometric b) {
            return ClosedForm.of(geometricGeometric(a.trial(), b.trial()));
        }
        if (p instanceof Bernoulli a && q instanceof Bernoulli b) {
            return ClosedForm.of(bernoulliBernoulli(a, b));
        }
        if (p instanceof Binomial a && q instanceof Binomial b) {
            if (a.totalCount() == b.totalCount()) {
                return ClosedForm.of(a.totalCount() * bernoulliBernoulli(a.trial(), b.trial()));
            }
            if (a.totalCount() < b.totalCount()) {
                return finiteSum(p, q).withNote("torch raises NotImplementedError when p.total_count < "
                        + "q.total_count; this is the exact finite sum over p's support");
            }
        }
        return null;
    }

    /**
     * Σ p_k ln(p_k/q_k) by the discrete kernel ({@link DiscreteDivergences}, with the log-probabilities): its terms
     * p ln(p/q) − p + q keep near-identical parameters to their relative accuracy.
     */
    static ClosedForm categoricalCategorical(Categorical p, Categorical q) {
        if (p.categories() != q.categories()) {
            return null;
        }
        double kl = DiscreteDivergences.inNats().klDivergence(p.probs(), q.probs(), p.logProbs(), q.logProbs());
        return kl == Double.POSITIVE_INFINITY ? ClosedForm.infinite("p gives positive probability to a category "
                + "where q has none, so KL(p ‖ q) = Infinity") : ClosedForm.of(kl);
    }

    private static ClosedForm finiteSum(Univariate p, Univariate q) {
        Sum kl = Sum.create();
        // checkpoints every so much work, not every so many terms: a mixture's density costs its components
        long unit = p.cost() + q.cost();
        long work = 0;
        for (double k = p.supportLower(); k <= p.supportUpper(); k++) {
            work += unit;
            if (work >= SUM_CHECKPOINT_WORK) {
                work = 0;
                Cancellation.checkpoint();
            }
            double lp = p.logDensity(k);
            if (lp == Double.NEGATIVE_INFINITY) {
                continue;
            }
            double lq = q.logDensity(k);
            if (lq == Double.NEGATIVE_INFINITY) {
                return ClosedForm.infinite("p(" + (long) k + ") > 0 but q(" + (long) k + ") = 0, so KL(p ‖ q) = Infinity");
            }
            kl.add(Math.exp(lp) * (lp - lq));
        }
        return ClosedForm.of(Math.max(0, kl.getAsDouble()));
    }

    /**
     * ½[(Δ/σq)² + r² − 1 − ln r²], r = σp/σq, with e^u − 1 − u (u = ln r²) evaluated without cancellation, ln r
     * from the logarithms (σp/σq may overflow or underflow) and Δ/σq from {@link StableMath#scaledDifference}.
     */
    static double normalNormal(double mp, double sp, double mq, double sq) {
        double z = StableMath.scaledDifference(mp, mq, sq);
        return 0.5 * (z * z + StableMath.expm1MinusX(2 * StableMath.logRatio(sp, sq)));
    }

    /**
     * −ln r + Δ/bq + r e^{−Δ/bp} − 1, r = bp/bq, as e^u − 1 − u − Δ/bp + Δ/bq with u = ln r − Δ/bp (Gil 2011);
     * ln r from the logarithms and |Δ|/b from {@link StableMath#scaledDifference}, so no intermediate overflows.
     */
    private static double laplaceLaplace(Laplace p, Laplace q) {
        double dp = Math.abs(StableMath.scaledDifference(p.loc(), q.loc(), p.scale()));
        double dq = Math.abs(StableMath.scaledDifference(p.loc(), q.loc(), q.scale()));
        if (dq == Double.POSITIVE_INFINITY) {
            // |Δ|/bq, the leading term, is past the largest double (and e^{−|Δ|/bp} is 0): the KL is too
            return Double.POSITIVE_INFINITY;
        }
        double u = StableMath.logRatio(p.scale(), q.scale()) - dp;
        // dq − dp first: both can be far larger than the result (locations 1e-10 apart, equal scales: dq = dp)
        return Math.max(0, StableMath.expm1MinusX(u) + (dq - dp));
    }

    /**
     * torch's _kl_gumbel_gumbel, −ln s + δ + γs + e^{−δ + lnΓ(1 + s)} − 1 − γ with s = βp/βq and δ = (μp − μq)/βq,
     * regrouped as R(1, s − 1) + (e^u − 1 − u) with u = −δ + ln s + lnΓ(s) and R the part of lnΓ beyond its tangent
     * ({@link StableMath#lgammaExcess}; lnΓ(s) + γ(s − 1) = R(1, s − 1)): both parts second order near P = Q, so
     * near-identical parameters keep their relative accuracy (the plain sum answered 0.0 for locations 1e-10 apart).
     */
    private static double gumbelGumbel(Gumbel p, Gumbel q) {
        double e = (p.scale() - q.scale()) / q.scale();
        double delta = StableMath.scaledDifference(p.loc(), q.loc(), q.scale());
        if (Math.abs(e) <= 1e-2) {
            // near s = 1: ln Γ(1 + s) = ln s + ln Γ(s) = log1p(e) + R(1, e) − γ e, each part small
            double excess = StableMath.lgammaExcess(1, e);
            double u = -delta + Math.log1p(e) + excess - StableMath.EULER * e;
            return Math.max(0, excess + StableMath.expm1MinusX(u));
        }
        // farther: R(1, s − 1) = lnΓ(s) + γ(s − 1) and u = −δ + lnΓ(1 + s); for s below 1e-8, lnΓ(s) = −ln s − γ s
        // + O(s²) with ln s from the scales' logarithms (s itself may underflow to 0)
        double s = p.scale() / q.scale();
        boolean tiny = s < 1e-8;
        double lnGammaS = tiny ? -StableMath.logRatio(p.scale(), q.scale()) - StableMath.EULER * s : LogGamma.value(s);
        double excess = lnGammaS + StableMath.EULER * (s - 1);
        double u = -delta + (tiny ? -StableMath.EULER * s : LogGamma.value(1 + s));
        return Math.max(0, excess + StableMath.expm1MinusX(u));
    }

    /**
     * ln(((γp + γq)² + Δ²)/(4γpγq)) = ln(1 + t²), t = √((γp − γq)² + Δ²)/(2√γp √γq) (Chyzak and Nielsen, 2019);
     * t from halves and square roots so that nothing overflows, and 2 ln t + ln(1 + 1/t²) when t² would.
     */
    private static double cauchyCauchy(double lp, double sp, double lq, double sq) {
        double t = Math.hypot(sp / 2 - sq / 2, lp / 2 - lq / 2) / (Math.sqrt(sp) * Math.sqrt(sq));
        return t > 1e150 ? 2 * Math.log(t) + Math.log1p(1 / (t * t)) : Math.log1p(t * t);
    }

    private static boolean isGammaLike(Univariate d) {
        return d instanceof Gamma || d instanceof Exponential;
    }

    private static double shape(Univariate d) {
        return d instanceof Gamma g ? g.concentration() : 1;
    }

    private static double rate(Univariate d) {
        return d instanceof Gamma g ? g.rate() : ((Exponential) d).rate();
    }

    /**
     * αp(r − 1 − ln r) + (αp − αq) ln r + ln Γ(αq) − ln Γ(αp) + (αp − αq)ψ(αp), r = βq/βp: torch's
     * _kl_gamma_gamma regrouped so that the rate terms cancel exactly when βp = βq.
     */
    private static double gammaGamma(double ap, double bp, double aq, double bq) {
        // lnΓ(aq) − lnΓ(ap) − h ψ(ap) + ap (r − 1 − ln r) − h ln r, h = aq − ap, r = bq/bp: each part second order
        // near P = Q, so near-identical parameters keep their relative accuracy
        double h = aq - ap;
        double u = StableMath.logRatio(bq, bp);
        if (StableMath.stirlingApplies(ap, h)) {
            // a huge shape against a far one: R(ap, h) = R̃ + ap, and ap (e^u − 1 − u) − h u = ap e^u − ap − aq u, so
            // the ap's cancel exactly: R̃ + ap e^u − aq u, every part moderate (Gamma(1e15, 1e15) against
            // Gamma(1, 1) answered 12.0 for 16.27)
            double kl = StableMath.stirlingExcessLessA(ap, aq) + ap * Math.exp(u) - Univariate.times(aq, u);
            return Math.max(0, kl);
        }
        double kl = StableMath.lgammaExcess(ap, h, aq) + ap * StableMath.expm1MinusX(u) - Univariate.times(h, u);
        return Math.max(0, kl);
    }

    /** torch's _kl_beta_beta. */
    private static double betaBeta(Beta p, Beta q) {
        // ln B(αq, βq) − ln B(αp, βp) + (αp − αq) ψ(αp) + (βp − βq) ψ(βp) + (sq − sp) ψ(sp) regrouped as
        // R(αp, αq − αp) + R(βp, βq − βp) − R(sp, sq − sp), R the part of lnΓ beyond its tangent (second order)
        double sp = p.alpha() + p.beta();
        double ha = q.alpha() - p.alpha();
        double hb = q.beta() - p.beta();
        StableMath.ExcessSum kl = new StableMath.ExcessSum();
        kl.add(1, p.alpha(), ha, q.alpha());
        kl.add(1, p.beta(), hb, q.beta());
        kl.add(-1, sp, ha + hb, q.alpha() + q.beta());
        return Math.max(0, kl.value());
    }

    /**
     * π_p ln(π_p/π_q) + (1 − π_p) ln((1 − π_p)/(1 − π_q)), summed as [πp ln(πp/πq) − d] + [(1 − πp) ln((1 − πp)/
     * (1 − πq)) + d] with d = πp − πq exact: the added ∓d cancel, and each bracket is second order, so near-identical
     * parameters keep their relative accuracy (the plain sum left ≈ 1e-17 whatever the divergence). A weight of 0
     * contributes its bracket's ±d only; logarithms come from the parameters (logits of −800 stay finite).
     */
    private static double bernoulliBernoulli(Bernoulli p, Bernoulli q) {
        double d = p.probs() - q.probs();
        double success = p.logProbs() == Double.NEGATIVE_INFINITY ? -d
                : DiscreteDivergences.klTermWithoutFirstOrder(p.probs(), q.probs(), d, p.logProbs(), q.logProbs());
        double failure = p.log1mProbs() == Double.NEGATIVE_INFINITY ? d
                : DiscreteDivergences.klTermWithoutFirstOrder(1 - p.probs(), 1 - q.probs(), -d, p.log1mProbs(),
                        q.log1mProbs());
        return Math.max(0, success + failure);
    }

    /**
     * ln(πp/πq) + ((1 − πp)/πp)(ln(1 − πp) − ln(1 − πq)), which is the Bernoulli divergence over πp (the expected
     * number of trials): taken as that, it keeps the Bernoulli form's accuracy near πp = πq.
     */
    private static double geometricGeometric(Bernoulli p, Bernoulli q) {
        if (p.probs() >= Double.MIN_NORMAL) {
            return bernoulliBernoulli(p, q) / p.probs();
        }
        double kl = p.logProbs() - q.logProbs()
                + Univariate.times((1 - p.probs()) / p.probs(), p.log1mProbs() - q.log1mProbs());
        return Math.max(0, kl);
    }

    /** Notes where torch's rule answers ∞ or NaN although the value is finite. */
    private static String torchValueNote(Univariate p, Univariate q) {
        if (p instanceof Uniform u && q instanceof ContinuousBernoulli && (u.low() == 0 || u.high() == 1)) {
            return "torch returns inf here (its rule tests p.low <= 0 or p.high >= 1); the true value is finite "
                    + "because p's support lies inside [0, 1]";
        }
        if (p instanceof ContinuousBernoulli && q instanceof Uniform u && (u.low() == 0 || u.high() == 1)) {
            return "torch returns inf here (its rule tests q.low >= 0 or q.high <= 1); the true value is finite "
                    + "because q's support contains [0, 1]";
        }
        if (p instanceof Uniform u && q instanceof Beta && (u.low() == 0 || u.high() == 1)) {
            return "torch releases whose _x_log_x computes x·ln x (not xlogy) return NaN here (0·ln 0 at the "
                    + "support boundary); the limit 0 is used";
        }
        return null;
    }

    // -------------------------------------------------------------------------------------- multivariate

    private static ClosedForm multivariate(Multivariate p, Multivariate q) {
        if (p instanceof Independent a && q instanceof Independent b && a.size() == b.size()) {
            Sum sum = Sum.create();
            Set<String> notes = new LinkedHashSet<>();
            for (int i = 0; i < a.size(); i++) {
                Distribution pi = a.component(i);
                Distribution qi = b.component(i);
                checkComparable(pi, qi);
                ClosedForm c = pi instanceof Univariate up ? univariate(up, (Univariate) qi)
                        : multivariate((Multivariate) pi, (Multivariate) qi);
                if (c == null) {
                    return null;
                }
                if (c.value() == Double.POSITIVE_INFINITY) {
                    return new ClosedForm(c.value(), c.notes());
                }
                sum.add(c.value());
                notes.addAll(c.notes());
            }
            return new ClosedForm(sum.getAsDouble(), List.copyOf(notes));
        }
        MultivariateNormal gp = asGaussian(p);
        MultivariateNormal gq = asGaussian(q);
        if (gp != null && gq != null) {
            return ClosedForm.of(MultivariateNormal.klDivergence(gp, gq));
        }
        if (p instanceof Dirichlet a && q instanceof Dirichlet b) {
            return ClosedForm.of(Dirichlet.klDivergence(a, b));
        }
        if (p instanceof Wishart a && q instanceof Wishart b) {
            return ClosedForm.of(Wishart.klDivergence(a, b));
        }
        if (p instanceof OneHotCategorical a && q instanceof OneHotCategorical b) {
            return categoricalCategorical(a.categorical(), b.categorical());
        }
        return null;
    }

    private static MultivariateNormal asGaussian(Multivariate d) {
        if (d instanceof MultivariateNormal m) {
            return m;
        }
        if (d instanceof Independent i) {
            Normal[] normals = i.normals();
            return normals == null ? null : MultivariateNormal.ofIndependent(normals, "Independent");
        }
        return null;
    }
}
