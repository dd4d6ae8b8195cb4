package dev.divergence.compute.estimators;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The seeded families of the k-NN accuracy suite, whose true KL values come from quadrature in
 * {@code samples/knn-truths.py} (one-dimensional integrals: every family is a product of one-dimensional factors,
 * or reduces to one along the direction of its means). P and Q per family, in d dimensions, μ = √(0.8/d),
 * s² = 1.3:
 * <ul>
 * <li>{@code gaussian}: N(0, I) vs N(μ1, s²I);
 * <li>{@code correlated}: the same pair through one random linear map A with column scales e^±2 (activations with
 * mixed scales and correlations); KL is invariant under it, so the truth is {@code gaussian}'s;
 * <li>{@code relu}: {@code gaussian} rectified coordinate-wise (half the coordinates of P exactly 0);
 * <li>{@code student3}: Student t with 3 degrees of freedom per coordinate, location 0 vs μ, scale 1 vs s;
 * <li>{@code mixture}: ½N(−a1, I) + ½N(a1, I) with a = 1.5/√d vs N(0, (1 + a²)I).
 * </ul>
 */
public final class KnnAccuracySuite {

    public static final double S2 = 1.3;
    static final String[] FAMILIES = {"gaussian", "correlated", "relu", "student3", "mixture"};
    static final int[] DIMENSIONS = {1, 2, 4, 8, 16, 32};

    private KnnAccuracySuite() {
    }

    /** Two samples, row-major. */
    public record Pair(double[] x, double[] y, int n, int m, int d) {
    }

    public static long seed(String family, int d, int replicate) {
        return family.hashCode() * 1_000_003L + d * 1_009L + replicate;
    }

    public static Pair draw(String family, int d, int n, int m, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        double mu = Math.sqrt(0.8 / d);
        double s = Math.sqrt(S2);
        double[] x = new double[n * d];
        double[] y = new double[m * d];
        switch (family) {
            case "gaussian", "correlated", "relu" -> {
                for (int i = 0; i < x.length; i++) {
                    x[i] = z.sample();
                }
                for (int i = 0; i < y.length; i++) {
                    y[i] = mu + s * z.sample();
                }
                if (family.equals("correlated")) {
                    double[] a = new double[d * d];
                    for (int c = 0; c < d; c++) {
                        double scale = Math.exp(4 * rng.nextDouble() - 2);
                        for (int r = 0; r < d; r++) {
                            a[r * d + c] = scale * z.sample();
                        }
                    }
                    x = times(a, x, n, d);
                    y = times(a, y, m, d);
                } else if (family.equals("relu")) {
                    for (int i = 0; i < x.length; i++) {
                        x[i] = Math.max(x[i], 0);
                    }
                    for (int i = 0; i < y.length; i++) {
                        y[i] = Math.max(y[i], 0);
                    }
                }
            }
            case "student3" -> {
                for (int i = 0; i < x.length; i++) {
                    x[i] = student3(z);
                }
                for (int i = 0; i < y.length; i++) {
                    y[i] = mu + s * student3(z);
                }
            }
            case "mixture" -> {
                double a = 1.5 / Math.sqrt(d);
                double sq = Math.sqrt(1 + a * a);
                for (int i = 0; i < n; i++) {
                    double shift = rng.nextBoolean() ? a : -a;
                    for (int j = 0; j < d; j++) {
                        x[i * d + j] = shift + z.sample();
                    }
                }
                for (int i = 0; i < y.length; i++) {
                    y[i] = sq * z.sample();
                }
            }
            default -> throw new IllegalArgumentException(family);
        }
        return new Pair(x, y, n, m, d);
    }

    /** t₃ = Z / √(χ²₃ / 3). */
    private static double student3(ZigguratSampler.NormalizedGaussian z) {
        double a = z.sample();
        double b = z.sample();
        double c = z.sample();
        return z.sample() / Math.sqrt((a * a + b * b + c * c) / 3);
    }

    /** Each row r of v (length d) replaced by A r. */
    private static double[] times(double[] a, double[] v, int rows, int d) {
        double[] out = new double[v.length];
        for (int i = 0; i < rows; i++) {
            for (int r = 0; r < d; r++) {
                double sum = 0;
                for (int c = 0; c < d; c++) {
                    sum += a[r * d + c] * v[i * d + c];
                }
                out[i * d + r] = sum;
            }
        }
        return out;
    }
}
