package dev.divergence.compute.parametric;

import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * ContinuousBernoulli(probs | logits): density C(λ) λ^x (1 − λ)^{1−x} on [0, 1] (Loaiza-Ganem and Cunningham,
 * 2019). In its natural parameter η = logit λ the density is e^{ηx − A(η)} with A(η) = ln((e^η − 1)/η), which
 * this class evaluates with series near η = 0 (λ = ½, where the textbook forms are 0/0) instead of torch's
 * {@code lims} interval.
 *
 * @see <a href="https://arxiv.org/abs/1907.06845">Loaiza-Ganem and Cunningham (2019)</a>
 */
public final class ContinuousBernoulli extends Univariate {

    private final double eta;

    private ContinuousBernoulli(double eta) {
        this.eta = eta;
    }

    /**
     * @param probs λ in (0, 1)
     * @return the distribution
     * @throws InvalidParameterException if probs is outside (0, 1)
     */
    public static ContinuousBernoulli ofProbs(double probs) {
        InvalidParameterException.probability("probs", probs, false, false);
        // ln λ − ln(1 − λ), with log1p for λ near 0
        return new ContinuousBernoulli(Math.log(probs) - Math.log1p(-probs));
    }

    /**
     * @param logits η = ln(λ/(1 − λ)), finite
     * @return the distribution
     * @throws InvalidParameterException if logits is not finite
     */
    public static ContinuousBernoulli ofLogits(double logits) {
        return new ContinuousBernoulli(InvalidParameterException.finite("logits", logits));
    }

    double eta() {
        return eta;
    }

    @Override
    public String family() {
        return "ContinuousBernoulli";
    }

    @Override
    public boolean isDiscrete() {
        return false;
    }

    @Override
    public double supportLower() {
        return 0;
    }

    @Override
    public double supportUpper() {
        return 1;
    }

    /** A(η) = ln((e^η − 1)/η) = −ln(C(λ)(1 − λ)). */
    double logPartition() {
        return StableMath.logExpm1Ratio(eta);
    }

    @Override
    public double entropy() {
        return -negativeEntropy();
    }

    /**
     * (2n − 1) c_n, c_n = 2^{2n} B_{2n} / (2n (2n)!) the coefficients of ln(sinh x / x), n = 1…17 (mpmath,
     * 40 digits): with x ≤ 1 the omitted terms are below 10⁻¹⁸ of the sum.
     */
    private static final double[] NEGATIVE_ENTROPY_SERIES = {0.16666666666666666, -0.016666666666666666, 0.001763668430335097, -0.00018518518518518518, 1.924001924001924e-05,
        -1.9840372574058642e-06, 2.035980871959708e-07, -2.082619574060595e-08, 2.1257410599208495e-09,
        -2.1664893644362573e-10, 2.205614020813887e-11, -2.2436219035665515e-12, 2.2808670577147744e-13,
        -2.3176043357118144e-14, 2.354022222821059e-15, -2.390263529376045e-16, 2.426438827794961e-17};

    /**
     * η A′(η) − A(η) = −H, the same for η and −η (the reflection x ↦ 1 − x), without the cancellation of its two
     * terms: for |η| ≤ 2 the series Σ (2n − 1) c_n x^{2n}, x = η/2; beyond, η/(e^η − 1) − 1 − ln(1 − e^{−η}) + ln η
     * for η > 0, which stays finite where η A′(η) and A(η) are both about 10³⁰⁸ (logits 1e308: ln η − 1 =
     * 708.196…, not 0).
     *
     * @return −H(p) in nats
     */
    double negativeEntropy() {
        double e = Math.abs(eta);
        if (e <= 2) {
            double x2 = e * e / 4;
            double sum = 0;
            for (int n = NEGATIVE_ENTROPY_SERIES.length - 1; n >= 0; n--) {
                sum = sum * x2 + NEGATIVE_ENTROPY_SERIES[n];
            }
            return sum * x2;
        }
        return e / Math.expm1(e) - 1 - Math.log1p(-Math.exp(-e)) + Math.log(e);
    }

    @Override
    public double logDensity(double x) {
        return x >= 0 && x <= 1 ? eta * x - logPartition() : Double.NEGATIVE_INFINITY;
    }

    @Override
    public DoubleSupplier sampler(UniformRandomProvider rng) {
        // inverse of F(x) = (e^{ηx} − 1)/(e^η − 1)
        if (Math.abs(eta) < 1e-12) {
            return rng::nextDouble;
        }
        if (eta > 0) {
            // x = 1 + ln(u + (1 − u) e^{−η})/η: e^η would overflow for η > 709
            return () -> {
                double u = rng.nextDouble();
                return 1 + Math.log(u + (1 - u) * Math.exp(-eta)) / eta;
            };
        }
        return () -> Math.log1p(rng.nextDouble() * Math.expm1(eta)) / eta;
    }

    @Override
    public double mean() {
        if (Math.abs(eta) < 0.02) {
            // A′(η) = ½ + η/12 − η³/720 + η⁵/30240: the closed form below is 1/η − 1/η + … here
            double e2 = eta * eta;
            return 0.5 + eta / 12 - eta * e2 / 720 + eta * e2 * e2 / 30240;
        }
        return -1 / Math.expm1(-eta) - 1 / eta;
    }

    @Override
    public double variance() {
        if (Math.abs(eta) < 0.05) {
            // A″(η) = 1/12 − η²/240 + η⁴/6048 − η⁶/172800
            double e2 = eta * eta;
            return 1.0 / 12 - e2 / 240 + e2 * e2 / 6048 - e2 * e2 * e2 / 172800;
        }
        double s = 2 * Math.sinh(eta / 2);
        return 1 / (eta * eta) - 1 / (s * s);
    }

    @Override
    public double logMgf(double t) {
        return StableMath.logExpm1Ratio(eta + t) - logPartition();
    }

    @Override
    double crossEntropyFrom(Univariate p) {
        // −ln q(x) = A(η) − ηx
        return logPartition() - times(eta, p.mean());
    }
}
