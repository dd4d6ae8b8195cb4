package dev.divergence.compute.parametric;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.RegularizedBeta;
import org.apache.commons.numbers.gamma.Trigamma;
import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * Beta(concentration1, concentration0): density x^{α−1}(1 − x)^{β−1}/B(α, β) on [0, 1], with α =
 * concentration1 the exponent of x and β = concentration0 the exponent of 1 − x (torch's names).
 *
 * @see <a href="https://en.wikipedia.org/wiki/Beta_distribution">Beta distribution</a>
 */
public final class Beta extends CommonsContinuous {

    private final double alpha;
    private final double beta;

    private Beta(double alpha, double beta) {
        super(BetaDistribution.of(InvalidParameterException.positive("concentration1", alpha),
                InvalidParameterException.positive("concentration0", beta)));
        this.alpha = alpha;
        this.beta = beta;
    }

    /**
     * @param concentration1 α, finite and > 0
     * @param concentration0 β, finite and > 0
     * @return the distribution
     * @throws InvalidParameterException if a parameter is outside its domain
     */
    public static Beta of(double concentration1, double concentration0) {
        return new Beta(concentration1, concentration0);
    }

    double alpha() {
        return alpha;
    }

    double beta() {
        return beta;
    }

    @Override
    public String family() {
        return "Beta";
    }

    @Override
    public double entropy() {
        // ln B(α, β) − (α − 1)ψ(α) − (β − 1)ψ(β) + (α + β − 2)ψ(α + β)
        return LogBeta.value(alpha, beta) - times(alpha - 1, Digamma.value(alpha))
                - times(beta - 1, Digamma.value(beta)) + times(alpha + beta - 2, Digamma.value(alpha + beta));
    }

    @Override
    public double mean() {
        return alpha / (alpha + beta);
    }

    @Override
    public double variance() {
        double s = alpha + beta;
        return alpha * beta / (s * s * (s + 1));
    }

    @Override
    public double meanLog() {
        return Digamma.value(alpha) - Digamma.value(alpha + beta);
    }

    @Override
    public double varianceLog() {
        return Trigamma.value(alpha) - Trigamma.value(alpha + beta);
    }

    @Override
    public double meanLog1m() {
        return Digamma.value(beta) - Digamma.value(alpha + beta);
    }

    @Override
    public double meanPower(double k) {
        return Math.exp(LogBeta.value(alpha + k, beta) - LogBeta.value(alpha, beta));
    }

    @Override
    public double meanAbsoluteDeviation(double c) {
        if (c <= 0) {
            return mean() - c;
        }
        if (c >= 1) {
            return c - mean();
        }
        // E[(c − X)⁺] = c I_c(α, β) − E[X] I_c(α + 1, β)
        double below = c * RegularizedBeta.value(c, alpha, beta) - mean() * RegularizedBeta.value(c, alpha + 1, beta);
        return mean() - c + 2 * below;
    }

    @Override
    double crossEntropyFrom(Univariate p) {
        // −ln q(x) = ln B(α, β) − (α − 1) ln x − (β − 1) ln(1 − x)
        return LogBeta.value(alpha, beta) - times(alpha - 1, p.meanLog()) - times(beta - 1, p.meanLog1m());
    }
}
