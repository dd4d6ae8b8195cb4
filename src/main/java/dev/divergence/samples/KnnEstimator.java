package dev.divergence.samples;

import dev.divergence.compute.LogBase;
import dev.divergence.compute.estimators.BiasCorrectedKnn;
import dev.divergence.compute.estimators.KnnDivergence;
import dev.divergence.compute.parametric.InvalidParameterException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The k-NN estimator of Wang, Kulkarni and Verdú (2009), plain ({@link KnnDivergence}) or with its bias measured on
 * a Gaussian reference and subtracted ({@link BiasCorrectedKnn}), with its standard error and with warnings that
 * say why an estimate may mislead: zero distances skipped, values repeating coordinate-wise (points on
 * lower-dimensional faces, as ReLU outputs), a large measured bias, a negative estimate.
 *
 * <p>A bootstrap resample re-runs the plain estimator and subtracts the bias measured once on the request's
 * samples (re-measuring it per resample would triple the cost of each).
 */
final class KnnEstimator extends PointEstimator {

    /** From this dimension on, a plain k-NN answer carries a warning about its bias. */
    static final int BIASED_DIMENSION = 8;
    /** Above this fraction of coordinate values that repeat, the points lie on faces: warn. */
    static final double FACE_FRACTION = 0.1;

    private final int k;
    private boolean corrected;
    private final long seed;
    private double bias;
    private double standardError = Double.NaN;

    /**
     * @param k the k of k-NN
     * @param corrected whether to subtract the bias measured on the Gaussian reference
     * @param seed the seed of the reference draws
     */
    KnnEstimator(int k, boolean corrected, long seed) {
        this.k = k;
        this.corrected = corrected;
        this.seed = seed;
    }

    @Override
    Estimator name() {
        return corrected ? Estimator.KNN_BIAS_CORRECTED : Estimator.KNN;
    }

    @Override
    Integer k() {
        return k;
    }

    @Override
    double nats(double[] x, int n, double[] y, int m, int d, List<String> notes) {
        if (notes == null) {
            return KnnDivergence.estimate(x, n, y, m, d, k).value() - bias;
        }
        double value;
        int ties;
        BiasCorrectedKnn.Estimate e = null;
        if (corrected) {
            try {
                e = BiasCorrectedKnn.estimate(x, n, y, m, d, k, seed);
            } catch (InvalidParameterException singular) {
                corrected = false;
                notes.add("a sample covariance is singular (fewer points than d + 1, a constant coordinate, or points "
                        + "on a hyperplane), so the Gaussian reference that measures k-NN's bias is undefined: this is "
                        + "the plain k-NN estimate (estimator knn), uncorrected");
            }
        }
        if (e != null) {
            value = e.value();
            bias = e.bias();
            standardError = e.standardError();
            ties = e.pointsWithTies();
            if (Math.abs(e.bias()) > 2 * e.standardError()) {
                notes.add(String.format(Locale.ROOT, "k-NN is biased at these sample sizes in %d dimensions: on "
                        + "Gaussian samples with the same sizes, means and covariances it gave %.4g nats where the "
                        + "truth is %.4g; that bias (%.4g nats) was subtracted, which assumes the bias on these data "
                        + "is like the bias on Gaussians (raw k-NN estimate %.4g nats)", d,
                        e.referenceKl() + e.bias(), e.referenceKl(), e.bias(), e.raw()));
            }
        } else {
            KnnDivergence.Estimate plain = KnnDivergence.estimate(x, n, y, m, d, k);
            value = plain.value();
            standardError = plain.standardError();
            ties = plain.pointsWithTies();
            if (d >= BIASED_DIMENSION) {
                notes.add("plain k-NN is strongly biased in " + d + " dimensions at these sample sizes (often by "
                        + "+50 % or more); knnBiasCorrected, the default, measures and removes most of that bias");
            }
        }
        if (ties > 0) {
            notes.add(ties + " of p's " + n + " points have duplicates (among p, or equal "
                    + "to a point of q): neighbours at distance 0 were skipped, which biases the estimate");
        }
        double faces = d > 1 ? coordinateTieFraction(x, n, y, m, d) : 0;
        if (faces > FACE_FRACTION) {
            notes.add(String.format(Locale.ROOT, "%.0f%% of the coordinate values repeat (such as the zeros of "
                    + "ReLU outputs, or values rounded to few digits): the points lie on lower-dimensional faces or "
                    + "a grid, where k-NN's distances mislead and the estimate can be far off in either direction "
                    + "(the Gaussian correction removes only part of that bias); treat it as a rough indication",
                    100 * faces));
        }
        if (value < 0) {
            notes.add(-value <= 2 * standardError || faces <= FACE_FRACTION && ties == 0
                    ? "the k-NN estimate is negative: KL(P ‖ Q) >= 0, so P and Q are too close for these sample "
                            + "sizes to tell apart"
                    : "the k-NN estimate is negative beyond its standard error: KL(P ‖ Q) >= 0, so the estimator "
                            + "is biased on these data (see the warnings above)");
        }
        return value;
    }

    @Override
    SamplesResult.Precision precision(LogBase base) {
        return new SamplesResult.Precision(base.fromNats(standardError), corrected ? base.fromNats(bias) : null);
    }

    @Override
    String intervalNote() {
        return "bootstrap resamples repeat points, and k-NN skips the resulting zero distances: the "
                + "interval is approximate (the gaussian estimator's is better calibrated)";
    }

    /** The fraction of pooled coordinate values equal to another of the same coordinate, averaged over coordinates. */
    static double coordinateTieFraction(double[] x, int n, double[] y, int m, int d) {
        double[] column = new double[n + m];
        long repeats = 0;
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < n; i++) {
                column[i] = x[i * d + j] + 0.0;
            }
            for (int i = 0; i < m; i++) {
                column[n + i] = y[i * d + j] + 0.0;
            }
            Arrays.sort(column);
            for (int i = 1; i < column.length; i++) {
                if (column[i] == column[i - 1]) {
                    repeats++;
                }
            }
        }
        return (double) repeats / ((double) d * (n + m));
    }
}
