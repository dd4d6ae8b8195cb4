package dev.divergence.compute.parametric;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedGamma;
import org.apache.commons.numbers.gamma.Trigamma;
import org.apache.commons.statistics.distribution.GammaDistribution;

/**
 * Gamma(concentration, rate): density β^α x^{α−1} e^{−βx}/Γ(α) on (0, ∞). {@code Chi2(df)} is Gamma(df/2, ½), as
 * in torch, and keeps its own family name.
 *
 * @see <a href="https://en.wikipedia.org/wiki/Gamma_distribution">Gamma distribution</a>
 */
public final class Gamma extends CommonsContinuous {

    private final String family;
    private final double concentration;
    private final double rate;

    private Gamma(String family, double concentration, double rate) {
        super(GammaDistribution.of(concentration, 1 / rate));
        this.family = family;
        this.concentration = concentration;
        this.rate = rate;
    }

    /**
     * @param concentration shape α, finite and > 0
     * @param rate rate β, finite and > 0
     * @return the distribution
     * @throws InvalidParameterException if a parameter is outside its domain
     */
    public static Gamma of(double concentration, double rate) {
        return new Gamma("Gamma", InvalidParameterException.positive("concentration", concentration),
                InvalidParameterException.positive("rate", rate));
    }

    /**
     * @param df degrees of freedom k, finite and > 0
     * @return Chi2(df) = Gamma(df/2, ½)
     * @throws InvalidParameterException if df is outside its domain
     */
    public static Gamma chi2(double df) {
        return new Gamma("Chi2", InvalidParameterException.positive("df", df) / 2, 0.5);
    }

    double concentration() {
        return concentration;
    }

    double rate() {
        return rate;
    }

    @Override
    public String family() {
        return family;
    }

    @Override
    public double entropy() {
        // α − ln β + ln Γ(α) + (1 − α) ψ(α)
        return concentration - Math.log(rate) + LogGamma.value(concentration)
                + times(1 - concentration, Digamma.value(concentration));
    }

    @Override
    public double mean() {
        return concentration / rate;
    }

    @Override
    public double variance() {
        return concentration / (rate * rate);
    }

    @Override
    public double meanLog() {
        return Digamma.value(concentration) - Math.log(rate);
    }

    @Override
    public double varianceLog() {
        return Trigamma.value(concentration);
    }

    @Override
    public double meanPower(double k) {
        return Math.exp(LogGamma.value(concentration + k) - LogGamma.value(concentration) - k * Math.log(rate));
    }

    @Override
    public double logMgf(double t) {
        return t < rate ? -concentration * Math.log1p(-t / rate) : Double.POSITIVE_INFINITY;
    }

    @Override
    public double meanAbsoluteDeviation(double c) {
        if (c <= 0) {
            return mean() - c;
        }
        // E[(c − X)⁺] = c P(α, βc) − (α/β) P(α + 1, βc), P the regularized lower incomplete gamma function
        double below = c * RegularizedGamma.P.value(concentration, rate * c)
                - mean() * RegularizedGamma.P.value(concentration + 1, rate * c);
        return mean() - c + 2 * below;
    }

    @Override
    double crossEntropyFrom(Univariate p) {
        // −ln q(x) = −α ln β + ln Γ(α) − (α − 1) ln x + βx
        double m = p.mean();
        if (m == Double.POSITIVE_INFINITY) {
            return m;
        }
        return -concentration * Math.log(rate) + LogGamma.value(concentration)
                - times(concentration - 1, p.meanLog()) + rate * m;
    }
}
