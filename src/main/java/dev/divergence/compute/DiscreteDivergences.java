package dev.divergence.compute;

import org.apache.commons.numbers.core.Sum;

/**
 * Divergences between two discrete distributions P = (p_1, …, p_n) and Q = (q_1, …, q_n) given as probability
 * vectors of equal length, in a fixed logarithm base.
 *
 * <p>Conventions, following Cover and Thomas, <i>Elements of Information Theory</i> (2nd ed., 2006), §2.3:
 * 0 · ln(0/q) = 0 for every q (including q = 0); p &gt; 0 where q = 0 makes KL, cross-entropy, χ² and the
 * Rényi divergences of order α ≥ 1 equal to +∞. No method returns NaN.
 *
 * <p>Numerics: every sum is compensated (Commons Numbers {@link Sum}); ln(p/q) is evaluated as
 * {@code log1p((p − q)/q)} when |p − q| ≤ q/16, where p − q is exact (Sterbenz), so near-identical inputs keep
 * their relative accuracy, and as ln p − ln q otherwise, so the ratio never overflows; results that rounding
 * could push one ulp outside their mathematical range are clamped to it. Inputs are expected to sum to 1
 * (the service normalizes them); entries are checked one by one during the pass.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DiscreteDivergences {

    private static final double LN2 = Math.log(2);
    /** Relative distance |p − q|/q below which ratios go through log1p (the slower, exact-near-1 form). */
    private static final double NEAR = 1.0 / 16;

    private final LogBase base;

    private DiscreteDivergences(LogBase base) {
        this.base = base;
    }

    /**
     * @param base the logarithm base of every logarithmic result
     * @return divergences expressed in that base
     */
    public static DiscreteDivergences inBase(LogBase base) {
        return new DiscreteDivergences(base);
    }

    /** @return divergences in nats */
    public static DiscreteDivergences inNats() {
        return new DiscreteDivergences(LogBase.NATS);
    }

    /** @return the logarithm base of the results */
    public LogBase base() {
        return base;
    }

    /**
     * Kullback–Leibler divergence of {@code q} from {@code p}: D_KL(P ‖ Q) = Σ p_i ln(p_i / q_i).
     * Terms with p_i = 0 contribute 0; p_i &gt; 0 with q_i = 0 gives +∞.
     *
     * @param p reference distribution, length n ≥ 1, entries in [0, 1], summing to 1
     * @param q approximating distribution, same length
     * @return the divergence in this instance's unit, in [0, ∞]
     * @throws InvalidDistributionException if the lengths differ or an entry is outside [0, 1] or NaN
     * @see <a href="https://doi.org/10.1214/aoms/1177729694">Kullback and Leibler (1951)</a>
     */
    public double klDivergence(double[] p, double[] q) {
        checkLengths(p, q);
        Sum kl = Sum.create();
        boolean pOutsideQ = false;
        for (int i = 0; i < p.length; i++) {
            if ((i & 0xFFFF) == 0xFFFF) {
                Cancellation.checkpoint();
            }
            double pi = checked(p, i, "p");
            double qi = checked(q, i, "q");
            if (pi > 0) {
                if (qi > 0) {
                    kl.add(pi * logRatio(pi, qi));
                } else {
                    pOutsideQ = true;
                }
            }
        }
        return pOutsideQ ? Double.POSITIVE_INFINITY : base.fromNats(nonNegative(kl.getAsDouble()));
    }

    /**
     * The KL divergence's terms: t_i = p_i ln(p_i / q_i), with t_i = 0 where p_i = 0 and +∞ where
     * p_i &gt; 0 = q_i; Σ t_i = D_KL(P ‖ Q). Single terms may be negative.
     *
     * @param p reference distribution, length n ≥ 1, entries in [0, 1]
     * @param q approximating distribution, same length
     * @return a new array of n terms in this instance's unit
     * @throws InvalidDistributionException if the lengths differ or an entry is outside [0, 1] or NaN
     */
    public double[] klTerms(double[] p, double[] q) {
        checkLengths(p, q);
        double[] terms = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            if ((i & 0xFFFF) == 0xFFFF) {
                Cancellation.checkpoint();
            }
            double pi = checked(p, i, "p");
            double qi = checked(q, i, "q");
            if (pi > 0) {
                terms[i] = qi == 0 ? Double.POSITIVE_INFINITY : base.fromNats(pi * logRatio(pi, qi));
            }
        }
        return terms;
    }

    /**
     * Every divergence of {@link DivergenceBundle} in one fused pass over both arrays: the terms ln p, ln q and
     * ln(p/q) are computed once and shared by KL, reverse KL, Jeffreys, ψ, cross-entropy and the entropies.
     *
     * <p>Jensen–Shannon uses ln(p/m) = log1p((p − q)/(p + q)) near p = q; Hellinger sums the non-negative
     * terms ((p − q)/(√p + √q))², which keeps near-identical inputs accurate, and Bhattacharyya is
     * −ln BC for a small coefficient BC = Σ √p √q and −log1p(−H²) for BC near 1.
     *
     * @param p reference distribution, length n ≥ 1, entries in [0, 1], summing to 1
     * @param q approximating distribution, same length, summing to 1
     * @return the bundle in this instance's unit
     * @throws InvalidDistributionException if the lengths differ or an entry is outside [0, 1] or NaN
     * @see <a href="https://doi.org/10.1109/18.61115">Lin (1991), Jensen–Shannon divergence</a>
     * @see <a href="https://doi.org/10.1109/TCOM.1967.1089532">Kailath (1967), Bhattacharyya and Hellinger</a>
     */
    public DivergenceBundle bundle(double[] p, double[] q) {
        checkLengths(p, q);
        Sum kl = Sum.create();
        Sum reverseKl = Sum.create();
        Sum psi = Sum.create();
        Sum crossEntropy = Sum.create();
        Sum entropyP = Sum.create();
        Sum entropyQ = Sum.create();
        Sum js = Sum.create();
        Sum tv = Sum.create();
        Sum hellingerSq = Sum.create();
        Sum coefficient = Sum.create();
        Sum chiSquare = Sum.create();
        boolean pOutsideQ = false;
        boolean qOutsideP = false;
        for (int i = 0; i < p.length; i++) {
            if ((i & 0xFFFF) == 0xFFFF) {
                Cancellation.checkpoint();
            }
            double pi = checked(p, i, "p");
            double qi = checked(q, i, "q");
            double d = pi - qi;
            tv.add(Math.abs(d));
            if (pi > 0 && qi > 0) {
                double lp = Math.log(pi);
                double lq = Math.log(qi);
                // near p = q (|p − q| ≤ q/16, d exact by Sterbenz) the log1p forms keep relative accuracy; further
                // apart ln p − ln q is accurate to ε(|ln p| + |ln q|) against |ln(p/q)| > 0.06 and costs no extra log
                boolean near = Math.abs(d) <= qi * NEAR;
                double lr = near ? Math.log1p(d / qi) : lp - lq;
                kl.add(pi * lr);
                reverseKl.add(-qi * lr);
                psi.add(d * lr);
                crossEntropy.add(-pi * lq);
                entropyP.add(-pi * lp);
                entropyQ.add(-qi * lq);
                double s = pi + qi;
                double lpm;
                double lqm;
                if (Math.abs(d) <= s * NEAR) {
                    // ln(p/m) = log1p((p - m)/m) with p - m = d/2 exact: no cancellation for p ≈ q
                    double x = d / s;
                    lpm = Math.log1p(x);
                    lqm = Math.log1p(-x);
                } else {
                    double ls = Math.log(s);
                    lpm = LN2 + lp - ls;
                    lqm = LN2 + lq - ls;
                }
                js.add(0.5 * (pi * lpm + qi * lqm));
                double sp = Math.sqrt(pi);
                double sq = Math.sqrt(qi);
                // √p − √q: as d/(√p + √q) near p = q, where the plain difference cancels
                double diff = near ? d / (sp + sq) : sp - sq;
                hellingerSq.add(diff * diff);
                coefficient.add(sp * sq); // √p·√q, not √(p·q), which underflows for p, q ~ 1e-300
                chiSquare.add(d * d / qi);
            } else if (pi > 0) { // q = 0
                pOutsideQ = true;
                entropyP.add(-pi * Math.log(pi));
                js.add(0.5 * pi * LN2); // p ln(p / (p/2))
                hellingerSq.add(pi);
            } else if (qi > 0) { // p = 0
                qOutsideP = true;
                entropyQ.add(-qi * Math.log(qi));
                js.add(0.5 * qi * LN2);
                hellingerSq.add(qi);
                chiSquare.add(qi); // (0 − q)²/q
            }
        }
        double klNats = pOutsideQ ? Double.POSITIVE_INFINITY : nonNegative(kl.getAsDouble());
        double reverseNats = qOutsideP ? Double.POSITIVE_INFINITY : nonNegative(reverseKl.getAsDouble());
        double psiNats = pOutsideQ || qOutsideP ? Double.POSITIVE_INFINITY : nonNegative(psi.getAsDouble());
        double crossNats = pOutsideQ ? Double.POSITIVE_INFINITY : nonNegative(crossEntropy.getAsDouble());
        double jsNats = Math.min(LN2, nonNegative(js.getAsDouble())); // JS ≤ ln 2 (Lin 1991)
        double bc = coefficient.getAsDouble();
        double hSquared = Math.min(1.0, 0.5 * hellingerSq.getAsDouble());
        double hellinger = bc == 0 ? 1.0 : Math.sqrt(hSquared);
        double bhattacharyyaNats;
        if (bc == 0) {
            bhattacharyyaNats = Double.POSITIVE_INFINITY;
        } else if (bc < 0.5) {
            bhattacharyyaNats = -Math.log(bc);
        } else {
            bhattacharyyaNats = nonNegative(-Math.log1p(-hSquared)); // BC = 1 − H², accurate near BC = 1
        }
        double chi = pOutsideQ ? Double.POSITIVE_INFINITY : nonNegative(chiSquare.getAsDouble());
        double jsInBase = base.fromNats(jsNats);
        return new DivergenceBundle(base.fromNats(klNats), base.fromNats(reverseNats),
                base.fromNats(klNats + reverseNats), base.fromNats(psiNats), jsInBase, Math.sqrt(jsInBase),
                base.fromNats(crossNats), base.fromNats(nonNegative(entropyP.getAsDouble())),
                base.fromNats(nonNegative(entropyQ.getAsDouble())), Math.min(1.0, 0.5 * tv.getAsDouble()),
                hellinger, base.fromNats(bhattacharyyaNats), chi);
    }

    /**
     * Rényi divergence of order α: D_α(P ‖ Q) = ln(Σ p_i^α q_i^(1−α)) / (α − 1), with D_1 = D_KL (its limit).
     * Terms with p_i = 0 contribute 0; p_i &gt; 0 = q_i contributes 0 for α &lt; 1 and +∞ for α &gt; 1; for
     * α &lt; 1 disjoint supports give +∞.
     *
     * <p>Evaluated as log1p(Σ p_i expm1((1 − α) ln(q_i/p_i)) − Σ_{q_i = 0} p_i) / (α − 1), which keeps its
     * accuracy for α near 1 and for near-identical inputs, with a log-sum-exp fallback when a term overflows.
     *
     * @param p reference distribution, length n ≥ 1, entries in [0, 1], summing to 1
     * @param q approximating distribution, same length, summing to 1
     * @param alpha the order, finite and &gt; 0
     * @return D_α in this instance's unit, in [0, ∞]
     * @throws InvalidDistributionException if the lengths differ or an entry is outside [0, 1] or NaN
     * @throws IllegalArgumentException if α is not finite and &gt; 0
     * @see <a href="https://doi.org/10.1109/TIT.2014.2320500">van Erven and Harremoës (2014)</a>
     */
    public double renyiDivergence(double[] p, double[] q, double alpha) {
        if (!(alpha > 0 && alpha < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("alpha must be finite and > 0, was " + alpha);
        }
        if (alpha == 1) {
            return klDivergence(p, q);
        }
        checkLengths(p, q);
        double oneMinusAlpha = 1 - alpha;
        Sum excess = Sum.create(); // S − 1 where S = Σ p^α q^(1−α)
        boolean pOutsideQ = false;
        for (int i = 0; i < p.length; i++) {
            if ((i & 0xFFFF) == 0xFFFF) {
                Cancellation.checkpoint();
            }
            double pi = checked(p, i, "p");
            double qi = checked(q, i, "q");
            if (pi > 0) {
                if (qi == 0) {
                    pOutsideQ = true;
                    excess.add(-pi); // for α < 1 the term p^α·0 is 0: it removes p from Σ p = 1
                } else {
                    excess.add(pi * Math.expm1(oneMinusAlpha * -logRatio(pi, qi)));
                }
            }
        }
        if (pOutsideQ && alpha > 1) {
            return Double.POSITIVE_INFINITY;
        }
        double sMinusOne = excess.getAsDouble();
        double nats;
        if (Double.isFinite(sMinusOne)) {
            nats = Math.log1p(sMinusOne) / (alpha - 1);
        } else {
            nats = logSumOfPowers(p, q, alpha) / (alpha - 1); // a term overflowed: log domain
        }
        return base.fromNats(nonNegative(nats));
    }

    /** ln Σ p^α q^(1−α) by log-sum-exp over t_i = α ln p_i + (1 − α) ln q_i, for the terms with p, q &gt; 0. */
    private static double logSumOfPowers(double[] p, double[] q, double alpha) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0 && q[i] > 0) {
                max = Math.max(max, alpha * Math.log(p[i]) + (1 - alpha) * Math.log(q[i]));
            }
        }
        Sum sum = Sum.create();
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0 && q[i] > 0) {
                sum.add(Math.exp(alpha * Math.log(p[i]) + (1 - alpha) * Math.log(q[i]) - max));
            }
        }
        return max + Math.log(sum.getAsDouble());
    }

    /**
     * ln(p/q) for p, q &gt; 0: log1p((p − q)/q) when |p − q| ≤ q/16 (p − q exact by Sterbenz's lemma, so the
     * result keeps full relative accuracy near 0); otherwise ln(p/q) when the ratio is a normal number, else
     * ln p − ln q (the ratio would overflow or underflow).
     */
    static double logRatio(double p, double q) {
        double d = p - q;
        if (Math.abs(d) <= q * NEAR) {
            return Math.log1p(d / q);
        }
        double ratio = p / q;
        if (ratio >= Double.MIN_NORMAL && ratio < Double.POSITIVE_INFINITY) {
            return Math.log(ratio); // |ln ratio| > 0.06: the ratio's rounding error ε is negligible
        }
        return Math.log(p) - Math.log(q);
    }

    /** Clamps a −1 ulp rounding result of a quantity that is mathematically ≥ 0 to 0. */
    private static double nonNegative(double x) {
        return x > 0 ? x : 0.0;
    }

    private static double checked(double[] v, int i, String argument) {
        double x = v[i];
        if (!(x >= 0 && x <= 1)) {
            throw new InvalidDistributionException(argument, i, x, "probability must be in [0, 1]");
        }
        return x;
    }

    private static void checkLengths(double[] p, double[] q) {
        if (p.length == 0) {
            throw new InvalidDistributionException("p", -1, Double.NaN, "must have at least one entry");
        }
        if (q.length != p.length) {
            throw new InvalidDistributionException("q", -1, q.length,
                    "length " + q.length + " differs from the length " + p.length + " of p");
        }
    }
}
