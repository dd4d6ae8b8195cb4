package dev.divergence.compute.parametric;

import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * The test's independent reference: KL(P ‖ Q) = ∫ p (ln p − ln q) by numerical integration over P's support.
 * The support is cut at the kinks of the integrand (a Laplace's location, a Uniform's ends) and at the midpoint
 * of each finite piece; each half is mapped onto t ∈ (0, 1] with t = 0 at its end (x = e ± w t, or
 * x = c ± s(1/t − 1) for an infinite tail), and (0, 1] is cut into panels shrinking geometrically towards t = 0,
 * each integrated by 24-point Gauss–Legendre (Hipparchus). The grading resolves integrable endpoint
 * singularities (Beta with α &lt; 1) and power-law tails (Pareto, Cauchy) to ≈ 1e-12 relative.
 */
final class Quadrature {

    private static final GaussIntegratorFactory FACTORY = new GaussIntegratorFactory();
    private static final int LEVELS = 160;

    private Quadrature() {
    }

    /** @return ∫ p(x) (ln p(x) − ln q(x)) dx over p's support, from the two log-densities */
    static double klDivergence(Univariate p, Univariate q, double center, double scale) {
        DoubleUnaryOperator integrand = x -> {
            double lp = p.logDensity(x);
            if (lp == Double.NEGATIVE_INFINITY) {
                return 0;
            }
            double lq = q.logDensity(x);
            return Math.exp(lp) * (lp - lq);
        };
        TreeSet<Double> cuts = new TreeSet<>();
        cuts.add(center);
        for (Univariate d : new Univariate[] {p, q}) {
            if (d instanceof Laplace l) {
                cuts.add(l.loc());
            } else if (d instanceof Uniform u) {
                cuts.add(u.low());
                cuts.add(u.high());
            } else if (d instanceof Pareto pa) {
                cuts.add(pa.scale());
            }
        }
        return integrate(integrand, p.supportLower(), p.supportUpper(), cuts, scale);
    }

    /** @return ∫ f over [a, b] (a, b possibly infinite), cut at the given points inside (a, b) */
    static double integrate(DoubleUnaryOperator f, double a, double b, TreeSet<Double> cuts, double scale) {
        TreeSet<Double> points = new TreeSet<>();
        for (double c : cuts) {
            if (c > a && c < b) {
                points.add(c);
            }
        }
        if (a > Double.NEGATIVE_INFINITY) {
            points.add(a);
            // a finite first piece, graded towards a, before the tail map takes over
            points.add(a + scale);
        }
        if (b < Double.POSITIVE_INFINITY) {
            points.add(b);
            points.add(b - scale);
        }
        points.removeIf(x -> x < a || x > b);
        double sum = 0;
        double first = points.first();
        double last = points.last();
        if (a == Double.NEGATIVE_INFINITY) {
            sum += graded(t -> f.applyAsDouble(first - scale * (1 / t - 1)) * scale / (t * t));
        }
        if (b == Double.POSITIVE_INFINITY) {
            sum += graded(t -> f.applyAsDouble(last + scale * (1 / t - 1)) * scale / (t * t));
        }
        Double previous = null;
        for (double x : points) {
            if (previous != null) {
                double lo = previous;
                double mid = 0.5 * (lo + x);
                double hi = x;
                sum += graded(t -> f.applyAsDouble(lo + (mid - lo) * t) * (mid - lo));
                sum += graded(t -> f.applyAsDouble(hi - (hi - mid) * t) * (hi - mid));
            }
            previous = x;
        }
        return sum;
    }

    /** ∫₀¹ g, with panels [2^−(k+1), 2^−k] shrinking towards the possibly singular end t = 0. */
    private static double graded(DoubleUnaryOperator g) {
        double sum = panel(g, 0.5, 1);
        for (int k = 1; k < LEVELS; k++) {
            sum += panel(g, Math.scalb(1.0, -(k + 1)), Math.scalb(1.0, -k));
        }
        return sum;
    }

    private static double panel(DoubleUnaryOperator g, double lo, double hi) {
        GaussIntegrator rule = FACTORY.legendre(24, lo, hi);
        return rule.integrate(t -> {
            double v = g.applyAsDouble(t);
            return Double.isFinite(v) ? v : 0;
        });
    }

    /** @return Σ_k p(k)(ln p(k) − ln q(k)) over k = 0, 1, … until p's terms are negligible */
    static double sum(Univariate p, Univariate q) {
        double total = 0;
        for (int k = 0; k < 10_000_000; k++) {
            double lp = p.logDensity(k);
            if (lp == Double.NEGATIVE_INFINITY) {
                if (k > p.supportUpper()) {
                    break;
                }
                continue;
            }
            double pk = Math.exp(lp);
            total += pk * (lp - q.logDensity(k));
            if (pk < 1e-22 && k > p.mean()) {
                break;
            }
        }
        return total;
    }
}
