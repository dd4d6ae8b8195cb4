package dev.divergence.compute.drift;

import dev.divergence.compute.Cancellation;
import dev.divergence.compute.estimators.BinEdges;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.numbers.core.ArithmeticUtils;
import org.apache.commons.numbers.core.Sum;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.ContinuityCorrection;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.TTest;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * Two-sample tests of numerical columns, with the conventions of Evidently 0.7 and the SciPy 1.10 functions it
 * calls. Every method takes the two samples sorted ascending, finite, each with at least one value (more where
 * noted), and does not modify them.
 */
public final class NumericalTests {

    /** scipy's {@code ks_2samp} computes exact p-values while both samples have at most this many values. */
    static final int KS_MAX_EXACT = 10_000;

    private NumericalTests() {
    }

    /**
     * The two-sample Kolmogorov–Smirnov test, two-sided, as {@code scipy.stats.ks_2samp} (mode auto) computes it:
     * D = sup |F₁ − F₂| rounded to the lattice h/lcm(n₁, n₂); while both samples have at most 10,000 values the
     * exact p-value under the permutation distribution (without ties, D as observed) by Hodges' (1958) lattice-path
     * recursions — for n₁ = n₂ the alternating sum of the reflection principle in Horner form, otherwise the
     * "inside method" computed as 1 − p directly (Viehmann 2021, arXiv:2102.08037) — with the floating-point
     * operations in scipy's order, so that a threshold equal to scipy's p-value gives the same verdict; beyond,
     * the one-sample Kolmogorov distribution at n = round(n₁n₂/(n₁ + n₂)) (Smirnov 1939; Simard and L'Ecuyer
     * 2011), as scipy does.
     *
     * @param x one sample
     * @param y the other
     * @return D and its p-value
     */
    public static TestResult kolmogorovSmirnov(double[] x, double[] y) {
        int n1 = x.length;
        int n2 = y.length;
        double d = ksStatistic(x, y);
        if (Math.max(n1, n2) <= KS_MAX_EXACT) {
            long g = ArithmeticUtils.gcd((long) n1, (long) n2);
            long lcm = (n1 / g) * n2;
            long h = (long) Math.rint(d * lcm);
            double lattice = h / (double) lcm;
            if (h == 0) {
                return new TestResult(lattice, 1.0);
            }
            double p = n1 == n2 ? outsideSquare(n1, h) : outsideStrip(n1, n2, g, h);
            if (p >= 0 && p <= 1) {
                return new TestResult(lattice, p);
            }
            d = lattice;
        }
        double m = Math.max(n1, n2);
        double n = Math.min(n1, n2);
        long en = Math.round(m * n / (m + n));
        return new TestResult(d, kolmogorovSurvival(d, (int) en));
    }

    /**
     * P(D ≥ h/n) for two samples of n: 2 Σ_k (−1)^{k+1} C(2n, n − kh)/C(2n, n), as 2·A₁(1 − A₂(1 − A₃(…))) with
     * each ratio a product of h factors.
     */
    static double outsideSquare(long n, long h) {
        double p = 0.0;
        long k = (long) Math.floor((double) n / h);
        while (k >= 0) {
            double p1 = 1.0;
            for (long j = 0; j < h; j++) {
                p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
            }
            p = p1 * (1.0 - p);
            k--;
        }
        return 2 * p;
    }

    /**
     * The share of monotone lattice paths from (0, 0) to (m, n) that leave the strip |x/m − y/n| < h/lcm(m, n),
     * column by column over a sliding window, each entry already the complement (1 − share inside).
     */
    static double outsideStrip(long m0, long n0, long g, long h) {
        long m = Math.max(m0, n0);
        long n = Math.min(m0, n0);
        long mg = m / g;
        long ng = n / g;
        int minj = 0;
        int maxj = (int) Math.min((long) Math.ceil((double) h / mg), n + 1);
        int curlen = maxj - minj;
        int length = (int) Math.min(2L * maxj + 2, n + 1);
        double[] a = new double[length];
        java.util.Arrays.fill(a, 1.0);
        java.util.Arrays.fill(a, minj, maxj, 0.0);
        for (long i = 1; i <= m; i++) {
            int lastminj = minj;
            int lastlen = curlen;
            minj = (int) Math.max((long) Math.floor((double) (ng * i - h) / mg) + 1, 0);
            minj = (int) Math.min(minj, n);
            maxj = (int) Math.min((long) Math.ceil((double) (ng * i + h) / mg), n + 1);
            if (maxj <= minj) {
                return 1.0;
            }
            double val = minj == 0 ? 0.0 : 1.0;
            for (int jj = 0; jj < maxj - minj; jj++) {
                long j = jj + minj;
                val = (a[jj + minj - lastminj] * i + val * j) / (i + j);
                a[jj] = val;
            }
            curlen = maxj - minj;
            if (lastlen > curlen) {
                java.util.Arrays.fill(a, maxj - minj, maxj - minj + (lastlen - curlen), 1.0);
            }
            if ((i & 1023) == 0) {
                Cancellation.checkpoint();
            }
        }
        return a[maxj - minj - 1];
    }

    /** sup |F_x − F_y| over the pooled values, with scipy's arithmetic (i/n − j/m). */
    static double ksStatistic(double[] x, double[] y) {
        double d = 0;
        int i = 0;
        int j = 0;
        while (i < x.length || j < y.length) {
            double v = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i] : y[j];
            while (i < x.length && x[i] == v) {
                i++;
            }
            while (j < y.length && y[j] == v) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return d;
    }

    /**
     * P(D_n ≥ d) of the one-sample Kolmogorov statistic ({@code scipy.stats.kstwo.sf(d, n)}), from Commons
     * Statistics' exact one-sample test: n points at which a step distribution function is placed so that the
     * sample's statistic is d (0 below the support's lower end 1/(2n), where the probability is 1).
     */
    static double kolmogorovSurvival(double d, int n) {
        if (d >= 1) {
            return 0;
        }
        if (d <= 0.5 / n) {
            return 1;
        }
        double[] points = new double[n];
        for (int i = 0; i < n; i++) {
            points[i] = i + 1;
        }
        // F(i) = i/n − d: the largest gap i/n − F(x_i) is d; F(x_i) − (i − 1)/n = 1/n − d ≤ d
        return KolmogorovSmirnovTest.withDefaults().with(PValueMethod.EXACT)
                .test(points, v -> Math.max(0, Math.min(1, v / n - d))).getPValue();
    }

    /**
     * The first Wasserstein distance divided by the reference's population standard deviation, at least 0.001
     * (Evidently's {@code wasserstein}; W₁ as {@code scipy.stats.wasserstein_distance}: ∫ |F_x − F_y|, Villani
     * 2009).
     *
     * @param reference the reference sample
     * @param current the current sample
     * @return the normed distance ≥ 0
     */
    public static double wassersteinNormed(double[] reference, double[] current) {
        double norm = Math.max(populationStd(reference), 0.001);
        return wasserstein(reference, current) / norm;
    }

    /**
     * W₁ = ∫ |F_x − F_y| between the empirical distribution functions, summed exactly over the merged values
     * ({@code scipy.stats.wasserstein_distance}; Villani 2009, ch. 6).
     *
     * @param x a sample, ascending, finite, n ≥ 1
     * @param y a sample, ascending, finite, m ≥ 1
     * @return W₁ in the unit of the values
     */
    public static double wasserstein(double[] x, double[] y) {
        return cdfDistance(x, y, 1);
    }

    /**
     * The energy distance √2 · (∫ (F_x − F_y)²)^½ ({@code scipy.stats.energy_distance}; Székely and Rizzo 2013).
     *
     * @param x one sample
     * @param y the other
     * @return the distance ≥ 0, in the unit of the values' square root
     */
    public static double energyDistance(double[] x, double[] y) {
        return Math.sqrt(2) * Math.sqrt(cdfDistance(x, y, 2));
    }

    /** Σ over the pooled values of gap · |F_x − F_y|^p (p = 1 or 2), exact on the merged order. */
    private static double cdfDistance(double[] x, double[] y, int p) {
        Sum sum = Sum.create();
        int i = 0;
        int j = 0;
        double previous = Math.min(x[0], y[0]);
        while (i < x.length || j < y.length) {
            double next = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i] : y[j];
            double gap = next - previous;
            if (gap > 0) {
                double diff = Math.abs((double) i / x.length - (double) j / y.length);
                double weight = p == 1 ? diff : diff * diff;
                // a gap beyond the largest double (values near ±1.8e308 on both sides): from halves
                sum.add(Double.isInfinite(gap) ? 2 * ((next / 2 - previous / 2) * weight) : gap * weight);
            }
            while (i < x.length && x[i] == next) {
                i++;
            }
            while (j < y.length && y[j] == next) {
                j++;
            }
            previous = next;
        }
        return sum.getAsDouble();
    }

    /**
     * @param x values, n ≥ 1
     * @return √(Σ (x − x̄)² / n), numpy's {@code std} (ddof = 0)
     */
    public static double populationStd(double[] x) {
        Sum s = Sum.create();
        for (double v : x) {
            s.add(v);
        }
        double mean = s.getAsDouble() / x.length;
        Sum sq = Sum.create();
        for (double v : x) {
            double d = v - mean;
            sq.add(d * d);
        }
        return Math.sqrt(sq.getAsDouble() / x.length);
    }

    /**
     * Student's two-sample t-test with pooled variance, two-sided ({@code scipy.stats.ttest_ind}; Commons
     * Statistics). Both samples constant: p = 1 when their values are equal, 0 otherwise (scipy gives NaN).
     *
     * @param x one sample, n ≥ 1
     * @param y the other, n + m ≥ 3
     * @return t and its p-value
     */
    public static TestResult tTest(double[] x, double[] y) {
        boolean constant = x[0] == x[x.length - 1] && y[0] == y[y.length - 1];
        if (constant) {
            return x[0] == y[0] ? new TestResult(0, 1) : new TestResult(
                    x[0] < y[0] ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, 0);
        }
        TTest.Result r = TTest.withDefaults().with(DataDispersion.HOMOSCEDASTIC).test(x, y);
        return new TestResult(r.getStatistic(), r.getPValue());
    }

    /**
     * The Mann–Whitney U test with the alternative "less" that Evidently uses ({@code scipy.stats.mannwhitneyu(x,
     * y, alternative="less")}, Commons Statistics): exact when a sample has at most 8 values and there are no
     * ties, otherwise the normal approximation with tie and continuity corrections. All values equal: p = 1.
     *
     * @param x the reference sample
     * @param y the current sample
     * @return U of x and its p-value
     */
    public static TestResult mannWhitney(double[] x, double[] y) {
        if (x[0] == x[x.length - 1] && y[0] == y[y.length - 1] && x[0] == y[0]) {
            return new TestResult(x.length * (double) y.length / 2, 1);
        }
        boolean exact = (x.length <= 8 || y.length <= 8) && !hasTies(x, y);
        MannWhitneyUTest.Result r = MannWhitneyUTest.withDefaults().with(AlternativeHypothesis.LESS_THAN)
                .with(ContinuityCorrection.ENABLED).with(exact ? PValueMethod.EXACT : PValueMethod.ASYMPTOTIC)
                .test(x, y);
        return new TestResult(r.getStatistic(), r.getPValue());
    }

    /** @return whether any value occurs twice among both samples together (one merge) */
    private static boolean hasTies(double[] x, double[] y) {
        return Binning.valueCounts(x, y).values().length != x.length + y.length;
    }

    /**
     * The k-sample Anderson–Darling test for k = 2 with midranks ({@code scipy.stats.anderson_ksamp}; Scholz and
     * Stephens 1987): the standardized statistic, and its significance level interpolated on the quadratic fit of
     * log(level) against the critical values, capped to [0.001, 0.25] as scipy does.
     *
     * @param x one sample
     * @param y the other; together at least 2 distinct values and 4 values
     * @return the standardized statistic and the significance level
     */
    public static TestResult andersonDarling(double[] x, double[] y) {
        Binning.ValueCounts vc = Binning.valueCounts(x, y);
        int distinct = vc.values().length;
        double bigN = x.length + (double) y.length;
        int[] n = {x.length, y.length};
        long[][] counts = {vc.reference(), vc.current()};
        double a2 = 0;
        for (int s = 0; s < 2; s++) {
            Sum inner = Sum.create();
            long before = 0; // Z.searchsorted(z*, left)
            long sampleBefore = 0; // s.searchsorted(z*, left)
            for (int j = 0; j < distinct; j++) {
                long lj = vc.reference()[j] + vc.current()[j];
                double bj = before + lj / 2.0;
                long fij = counts[s][j];
                double mij = sampleBefore + fij - fij / 2.0;
                double l = distinct == bigN ? 1.0 : lj;
                double num = bigN * mij - bj * n[s];
                inner.add(l / bigN * num * num / (bj * (bigN - bj) - bigN * l / 4.0));
                before += lj;
                sampleBefore += fij;
            }
            a2 += inner.getAsDouble() / n[s];
        }
        a2 *= (bigN - 1.0) / bigN;
        int k = 2;
        double bigH = 1.0 / n[0] + 1.0 / n[1];
        long total = x.length + (long) y.length;
        // hs_cs = cumsum(1/(N−1), 1/(N−2), …, 1/2); h = hs_cs[−1] + 1; g = Σ hs_cs[i] / (i + 2)
        double cumulative = 0;
        double g = 0;
        for (long i = 0; i < total - 2; i++) {
            cumulative += 1.0 / (total - 1 - i);
            g += cumulative / (i + 2);
        }
        double h = cumulative + 1;
        double a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * bigH;
        double b = (2 * g - 4) * k * k + 8 * h * k + (2 * g - 14 * h - 4) * bigH - 8 * h + 4 * g - 6;
        double c = (6 * h + 2 * g - 2) * k * k + (4 * h - 4 * g + 6) * k + (2 * h - 6) * bigH + 4 * h;
        double d = (2 * h + 6) * k * k - 4 * h * k;
        double sigmaSq = (a * bigN * bigN * bigN + b * bigN * bigN + c * bigN + d)
                / ((bigN - 1.0) * (bigN - 2.0) * (bigN - 3.0));
        double m = k - 1;
        double statistic = (a2 - m) / Math.sqrt(sigmaSq);
        return new TestResult(statistic, andersonSignificance(statistic, m));
    }

    private static final double[] AD_B0 = {0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085};
    private static final double[] AD_B1 = {-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615};
    private static final double[] AD_B2 = {-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154};
    private static final double[] AD_LEVELS = {0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001};

    private static double andersonSignificance(double statistic, double m) {
        double[] critical = new double[AD_B0.length];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < critical.length; i++) {
            critical[i] = AD_B0[i] + AD_B1[i] / Math.sqrt(m) + AD_B2[i] / m;
            min = Math.min(min, critical[i]);
            max = Math.max(max, critical[i]);
        }
        if (statistic < min) {
            return 0.25;
        }
        if (statistic > max) {
            return 0.001;
        }
        // least-squares quadratic through (critical, log level), as numpy.polyfit(critical, log(sig), 2)
        RealMatrix vandermonde = new Array2DRowRealMatrix(critical.length, 3);
        double[] logs = new double[critical.length];
        for (int i = 0; i < critical.length; i++) {
            vandermonde.setEntry(i, 0, critical[i] * critical[i]);
            vandermonde.setEntry(i, 1, critical[i]);
            vandermonde.setEntry(i, 2, 1);
            logs[i] = Math.log(AD_LEVELS[i]);
        }
        double[] coefficients = new QRDecomposition(vandermonde).getSolver()
                .solve(new org.hipparchus.linear.ArrayRealVector(logs, false)).toArray();
        double value = (coefficients[0] * statistic + coefficients[1]) * statistic + coefficients[2];
        return Math.exp(value);
    }

    /**
     * The two-sample Cramér–von Mises test (Anderson 1962), as Evidently's own copy of scipy's
     * {@code cramervonmises_2samp} computes it: T from the midranks; the exact p-value (the permutation
     * distribution of U, counted as in Xiao et al. 2007) when neither sample has more than 20 values, otherwise
     * 1 − the limiting distribution function at the standardized statistic, summed until a term is below 10⁻⁷
     * (Csörgő and Faraway 1996), with p = 1 below 0.003.
     *
     * @param x one sample, n ≥ 2
     * @param y the other, m ≥ 2
     * @return T and its p-value
     */
    public static TestResult cramerVonMises(double[] x, double[] y) {
        int nx = x.length;
        int ny = y.length;
        double[] rx = new double[nx];
        double[] ry = new double[ny];
        int i = 0;
        int j = 0;
        long position = 0;
        while (i < nx || j < ny) {
            double v = j >= ny || (i < nx && x[i] <= y[j]) ? x[i] : y[j];
            int i0 = i;
            int j0 = j;
            while (i < nx && x[i] == v) {
                i++;
            }
            while (j < ny && y[j] == v) {
                j++;
            }
            long tied = (i - i0) + (j - j0);
            double rank = position + (tied + 1) / 2.0;
            for (int a = i0; a < i; a++) {
                rx[a] = rank;
            }
            for (int b = j0; b < j; b++) {
                ry[b] = rank;
            }
            position += tied;
        }
        double sx = 0;
        for (int a = 0; a < nx; a++) {
            double d = rx[a] - (a + 1);
            sx += d * d;
        }
        double sy = 0;
        for (int b = 0; b < ny; b++) {
            double d = ry[b] - (b + 1);
            sy += d * d;
        }
        double u = nx * sx + ny * sy;
        long k = (long) nx * ny;
        long bigN = nx + (long) ny;
        double t = u / ((double) k * bigN) - (4.0 * k - 1) / (6.0 * bigN);
        double p;
        if (Math.max(nx, ny) <= 20) {
            p = cramerVonMisesExact(u, nx, ny);
        } else {
            double et = (1 + 1.0 / bigN) / 6;
            double vt = (bigN + 1.0) * (double) (4 * k * bigN - 3 * ((long) nx * nx + (long) ny * ny) - 2 * k);
            vt = vt / (double) (45 * bigN * bigN * 4 * k);
            double tn = 1.0 / 6 + (t - et) / Math.sqrt(45 * vt);
            p = tn < 0.003 ? 1.0 : Math.max(0, 1.0 - cramerVonMisesLimit(tn));
        }
        return new TestResult(t, p);
    }

    /** The exact permutation p-value P(U ≥ u) for sizes m, n (the counting recursion of scipy 1.7 / Evidently). */
    static double cramerVonMisesExact(double s, int m, int n) {
        long lcm = ArithmeticUtils.lcm((long) m, (long) n);
        long a = lcm / m;
        long b = lcm / n;
        long mn = (long) m * n;
        double zeta = Math.floor((double) (lcm * lcm * (m + n)) * (6 * s - mn * (4 * mn - 1)) / (6.0 * mn * mn));
        @SuppressWarnings("unchecked")
        Map<Long, Long>[] gs = new Map[m + 1];
        gs[0] = new HashMap<>(Map.of(0L, 1L));
        for (int v = 1; v <= m; v++) {
            gs[v] = new HashMap<>();
        }
        for (int u = 0; u <= n; u++) {
            Map<Long, Long>[] next = new Map[m + 1];
            Map<Long, Long> tmp = new HashMap<>();
            for (int v = 0; v <= m; v++) {
                Map<Long, Long> merged = new HashMap<>(tmp);
                gs[v].forEach((value, freq) -> merged.merge(value, freq, Long::sum));
                long shift = (a * v - b * u) * (a * v - b * u);
                Map<Long, Long> shifted = new HashMap<>(merged.size() * 2);
                merged.forEach((value, freq) -> shifted.put(value + shift, freq));
                tmp = shifted;
                next[v] = shifted;
            }
            gs = next;
            Cancellation.checkpoint();
        }
        double combinations = Math.exp(LogGamma.value(m + n + 1.0) - LogGamma.value(m + 1.0)
                - LogGamma.value(n + 1.0));
        long count = 0;
        for (Map.Entry<Long, Long> e : gs[m].entrySet()) {
            if (e.getKey() >= zeta) {
                count += e.getValue();
            }
        }
        return count / Math.rint(combinations);
    }

    /**
     * The limiting Cramér–von Mises distribution function: Σ_k Γ(k + ½)/(Γ(k + 1) π^{3/2} √x) · √(4k + 1) ·
     * e^{−q} K_{1/4}(q), q = (4k + 1)²/(16x), the terms added while the previous one was ≥ 10⁻⁷ (as Evidently
     * stops); the Bessel function by Gauss–Legendre quadrature of ∫₀^∞ e^{−q cosh t} cosh(t/4) dt (Hipparchus).
     */
    static double cramerVonMisesLimit(double x) {
        double total = 0;
        for (int k = 0; ; k++) {
            double u = Math.exp(LogGamma.value(k + 0.5) - LogGamma.value(k + 1.0)) / (Math.pow(Math.PI, 1.5)
                    * Math.sqrt(x));
            int y = 4 * k + 1;
            double q = (double) y * y / (16 * x);
            double term = u * Math.sqrt(y) * Math.exp(-q) * besselK14(q);
            total += term;
            if (!(Math.abs(term) >= 1e-7)) {
                return total;
            }
        }
    }

    /** K_{1/4}(q) for q > 0: e^{−q} ∫₀^T e^{−q(cosh t − 1)} cosh(t/4) dt, T where the integrand is below e^{−60}. */
    static double besselK14(double q) {
        double upper = acosh(1 + 60 / q);
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(16, 1e-15, 1e-300);
        double integral = integrator.integrate(100_000, t -> Math.exp(-q * (Math.cosh(t) - 1)) * Math.cosh(t / 4),
                0, upper);
        return Math.exp(-q) * integral;
    }

    private static double acosh(double v) {
        return Math.log(v + Math.sqrt(v * v - 1));
    }

    /**
     * The Epps–Singleton test on the empirical characteristic function at t = (0.4, 0.8) scaled by half the pooled
     * interquartile range ({@code scipy.stats.epps_singleton_2samp}; Epps and Singleton 1986): W = n ḡᵀ Σ⁺ ḡ with
     * the Moore–Penrose inverse (Hipparchus SVD), the small-sample correction below 25 values, and p from the
     * χ² distribution with rank(Σ⁺) degrees of freedom.
     *
     * @param x one sample, n ≥ 5
     * @param y the other, m ≥ 5; the pooled interquartile range > 0
     * @return W and its p-value
     */
    public static TestResult eppsSingleton(double[] x, double[] y) {
        int nx = x.length;
        int ny = y.length;
        int n = nx + ny;
        double sigma = pooledIqr(x, y) / 2;
        double[] ts = {0.4 / sigma, 0.8 / sigma};
        double[][] covX = new double[4][4];
        double[][] covY = new double[4][4];
        double[] meanX = characteristic(x, ts, covX);
        double[] meanY = characteristic(y, ts, covY);
        RealMatrix cov = new Array2DRowRealMatrix(4, 4);
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                cov.setEntry(r, c, ((double) n / nx) * covX[r][c] + ((double) n / ny) * covY[r][c]);
            }
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(cov);
        double[] singular = svd.getSingularValues();
        double cutoff = 1e-15 * singular[0];
        RealMatrix inverse = new Array2DRowRealMatrix(4, 4);
        int rank = 0;
        for (int i = 0; i < singular.length; i++) {
            if (singular[i] > cutoff) {
                rank++;
                RealMatrix ui = svd.getU().getColumnMatrix(i);
                RealMatrix vi = svd.getV().getColumnMatrix(i);
                inverse = inverse.add(vi.multiply(ui.transpose()).scalarMultiply(1 / singular[i]));
            }
        }
        double[] diff = new double[4];
        for (int i = 0; i < 4; i++) {
            diff[i] = meanX[i] - meanY[i];
        }
        double[] product = inverse.operate(diff);
        double w = 0;
        for (int i = 0; i < 4; i++) {
            w += diff[i] * product[i];
        }
        w *= n;
        if (Math.max(nx, ny) < 25) {
            double corr = 1.0 / (1.0 + Math.pow(n, -0.45) + 10.1 * (Math.pow(nx, -1.7) + Math.pow(ny, -1.7)));
            w = corr * w;
        }
        double p = rank == 0 ? 1 : ChiSquaredDistribution.of(rank).survivalProbability(w);
        return new TestResult(w, p);
    }

    /**
     * @param x one sample
     * @param y the other
     * @return the interquartile range of both together (numpy's linear percentiles)
     */
    public static double pooledIqr(double[] x, double[] y) {
        double[] pooled = new double[x.length + y.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < x.length || j < y.length) {
            pooled[k++] = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i++] : y[j++];
        }
        return BinEdges.percentile(pooled, 0.75) - BinEdges.percentile(pooled, 0.25);
    }

    /** Means (returned) and biased covariance (into cov) of (cos t₁x, cos t₂x, sin t₁x, sin t₂x). */
    private static double[] characteristic(double[] x, double[] ts, double[][] cov) {
        int n = x.length;
        double[][] g = new double[4][n];
        for (int i = 0; i < n; i++) {
            g[0][i] = Math.cos(ts[0] * x[i]);
            g[1][i] = Math.cos(ts[1] * x[i]);
            g[2][i] = Math.sin(ts[0] * x[i]);
            g[3][i] = Math.sin(ts[1] * x[i]);
        }
        double[] mean = new double[4];
        for (int r = 0; r < 4; r++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += g[r][i];
            }
            mean[r] = s / n;
        }
        for (int r = 0; r < 4; r++) {
            for (int c = r; c < 4; c++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += (g[r][i] - mean[r]) * (g[c][i] - mean[c]);
                }
                cov[r][c] = s / n;
                cov[c][r] = cov[r][c];
            }
        }
        return mean;
    }
}
