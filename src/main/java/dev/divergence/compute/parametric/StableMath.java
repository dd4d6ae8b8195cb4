package dev.divergence.compute.parametric;

import org.apache.commons.numbers.core.Sum;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * Elementary functions written to keep their relative accuracy where the textbook form cancels or overflows.
 * Each method says which cancellation it avoids.
 */
final class StableMath {

    /** Euler–Mascheroni constant γ. */
    static final double EULER = 0.5772156649015329;
    static final double LN_2 = 0.6931471805599453;
    static final double LN_PI = 1.1447298858494002;
    static final double LN_2PI = 1.8378770664093453;

    private StableMath() {
    }

    /**
     * e^u − 1 − u, accurate near u = 0 (where expm1(u) − u loses every digit of the u²/2 term).
     */
    /**
     * ln(a/b) for finite a, b > 0 without forming a/b where it could overflow or underflow (ln a − ln b), and to
     * full relative accuracy near a = b, where it is log1p of the exact difference (a − b is exact for
     * b/2 ≤ a ≤ 2b, Sterbenz 1974).
     */
    static double logRatio(double a, double b) {
        double r = a / b;
        if (r > 0.5 && r < 2) {
            return Math.log1p((a - b) / b);
        }
        return Math.log(a) - Math.log(b);
    }

    /**
     * (a − b)/s without overflowing where the result does not: the difference first when it is finite (a/s and b/s
     * alone can overflow, as −1e300/1e-300 on both sides, which made ∞ − ∞), else a/s − b/s (a − b overflows only
     * for opposite signs, where the two quotients cannot cancel).
     *
     * @param a a finite number
     * @param b a finite number
     * @param s a scale &gt; 0
     * @return (a − b)/s, ±∞ when it is past the largest double
     */
    static double scaledDifference(double a, double b, double s) {
        double diff = a - b;
        return Double.isFinite(diff) ? diff / s : a / s - b / s;
    }

    /**
     * lnΓ(a + h) − lnΓ(a) − h ψ(a), the part of lnΓ beyond its tangent at a (≥ 0; a > 0, a + h > 0). Near h = 0 it
     * is second order, and the difference of the three terms would keep an absolute error of a few ulps of lnΓ(a):
     * for |h| ≤ 10⁻² a it is the Taylor series Σ_{k=2..11} (−1)^k ζ(k, a) h^k / k (Abramowitz and Stegun 6.4.10:
     * ψ^(k−1)(a) = (−1)^k (k−1)! ζ(k, a)), to full relative accuracy: each term is at most |h|/a of the one
     * before, so the sum stops once a term is below 10⁻¹⁷ of it (after two or three terms for h near 10⁻¹⁰ a).
     * Beyond, the three terms themselves, whose difference keeps a relative error of about ε a² ln a / h² (10⁻¹² at
     * the switch).
     */
    static double lgammaExcess(double a, double h) {
        return lgammaExcess(a, h, a + h);
    }

    /**
     * {@link #lgammaExcess(double, double)} with the second parameter b = a + h given as it is: a + h can lose b
     * entirely (10⁻¹⁵⁰ + (10⁻³⁰⁰ − 10⁻¹⁵⁰) = 0), which made lnΓ(0) = ∞ and a NaN of the KL.
     *
     * @param b a + h before rounding, &gt; 0
     */
    static double lgammaExcess(double a, double h, double b) {
        if (h == 0) {
            return 0;
        }
        if (Math.abs(h) > 1e-2 * a) {
            // −h ψ(a) as a product that may overflow to ±∞ (ψ(a) ≈ −1/a for tiny a): an honest overflow, never ∞ − ∞
            return LogGamma.value(b) - LogGamma.value(a) - Univariate.times(h, Digamma.value(a));
        }
        double sum = 0;
        double hk = h;
        for (int k = 2; k <= 11; k++) {
            hk *= h;
            double term = ((k & 1) == 0 ? 1 : -1) * hurwitzZeta(k, a) * hk / k;
            sum += term;
            // each later term is at most |h|/a ≤ 10⁻² of this one: the rest is below 10⁻¹⁹ of the sum
            if (Math.abs(term) <= 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return sum;
    }

    /** From this a on, with |h| beyond the Taylor range, {@link ExcessSum} takes R(a, h) from Stirling's series. */
    static final double STIRLING_FROM = 100;

    /**
     * ± Σ R(a_i, h_i) ({@link #lgammaExcess}) where the a_i can be huge: Gamma, Beta and Dirichlet KL with
     * concentrations like 10¹⁵ or 10³⁰⁰ against moderate ones. There each R is about a_i in size while the KL is
     * tens of nats: the a_i cancel between the terms (Σ αp_i − αp_0 = 0), but not after rounding. So for
     * a ≥ {@value #STIRLING_FROM} outside the Taylor range R(a, h) − a is computed from Stirling's series,
     * lnΓ(a) = (a − ½) ln a − a + ½ ln 2π + μ(a) and ψ(a) = ln a − 1/(2a) − ε(a) (Abramowitz and Stegun 6.1.41,
     * 6.3.18), as lnΓ(b) + (½ − b) ln a − ½ ln 2π − ½ + b/(2a) − μ(a) + (b − a) ε(a) with b = a + h, all moderate,
     * and the a's are summed apart, compensated, where they cancel to the rounding residue of the totals.
     */
    static final class ExcessSum {
        private final Sum moderate = Sum.create();
        private final Sum linear = Sum.create();

        /**
         * @param sign +1 or −1
         * @param a the first distribution's parameter, &gt; 0
         * @param h the change to the second's parameter b (as exact as the caller can make it: near a it decides)
         * @param b the second distribution's parameter, &gt; 0 (a + h before rounding: a + h itself can lose b
         *        entirely, as 10³⁰⁰ + (1 − 10³⁰⁰) = 0)
         */
        void add(double sign, double a, double h, double b) {
            if (stirlingApplies(a, h)) {
                addStirlingExcessLessA(moderate, sign, a, b);
                linear.add(sign * a);
            } else {
                moderate.add(sign * lgammaExcess(a, h, b));
            }
        }

        /** @return the sum */
        double value() {
            return moderate.add(linear).getAsDouble();
        }
    }

    /** @return whether {@link #stirlingExcessLessA} is the form for R(a, h): a ≥ 100 and h beyond the Taylor range */
    static boolean stirlingApplies(double a, double h) {
        return a >= STIRLING_FROM && Math.abs(h) > 1e-2 * a;
    }

    /**
     * R(a, b − a) − a = lnΓ(b) + (½ − b) ln a − ½ ln 2π − ½ + b/(2a) − μ(a) + (b − a) ε(a), from Stirling's series
     * lnΓ(a) = (a − ½) ln a − a + ½ ln 2π + μ(a), ψ(a) = ln a − 1/(2a) − ε(a) (Abramowitz and Stegun 6.1.41,
     * 6.3.18), for a ≥ {@value #STIRLING_FROM}; moderate in size where R itself is about a.
     *
     * @param a the first parameter, ≥ 100
     * @param b the second, &gt; 0
     * @return R(a, b − a) − a
     */
    static double stirlingExcessLessA(double a, double b) {
        Sum sum = Sum.create();
        addStirlingExcessLessA(sum, 1, a, b);
        return sum.getAsDouble();
    }

    /**
     * Adds sign × {@link #stirlingExcessLessA}'s parts to {@code sum} one by one: they can be hundreds each (ln a up
     * to 709) while the KL they add up to is a few nats, so they are summed compensated, not rounded first.
     */
    static void addStirlingExcessLessA(Sum sum, double sign, double a, double b) {
        double ia = 1 / a;
        double ia2 = ia * ia;
        // the first omitted terms, 1/(1680 a⁷) and (b − a)/(240 a⁸), are below 10⁻¹⁶ from a = 100 on
        double mu = ia * (1.0 / 12 - ia2 * (1.0 / 360 - ia2 / 1260));
        double eps = ia2 * (1.0 / 12 - ia2 * (1.0 / 120 - ia2 / 252));
        sum.add(sign * LogGamma.value(b));
        sum.add(sign * (-0.5 * LN_2PI - 0.5));
        sum.add(sign * -mu);
        sum.add(sign * Univariate.times(0.5 - b, Math.log(a)));
        sum.add(sign * 0.5 * b * ia);
        sum.add(sign * (b - a) * eps);
    }

    /** Bernoulli numbers B₂, B₄, B₆, B₈ over (2j)!, for the Euler–Maclaurin tail of {@link #hurwitzZeta}. */
    private static final double[] BERNOULLI_OVER_FACTORIAL = {1.0 / 12, -1.0 / 720, 1.0 / 30240, -1.0 / 1209600};

    /**
     * ζ(k, a) = Σ_{n≥0} (a + n)^−k for k ≥ 2 (ζ(2, a) is the trigamma function ψ′(a)): 32 terms, then the
     * Euler–Maclaurin tail at z = a + 32, z^{1−k}/(k−1) + z^{−k}/2 + Σ_{j≤4} B_{2j}/(2j)! k(k+1)…(k+2j−2) z^{−k−2j+1},
     * whose next term is below 10⁻²⁰ of the sum. (Commons Numbers' trigamma is within about 10⁻¹³ only, too far for
     * a second-order quantity that must keep its relative accuracy.)
     */
    static double hurwitzZeta(int k, double a) {
        double sum = 0;
        for (int n = 31; n >= 0; n--) {
            sum += Math.pow(a + n, -k);
        }
        double z = a + 32;
        double zk = Math.pow(z, -k);
        double tail = z * zk / (k - 1) + zk / 2;
        double rising = k;
        double power = zk / z;
        for (int j = 0; j < BERNOULLI_OVER_FACTORIAL.length; j++) {
            tail += BERNOULLI_OVER_FACTORIAL[j] * rising * power;
            rising *= (k + 2 * j + 1.0) * (k + 2 * j + 2);
            power /= z * z;
        }
        return sum + tail;
    }

    static double expm1MinusX(double u) {
        if (Double.isInfinite(u)) {
            // e^u − 1 − u → +∞ at both ends (expm1(∞) − ∞ would be NaN)
            return Double.POSITIVE_INFINITY;
        }
        if (Math.abs(u) < 0.1) {
            // Taylor series u²/2! + u³/3! + …; 12 terms reach 1e-16 relative for |u| < 0.1
            double term = u * u / 2;
            double sum = term;
            for (int n = 3; n < 15; n++) {
                term *= u / n;
                sum += term;
            }
            return sum;
        }
        return Math.expm1(u) - u;
    }

    /** x − ln(1 + x) for x > −1, accurate near x = 0. */
    static double xMinusLog1p(double x) {
        if (Math.abs(x) < 0.1) {
            // x²/2 − x³/3 + x⁴/4 − …
            double power = x * x;
            double sum = 0;
            for (int n = 2; n < 40; n++) {
                sum += ((n & 1) == 0 ? power : -power) / n;
                power *= x;
            }
            return sum;
        }
        return x - Math.log1p(x);
    }

    /** (1 + x) ln(1 + x) − x for x ≥ −1, accurate near x = 0; the Poisson and Gamma rate terms. */
    static double onePlusXLog1pMinusX(double x) {
        if (x == -1) {
            return 1;
        }
        if (Math.abs(x) < 0.1) {
            // x²/2 − x³/6 + x⁴/12 − … = Σ_{n≥2} (−1)^n x^n / (n (n − 1))
            double power = x * x;
            double sum = 0;
            for (int n = 2; n < 40; n++) {
                sum += ((n & 1) == 0 ? power : -power) / ((double) n * (n - 1));
                power *= x;
            }
            return sum;
        }
        return (1 + x) * Math.log1p(x) - x;
    }

    /** x ln y with 0 ln y = 0 for every y ≥ 0 (torch.special.xlogy). */
    static double xlogy(double x, double y) {
        return x == 0 ? 0 : x * Math.log(y);
    }

    /**
     * ln((e^η − 1)/η), the log-partition function of the continuous Bernoulli in its natural parameter
     * (ln 1 = 0 at η = 0); no overflow for large |η|.
     */
    static double logExpm1Ratio(double eta) {
        if (Math.abs(eta) < 0.02) {
            // η/2 + η²/24 − η⁴/2880 + η⁶/181440 (Bernoulli numbers); truncation < 1e-19 here
            double e2 = eta * eta;
            return eta / 2 + e2 / 24 - e2 * e2 / 2880 + e2 * e2 * e2 / 181440;
        }
        if (eta > 0) {
            // e^η overflows for η > 709: ln(e^η − 1) = η + ln(1 − e^−η)
            return eta + Math.log1p(-Math.exp(-eta)) - Math.log(eta);
        }
        return Math.log(-Math.expm1(eta)) - Math.log(-eta);
    }

    /** ln(1 + e^x) without overflow. */
    static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    /** ln Γ(x). */
    static double lgamma(double x) {
        return LogGamma.value(x);
    }

    /** ψ(x). */
    static double digamma(double x) {
        return Digamma.value(x);
    }

    /** ln Γ_d(a) = d(d − 1)/4 ln π + Σ_{j=1..d} ln Γ(a + (1 − j)/2), the multivariate gamma function. */
    static double multivariateLgamma(double a, int d) {
        double sum = d * (d - 1) / 4.0 * LN_PI;
        for (int j = 1; j <= d; j++) {
            sum += LogGamma.value(a + (1 - j) / 2.0);
        }
        return sum;
    }

    /** ψ_d(a) = Σ_{j=1..d} ψ(a + (1 − j)/2), the multivariate digamma function. */
    static double multivariateDigamma(double a, int d) {
        double sum = 0;
        for (int j = 1; j <= d; j++) {
            sum += Digamma.value(a + (1 - j) / 2.0);
        }
        return sum;
    }

    /** ln Σ e^{x_i}, with −∞ entries allowed; −∞ when all are. */
    static double logSumExp(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            max = Math.max(max, v);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double s = 0;
        for (double v : x) {
            s += Math.exp(v - max);
        }
        return max + Math.log(s);
    }
}
