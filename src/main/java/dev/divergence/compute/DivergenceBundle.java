package dev.divergence.compute;

/**
 * Every divergence of one pair (P, Q) computed by a single fused pass of
 * {@link DiscreteDivergences#bundle(double[], double[])}. Logarithmic quantities are in the unit of the
 * {@link DiscreteDivergences} instance that made it; total variation, Hellinger and χ² are base-free. Values
 * are never NaN; +∞ marks a divergence that is infinite by support.
 *
 * @param kl D_KL(P ‖ Q) = Σ p ln(p/q), in [0, ∞]
 * @param reverseKl D_KL(Q ‖ P), in [0, ∞]
 * @param jeffreys D_KL(P ‖ Q) + D_KL(Q ‖ P), in [0, ∞]
 * @param psi Σ (p − q) ln(p/q) (equal to Jeffreys), in [0, ∞]
 * @param jensenShannon ½ D_KL(P ‖ M) + ½ D_KL(Q ‖ M), M = (P + Q)/2, in [0, ln 2 nats]
 * @param jensenShannonDistance √jensenShannon (in this unit), in [0, √(ln 2 / ln b)]
 * @param crossEntropy H(P, Q) = −Σ p ln q, in [0, ∞]
 * @param entropyP H(P) = −Σ p ln p, in [0, ln n]
 * @param entropyQ H(Q), in [0, ln n]
 * @param totalVariation ½ Σ |p − q|, in [0, 1]
 * @param hellinger √(½ Σ (√p − √q)²), in [0, 1]
 * @param bhattacharyya −ln Σ √(p q), in [0, ∞]
 * @param chiSquare Pearson χ²(P ‖ Q) = Σ (p − q)²/q, in [0, ∞]
 */
public record DivergenceBundle(double kl, double reverseKl, double jeffreys, double psi, double jensenShannon,
        double jensenShannonDistance, double crossEntropy, double entropyP, double entropyQ, double totalVariation,
        double hellinger, double bhattacharyya, double chiSquare) {
}
