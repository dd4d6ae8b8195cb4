package dev.divergence.compute.drift;

/**
 * Distances between two vectors of shares, as Evidently computes them (natural logarithms throughout).
 */
public final class Distances {

    private Distances() {
    }

    /**
     * Population stability index Σ (r_i − c_i) ln(r_i / c_i) (Yurdakul 2018, "Statistical properties of
     * population stability index"), on shares after {@link Binning#replaceZeros}.
     *
     * @param reference reference shares, all > 0
     * @param current current shares, all > 0, same length
     * @return PSI ≥ 0, in nats
     */
    public static double psi(double[] reference, double[] current) {
        double sum = 0;
        for (int i = 0; i < reference.length; i++) {
            sum += (reference[i] - current[i]) * Math.log(reference[i] / current[i]);
        }
        return sum;
    }

    /**
     * KL(reference ‖ current) of the renormalized shares, {@code scipy.stats.entropy(r, c)}: both vectors are
     * divided by their sums (after zero replacement they no longer sum to 1), then Σ r_i ln(r_i / c_i)
     * (Kullback and Leibler 1951).
     *
     * @param reference reference shares, all > 0
     * @param current current shares, all > 0, same length
     * @return the divergence ≥ 0, in nats
     */
    public static double kl(double[] reference, double[] current) {
        double rs = sum(reference);
        double cs = sum(current);
        double kl = 0;
        for (int i = 0; i < reference.length; i++) {
            double p = reference[i] / rs;
            double q = current[i] / cs;
            kl += p * Math.log(p / q);
        }
        return kl;
    }

    /**
     * The Jensen–Shannon distance of {@code scipy.spatial.distance.jensenshannon(r, c)}: with p, q the
     * renormalized vectors and m = (p + q)/2, √((Σ p ln(p/m) + Σ q ln(q/m)) / 2), zero terms 0 (Lin 1991; Endres
     * and Schindelin 2003 for the metric).
     *
     * @param reference reference shares, ≥ 0, not all 0
     * @param current current shares, ≥ 0, not all 0, same length
     * @return the distance in [0, √ln 2]
     */
    public static double jensenShannon(double[] reference, double[] current) {
        double rs = sum(reference);
        double cs = sum(current);
        double left = 0;
        double right = 0;
        for (int i = 0; i < reference.length; i++) {
            double p = reference[i] / rs;
            double q = current[i] / cs;
            double m = (p + q) / 2.0;
            if (p > 0) {
                left += p * Math.log(p / m);
            }
            if (q > 0) {
                right += q * Math.log(q / m);
            }
        }
        double js = left + right;
        return Math.sqrt(Math.max(js, 0) / 2.0);
    }

    /**
     * The Hellinger distance of two share vectors, √(1 − clip(Σ √(r_i c_i), 0, 1)) (Hellinger 1909).
     *
     * @param reference reference shares
     * @param current current shares, same length
     * @return the distance in [0, 1]
     */
    public static double hellinger(double[] reference, double[] current) {
        double bc = 0;
        for (int i = 0; i < reference.length; i++) {
            bc += Math.sqrt(reference[i] * current[i]);
        }
        return Math.sqrt(1 - Math.min(Math.max(bc, 0), 1));
    }

    /**
     * Evidently's Hellinger distance of a numerical column: both samples as density histograms on Sturges edges
     * over the distinct values of both windows ({@code histogram_bin_edges(unique values, "sturges")}), the
     * Bhattacharyya coefficient Σ √(h₁ h₂)·w with w the mean bin width.
     *
     * @param reference ascending finite values
     * @param current ascending finite values
     * @param distinctMin the smallest value of either window
     * @param distinctMax the largest value of either window
     * @param distinctCount the number of distinct values of both windows together
     * @return the distance in [0, 1]
     */
    public static double hellingerNumerical(double[] reference, double[] current, double distinctMin,
            double distinctMax, long distinctCount) {
        double[] edges = Binning.sturgesEdges(distinctMin, distinctMax, distinctCount);
        double[] h1 = density(Binning.counts(reference, edges), edges);
        double[] h2 = density(Binning.counts(current, edges), edges);
        int bins = edges.length - 1;
        double width = (edges[bins] - edges[0]) / bins;
        double bc = 0;
        for (int i = 0; i < bins; i++) {
            bc += Math.sqrt(h1[i] * h2[i]) * width;
        }
        return Math.sqrt(1 - Math.min(Math.max(bc, 0), 1));
    }

    /** {@code numpy.histogram(..., density=True)}: count / bin width / total. */
    private static double[] density(long[] counts, double[] edges) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double[] density = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            density[i] = counts[i] / (edges[i + 1] - edges[i]) / total;
        }
        return density;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
