package dev.divergence.compute.drift;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Adjusted p-values for m simultaneous tests: compare each adjusted p-value with the level the raw one would have
 * been compared with. Every adjustment is ≥ the raw p-value and ≤ 1, so it never makes a test significant that
 * was not.
 */
public final class MultipleTesting {

    private MultipleTesting() {
    }

    /**
     * Bonferroni: min(1, m·p) (Dunn 1961).
     *
     * @param p raw p-values in [0, 1]
     * @return adjusted p-values, same order
     */
    public static double[] bonferroni(double[] p) {
        int m = p.length;
        double[] adjusted = new double[m];
        for (int i = 0; i < m; i++) {
            adjusted[i] = Math.min(1, m * p[i]);
        }
        return adjusted;
    }

    /**
     * Holm's step-down: with p₍₁₎ ≤ … ≤ p₍ₘ₎, p̃₍ᵢ₎ = max over j ≤ i of min(1, (m − j + 1)·p₍ⱼ₎) (Holm 1979).
     *
     * @param p raw p-values in [0, 1]
     * @return adjusted p-values, same order
     */
    public static double[] holm(double[] p) {
        int m = p.length;
        int[] order = ascending(p);
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }

    /**
     * Benjamini–Hochberg step-up: p̃₍ᵢ₎ = min over j ≥ i of min(1, m·p₍ⱼ₎ / j) (Benjamini and Hochberg 1995).
     *
     * @param p raw p-values in [0, 1]
     * @return adjusted p-values, same order
     */
    public static double[] benjaminiHochberg(double[] p) {
        int m = p.length;
        int[] order = ascending(p);
        double[] adjusted = new double[m];
        double running = 1;
        for (int rank = m - 1; rank >= 0; rank--) {
            int i = order[rank];
            running = Math.min(running, Math.min(1, m * p[i] / (rank + 1)));
            adjusted[i] = Math.max(running, p[i]);
        }
        return adjusted;
    }

    private static int[] ascending(double[] p) {
        return IntStream.range(0, p.length).boxed().sorted(Comparator.comparingDouble(i -> p[i]))
                .mapToInt(Integer::intValue).toArray();
    }
}
