package dev.divergence.samples;

import dev.divergence.compute.estimators.KnnDivergence;
import java.util.List;

/**
 * The k-NN estimator of Wang, Kulkarni and Verdú (2009): {@link KnnDivergence}, with warnings when neighbours at
 * distance 0 were skipped and when the estimate is negative.
 */
final class KnnEstimator extends PointEstimator {

    private final int k;

    KnnEstimator(int k) {
        this.k = k;
    }

    @Override
    Estimator name() {
        return Estimator.KNN;
    }

    @Override
    Integer k() {
        return k;
    }

    @Override
    double nats(double[] x, int n, double[] y, int m, int d, List<String> notes) {
        KnnDivergence.Estimate e = KnnDivergence.estimate(x, n, y, m, d, k);
        if (notes != null) {
            if (e.pointsWithTies() > 0) {
                notes.add(e.pointsWithTies() + " of p's " + n + " points have duplicates (among p, or equal "
                        + "to a point of q): neighbours at distance 0 were skipped, which biases the estimate");
            }
            if (e.value() < 0) {
                notes.add("the k-NN estimate is negative: KL(P ‖ Q) >= 0, so P and Q are too close for these "
                        + "sample sizes to tell apart");
            }
        }
        return e.value();
    }

    @Override
    String intervalNote() {
        return "bootstrap resamples repeat points, and k-NN skips the resulting zero distances: the "
                + "interval is approximate (the gaussian estimator's is better calibrated)";
    }
}
