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
 * <p>Numerics: sums whose terms can cancel are compensated on every term (Commons Numbers {@link Sum}), sums
 * of non-negative terms at least blockwise (see {@link #bundle}); ln(p/q) is evaluated as 2 artanh((p − q)/(p + q))
 * by its series when |p − q| ≤ (p + q)/16, where p − q is exact (Sterbenz), so near-identical inputs keep their
 * relative accuracy, and as ln p − ln q otherwise, so the ratio never overflows; results that rounding
 * could push one ulp outside their mathematical range are clamped to it. Inputs are expected to sum to 1
 * (the service normalizes them); entries are checked one by one during the pass.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DiscreteDivergences {

    private static final double LN2 = Math.log(2);
    /**
     * |p − q|/(p + q) at or below which ln(p/q) and the Jensen–Shannon term are evaluated by their series in
     * x = (p − q)/(p + q) (see {@link #logRatioNear}), where p − q is exact and the plain forms would cancel.
     */
    private static final double NEAR = 1.0 / 16;
    /** Entries per block of {@link #bundle}: the scratch logarithms of one block stay in the L1 cache. */
    static final int BLOCK = 1024;

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
        return klDivergence(p, q, null, null);
    }

    /**
     * {@link #klDivergence(double[], double[])} for log-domain input: ln p and ln q are taken from {@code logP}
     * and {@code logQ} wherever p or q is below the smallest normal double, so a probability that underflowed
     * (e^−800) still counts with its exact logarithm instead of as 0; "p &gt; 0" means ln p &gt; −∞.
     *
     * @param logP ln p_i (−∞ for p_i = 0), consistent with p; or null to take logarithms of p
     * @param logQ likewise for q
     * @throws InvalidDistributionException as the two-argument form, or if a log array's length differs
     */
    public double klDivergence(double[] p, double[] q, double[] logP, double[] logQ) {
        checkLengths(p, q);
        checkLogs(p, logP, logQ);
        Sum kl = Sum.create();
        boolean pOutsideQ = false;
        for (int i = 0; i < p.length; i++) {
            if ((i & 0xFFFF) == 0xFFFF) {
                Cancellation.checkpoint();
            }
            double pi = checked(p, i, "p");
            double qi = checked(q, i, "q");
            if (positive(pi, logP, i)) {
                if (positive(qi, logQ, i)) {
                    kl.add(logP == null ? klTermWithoutFirstOrder(pi, qi)
                            : klTermWithoutFirstOrder(pi, qi, pi - qi, logP[i], logQ[i]));
                } else {
                    pOutsideQ = true;
                }
            } else {
                kl.add(qi); // 0 ln(0/q) − 0 + q
            }
        }
        return pOutsideQ ? Double.POSITIVE_INFINITY : base.fromNats(nonNegative(kl.getAsDouble()));
    }

    /** Whether p_i &gt; 0: from its logarithm when given (a probability that underflowed to 0 is still positive). */
    private static boolean positive(double v, double[] logs, int i) {
        return logs != null ? logs[i] > Double.NEGATIVE_INFINITY : v > 0;
    }

    /** ln v_i: the given logarithm, or ln v. */
    private static double ln(double v, double[] logs, int i) {
        return logs != null ? logs[i] : Math.log(v);
    }

    private static boolean bothNormal(double p, double q) {
        return p >= Double.MIN_NORMAL && q >= Double.MIN_NORMAL;
    }

    private static void checkLogs(double[] p, double[] logP, double[] logQ) {
        if ((logP == null) != (logQ == null) || logP != null && (logP.length != p.length || logQ.length != p.length)) {
            throw new InvalidDistributionException("logP", -1, Double.NaN,
                    "logP and logQ must both be given, with the length of p, or both be null");
        }
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
        return klTerms(p, q, null, null);
    }

    /**
     * {@link #klTerms(double[], double[])} with ln p and ln q from the given logarithms where p or q is subnormal
     * or underflowed (see {@link #klDivergence(double[], double[], double[], double[])}).
     *
     * @param logP ln p_i, or null
     * @param logQ ln q_i, or null
     * @return a new array of n terms in this instance's unit
     * @throws InvalidDistributionException as the two-argument form, or if a log array's length differs
     */
    public double[] klTerms(double[] p, double[] q, double[] logP, double[] logQ) {
        checkLengths(p, q);
        checkLogs(p, logP, logQ);
        double[] terms = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            if ((i & 0xFFFF) == 0xFFFF) {
                Cancellation.checkpoint();
            }
            double pi = checked(p, i, "p");
            double qi = checked(q, i, "q");
            if (positive(pi, logP, i)) {
                terms[i] = !positive(qi, logQ, i) ? Double.POSITIVE_INFINITY
                        : base.fromNats(pi * (bothNormal(pi, qi) || logP == null ? logRatio(pi, qi)
                                : ln(pi, logP, i) - ln(qi, logQ, i)));
            }
        }
        return terms;
    }

    /**
     * Every divergence of {@link DivergenceBundle} from one read of both arrays, in blocks of
     * {@value #BLOCK} entries: for each block, ln p, ln q, ln(p/q) and the Jensen–Shannon term
     * p ln(p/m) + q ln(q/m), m = (p + q)/2, are computed once into scratch arrays (at most three logarithms per
     * entry), and then shared by KL, reverse KL, Jeffreys, ψ, cross-entropy, the entropies and Jensen–Shannon in
     * call-free loops the JIT can pipeline.
     *
     * <p>Numerics. Near p = q (|p − q| ≤ (p + q)/16, where p − q is exact by Sterbenz's lemma) ln(p/q) and the
     * Jensen–Shannon term come from their series in x = (p − q)/(p + q), {@link #logRatioNear} and
     * {@link #jensenShannonTermNear}: no cancellation, and no call to {@code log1p} (which the JDK does not
     * intrinsify). Elsewhere ln(p/q) = ln p − ln q and ln(p/m) = ln p − ln m, accurate to ε(|ln p| + |ln m|)
     * against |ln(p/q)| &gt; 0.12. √p − √q is evaluated as (p − q)/(√p + √q),
     * which keeps near-identical inputs accurate. KL and reverse KL, whose terms have both signs and may cancel
     * to a result far smaller than the terms, are compensated on every term (Commons Numbers {@link Sum}). Every
     * other quantity sums non-negative terms (ψ's (p − q) ln(p/q), each Jensen–Shannon term by the log-sum
     * inequality, and the rest by construction), where plain summation within a block and compensated summation
     * across blocks bound the relative error by {@value #BLOCK}·ε ≈ 2.3·10⁻¹³ (Higham, <i>Accuracy and
     * Stability of Numerical Algorithms</i>, 2nd ed., §4.2). Bhattacharyya is −ln BC for a small coefficient
     * BC = Σ √p √q and −log1p(−H²) for BC near 1.
     *
     * @param p reference distribution, length n ≥ 1, entries in [0, 1], summing to 1
     * @param q approximating distribution, same length, summing to 1
     * @return the bundle in this instance's unit
     * @throws InvalidDistributionException if the lengths differ or an entry is outside [0, 1] or NaN
     * @see <a href="https://doi.org/10.1109/18.61115">Lin (1991), Jensen–Shannon divergence</a>
     * @see <a href="https://doi.org/10.1109/TCOM.1967.1089532">Kailath (1967), Bhattacharyya and Hellinger</a>
     */
    public DivergenceBundle bundle(double[] p, double[] q) {
        return bundle(p, q, null, null);
    }

    /**
     * {@link #bundle(double[], double[])} for log-domain input: ln p, ln q and ln m come from the given logarithms
     * wherever p or q is subnormal or underflowed to 0 (so KL, reverse KL, Jeffreys, ψ, cross-entropy and
     * Jensen–Shannon see a probability of e^−800 with its exact logarithm); "p &gt; 0" means ln p &gt; −∞. The
     * measures without logarithms (total variation, Hellinger, Bhattacharyya, χ²) use the probabilities.
     *
     * @param logP ln p_i (−∞ for p_i = 0), consistent with p; or null
     * @param logQ likewise for q
     * @return the bundle in this instance's unit
     * @throws InvalidDistributionException as the two-argument form, or if a log array's length differs
     */
    public DivergenceBundle bundle(double[] p, double[] q, double[] logP, double[] logQ) {
        checkLengths(p, q);
        checkLogs(p, logP, logQ);
        BundleAccumulator acc = new BundleAccumulator(Math.min(p.length, BLOCK), logP, logQ);
        for (int start = 0, block = 0; start < p.length; start += BLOCK, block++) {
            if ((block & 63) == 63) {
                Cancellation.checkpoint();
            }
            acc.add(p, q, start, Math.min(p.length, start + BLOCK));
        }
        return acc.result(base);
    }

    /** The running sums of {@link #bundle} and one block's scratch logarithms. */
    private static final class BundleAccumulator {
        private final double[] lp;
        private final double[] lq;
        private final double[] lr;
        private final double[] jsTerm;
        /** p ln(p/q) − p + q and q ln(q/p) − q + p: the KL terms without their first-order parts (see below). */
        private final double[] klTerm;
        private final double[] reverseKlTerm;
        /** KL and reverse KL: each block's compensated sum is added to these. */
        private final Sum kl = Sum.create();
        private final Sum reverseKl = Sum.create();
        /** The non-negative sums: one block's plain sum is added to these compensated totals. */
        private final Sum psi = Sum.create();
        private final Sum crossEntropy = Sum.create();
        private final Sum entropyP = Sum.create();
        private final Sum entropyQ = Sum.create();
        private final Sum js = Sum.create();
        private final Sum tv = Sum.create();
        private final Sum hellingerSq = Sum.create();
        private final Sum coefficient = Sum.create();
        private final Sum chiSquare = Sum.create();
        private boolean pOutsideQ;
        private boolean qOutsideP;
        /** The logarithms of log-domain input, or null. */
        private final double[] logP;
        private final double[] logQ;

        BundleAccumulator(int capacity, double[] logP, double[] logQ) {
            this.logP = logP;
            this.logQ = logQ;
            lp = new double[capacity];
            lq = new double[capacity];
            lr = new double[capacity];
            jsTerm = new double[capacity];
            klTerm = new double[capacity];
            reverseKlTerm = new double[capacity];
        }

        void add(double[] p, double[] q, int start, int end) {
            logarithms(p, q, start, end);
            int len = end - start;
            // KL and reverse KL as Σ (p ln(p/q) − p + q): the added Σ (q − p) is 0 for distributions, but it removes
            // the first-order part of every term, so the terms are ≥ 0 and near-identical inputs keep their relative
            // accuracy (summing p ln(p/q) alone leaves an error of about Σp − Σq ≈ 1e-16 whatever the divergence).
            // Compensated on every term; block-local sums stay in registers (scalar-replaced)
            Sum klBlock = Sum.create();
            Sum reverseKlBlock = Sum.create();
            for (int j = 0; j < len; j++) {
                klBlock.add(klTerm[j]);
                reverseKlBlock.add(reverseKlTerm[j]);
            }
            kl.add(klBlock);
            reverseKl.add(reverseKlBlock);
            double psiBlock = 0;
            double crossBlock = 0;
            double entropyPBlock = 0;
            double entropyQBlock = 0;
            double jsBlock = 0;
            for (int j = 0; j < len; j++) {
                double pi = p[start + j];
                double qi = q[start + j];
                psiBlock += (pi - qi) * lr[j];
                crossBlock -= pi * lq[j];
                entropyPBlock -= pi * lp[j];
                entropyQBlock -= qi * lq[j];
                jsBlock += jsTerm[j];
            }
            psi.add(psiBlock);
            crossEntropy.add(crossBlock);
            entropyP.add(entropyPBlock);
            entropyQ.add(entropyQBlock);
            js.add(0.5 * jsBlock);
            double tvBlock = 0;
            double hellingerBlock = 0;
            double coefficientBlock = 0;
            double chiBlock = 0;
            for (int i = start; i < end; i++) {
                double pi = p[i];
                double qi = q[i];
                double d = pi - qi;
                tvBlock += Math.abs(d);
                double sp = Math.sqrt(pi);
                double sq = Math.sqrt(qi);
                coefficientBlock += sp * sq; // √p·√q, not √(p·q), which underflows for p, q ~ 1e-300
                // √p − √q = (p − q)/(√p + √q); the floor turns p = q = 0 into 0/MIN_VALUE = 0
                double h = d / Math.max(sp + sq, Double.MIN_VALUE);
                hellingerBlock += h * h;
                // (p − q)²/q: q for p = 0 < q, 0 for p = q = 0; p > 0 = q is +∞ through pOutsideQ
                chiBlock += d * d / Math.max(qi, Double.MIN_VALUE);
            }
            tv.add(tvBlock);
            hellingerSq.add(hellingerBlock);
            coefficient.add(coefficientBlock);
            chiSquare.add(chiBlock);
        }

        /**
         * Fills the scratch arrays for p[start, end) and checks each entry. Where p = 0 the convention 0 ln 0 = 0
         * is met by ln p := 0 (likewise for q); where only one of p, q is positive, the Jensen–Shannon term is
         * (p + q) ln 2 and ln(p/q) := 0 (its sums are then +∞ through the support flags, or multiplied by 0).
         */
        private void logarithms(double[] p, double[] q, int start, int end) {
            // the block's entries are checked first, without a branch per entry; the first bad one is reported
            boolean inRange = true;
            for (int i = start; i < end; i++) {
                double pi = p[i];
                double qi = q[i];
                inRange &= (pi >= 0) & (pi <= 1) & (qi >= 0) & (qi <= 1);
            }
            if (!inRange) {
                for (int i = start; i < end; i++) {
                    checked(p, i, "p");
                    checked(q, i, "q");
                }
            }
            for (int i = start, j = 0; i < end; i++, j++) {
                double pi = p[i];
                double qi = q[i];
                if (logP != null && !bothNormal(pi, qi) && positive(pi, logP, i) && positive(qi, logQ, i)) {
                    // log-domain input with a subnormal or underflowed probability: every logarithm from logP,
                    // logQ; ln m = ln((p + q)/2) by log-sum-exp, as p + q may have underflowed too
                    double a = logP[i];
                    double b = logQ[i];
                    double r = a - b;
                    double d = pi - qi;
                    double lnM = Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(r))) - LN2;
                    lp[j] = a;
                    lq[j] = b;
                    lr[j] = r;
                    jsTerm[j] = pi * (a - lnM) + qi * (b - lnM);
                    klTerm[j] = pi * r - d;
                    reverseKlTerm[j] = d - qi * r;
                } else if (pi > 0 && qi > 0) {
                    double d = pi - qi;
                    double s = pi + qi;
                    double a = Math.log(pi);
                    double b = Math.log(qi);
                    lp[j] = a;
                    lq[j] = b;
                    if (Math.abs(d) <= s * NEAR) {
                        double x = d / s;
                        lr[j] = logRatioNear(x);
                        jsTerm[j] = 0.5 * s * jensenShannonTermNear(x);
                        klTerm[j] = s * klExcessNear(x);
                        reverseKlTerm[j] = s * klExcessNear(-x);
                    } else {
                        double r = a - b;
                        lr[j] = r;
                        double lnM = Math.log(s) - LN2;
                        jsTerm[j] = pi * (a - lnM) + qi * (b - lnM); // p ln(p/m) + q ln(q/m)
                        klTerm[j] = pi * r - d;
                        reverseKlTerm[j] = d - qi * r;
                    }
                } else {
                    lp[j] = pi > 0 ? Math.log(pi) : 0;
                    lq[j] = qi > 0 ? Math.log(qi) : 0;
                    lr[j] = 0;
                    jsTerm[j] = (pi + qi) * LN2;
                    // 0 ln(0/q) − 0 + q = q; where the other side is 0 the divergence is +∞ through the flags
                    klTerm[j] = qi;
                    reverseKlTerm[j] = pi;
                    pOutsideQ |= positive(pi, logP, i);
                    qOutsideP |= positive(qi, logQ, i);
                }
            }
        }

        DivergenceBundle result(LogBase base) {
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
        return renyiDivergence(p, q, null, null, alpha);
    }

    /**
     * {@link #renyiDivergence(double[], double[], double)} for log-domain input: ln(q/p) from the given logarithms
     * wherever p or q is subnormal or underflowed, and the log-sum-exp fallback over them.
     *
     * @param logP ln p_i, or null
     * @param logQ ln q_i, or null
     * @throws InvalidDistributionException as the three-argument form, or if a log array's length differs
     * @throws IllegalArgumentException if α is not finite and &gt; 0
     */
    public double renyiDivergence(double[] p, double[] q, double[] logP, double[] logQ, double alpha) {
        if (!(alpha > 0 && alpha < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("alpha must be finite and > 0, was " + alpha);
        }
        if (alpha == 1) {
            return klDivergence(p, q, logP, logQ);
        }
        checkLengths(p, q);
        checkLogs(p, logP, logQ);
        double oneMinusAlpha = 1 - alpha;
        // S − 1 where S = Σ p^α q^(1−α), as Σ (p^α q^(1−α) − p − (1 − α)(q − p)): the added Σ (1 − α)(q − p) is 0
        // for distributions, but it removes each term's first-order part, which would otherwise leave an error of
        // about (1 − α)(Σq − Σp) ≈ 1e-16 whatever the divergence (as for KL, the limit α → 1)
        Sum excess = Sum.create();
        boolean pOutsideQ = false;
        for (int i = 0; i < p.length; i++) {
            if ((i & 0xFFFF) == 0xFFFF) {
                Cancellation.checkpoint();
            }
            double pi = checked(p, i, "p");
            double qi = checked(q, i, "q");
            if (positive(pi, logP, i)) {
                if (!positive(qi, logQ, i)) {
                    pOutsideQ = true;
                    excess.add(-alpha * pi); // for α < 1 the term p^α·0 is 0: −p − (1 − α)(0 − p) = −α p
                } else {
                    double r = bothNormal(pi, qi) || logP == null ? logRatio(pi, qi) : logP[i] - logQ[i];
                    excess.add(pi * Math.expm1(oneMinusAlpha * -r));
                    excess.add(-oneMinusAlpha * (qi - pi));
                }
            } else {
                excess.add(-oneMinusAlpha * qi); // 0 − 0 − (1 − α)(q − 0)
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
            nats = logSumOfPowers(p, q, logP, logQ, alpha) / (alpha - 1); // a term overflowed: log domain
        }
        return base.fromNats(nonNegative(nats));
    }

    /** ln Σ p^α q^(1−α) by log-sum-exp over t_i = α ln p_i + (1 − α) ln q_i, for the terms with p, q &gt; 0. */
    private static double logSumOfPowers(double[] p, double[] q, double[] logP, double[] logQ, double alpha) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < p.length; i++) {
            if (positive(p[i], logP, i) && positive(q[i], logQ, i)) {
                max = Math.max(max, alpha * ln(p[i], logP, i) + (1 - alpha) * ln(q[i], logQ, i));
            }
        }
        Sum sum = Sum.create();
        for (int i = 0; i < p.length; i++) {
            if (positive(p[i], logP, i) && positive(q[i], logQ, i)) {
                sum.add(Math.exp(alpha * ln(p[i], logP, i) + (1 - alpha) * ln(q[i], logQ, i) - max));
            }
        }
        return max + Math.log(sum.getAsDouble());
    }

    /**
     * ln(p/q) for p, q &gt; 0: {@link #logRatioNear} when |p − q| ≤ (p + q)/16 (p − q exact by Sterbenz's lemma,
     * so the result keeps full relative accuracy near 0); otherwise ln(p/q) when the ratio is a normal number,
     * else ln p − ln q (the ratio would overflow or underflow).
     */
    static double logRatio(double p, double q) {
        double d = p - q;
        double s = p + q;
        if (Math.abs(d) <= s * NEAR) {
            return logRatioNear(d / s);
        }
        double ratio = p / q;
        if (ratio >= Double.MIN_NORMAL && ratio < Double.POSITIVE_INFINITY) {
            return Math.log(ratio); // |ln ratio| > 0.12: the ratio's rounding error ε is negligible
        }
        return Math.log(p) - Math.log(q);
    }

    /**
     * t ln(t/u) − d for t, u &gt; 0 given d = t − u exactly (where the caller knows it better than t − u of the
     * rounded values, as 1 − p against 1 − q), and ln t, ln u: the KL term without its first-order part, to full
     * relative accuracy near t = u (the series in x = d/(t + u) when both are normal numbers and |x| ≤ 1/16), and
     * t (ln t − ln u) − d elsewhere, from the logarithms (so an underflowed t or u still counts). Used by the
     * parametric closed forms of discrete families, which sum such terms.
     *
     * @param t a probability or weight &gt; 0
     * @param u another &gt; 0
     * @param d t − u
     * @param lnT ln t
     * @param lnU ln u
     * @return t ln(t/u) − d, ≥ 0 up to rounding
     */
    public static double klTermWithoutFirstOrder(double t, double u, double d, double lnT, double lnU) {
        double s = t + u;
        if (t >= Double.MIN_NORMAL && u >= Double.MIN_NORMAL && Math.abs(d) <= s * NEAR) {
            return s * klExcessNear(d / s);
        }
        return t * (lnT - lnU) - d;
    }

    /**
     * p ln(p/q) − p + q for p, q &gt; 0: q (t ln t − t + 1) with t = p/q, ≥ 0. Summed over the categories it is
     * D_KL(P ‖ Q) (the added Σ (q − p) vanishes for distributions) without the first-order part of each term, so it
     * keeps its relative accuracy for near-identical P and Q.
     */
    static double klTermWithoutFirstOrder(double p, double q) {
        double d = p - q;
        double s = p + q;
        if (Math.abs(d) <= s * NEAR) {
            return s * klExcessNear(d / s);
        }
        return p * logRatio(p, q) - d;
    }

    /**
     * (1 + x) artanh x − x = Σ_{k ≥ 1} x^(2k)/(2k − 1) + Σ_{k ≥ 1} x^(2k+1)/(2k + 1) for |x| ≤ 1/16: with
     * p = s(1 + x)/2 and q = s(1 − x)/2, p ln(p/q) − (p − q) is s times this (from the series of artanh,
     * Abramowitz and Stegun 4.6.22). Terms up to x¹⁶/15: the first omitted one, x¹⁷/17, is below 2⁻⁶⁰x², and the
     * even part dominates the odd one (|x| ≤ 1/16), so the result is within a few ulps and ≥ 0.
     *
     * @param x (p − q)/(p + q), |x| ≤ 1/16
     * @return the sum, ≥ 0
     */
    static double klExcessNear(double x) {
        double y = x * x;
        double even = y * (1 + y * (1.0 / 3 + y * (1.0 / 5 + y * (1.0 / 7 + y * (1.0 / 9 + y * (1.0 / 11
                + y * (1.0 / 13 + y * (1.0 / 15))))))));
        double odd = x * y * (1.0 / 3 + y * (1.0 / 5 + y * (1.0 / 7 + y * (1.0 / 9 + y * (1.0 / 11
                + y * (1.0 / 13 + y * (1.0 / 15)))))));
        return even + odd;
    }

    /**
     * ln(p/q) = ln((1 + x)/(1 − x)) = 2 artanh x = 2 Σ_{k ≥ 0} x^(2k+1)/(2k + 1) for x = (p − q)/(p + q),
     * |x| ≤ 1/16 (Abramowitz and Stegun, <i>Handbook of Mathematical Functions</i>, 4.1.28). Seven terms, up to
     * x¹³/13: the first omitted one, 2x¹⁵/15, is below 2⁻⁵⁶·2|x|/15, so the result is within a few ulps.
     *
     * @param x (p − q)/(p + q), |x| ≤ 1/16
     * @return ln(p/q)
     */
    static double logRatioNear(double x) {
        double y = x * x;
        return 2 * x * (1 + y * (1.0 / 3 + y * (1.0 / 5 + y * (1.0 / 7 + y * (1.0 / 9 + y * (1.0 / 11
                + y * (1.0 / 13)))))));
    }

    /**
     * (1 + x) ln(1 + x) + (1 − x) ln(1 − x) = Σ_{k ≥ 1} x^(2k)/(k(2k − 1)) for |x| ≤ 1/16, from the series of
     * ln(1 ± x) (Abramowitz and Stegun 4.1.24) added term by term. With p = m(1 + x), q = m(1 − x) the
     * Jensen–Shannon term p ln(p/m) + q ln(q/m) is m times this, a sum of positive terms where the logarithmic
     * form cancels to x². Six terms, up to x¹²/66: the first omitted one, x¹⁴/91, is below 2⁻⁴⁸x²/91 &lt; εx²/2.
     *
     * @param x (p − q)/(p + q), |x| ≤ 1/16
     * @return the sum, ≥ 0
     */
    static double jensenShannonTermNear(double x) {
        double y = x * x;
        return y * (1 + y * (1.0 / 6 + y * (1.0 / 15 + y * (1.0 / 28 + y * (1.0 / 45 + y * (1.0 / 66))))));
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
