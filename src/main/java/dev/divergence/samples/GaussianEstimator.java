package dev.divergence.samples;

import dev.divergence.compute.estimators.GaussianFit;
import dev.divergence.compute.parametric.InvalidParameterException;
import java.util.List;

/** The Gaussian fit: the closed-form KL between normals fitted to each sample ({@link GaussianFit}). */
final class GaussianEstimator extends PointEstimator {

    @Override
    Estimator name() {
        return Estimator.GAUSSIAN;
    }

    @Override
    double nats(double[] x, int n, double[] y, int m, int d, List<String> notes) {
        return GaussianFit.klDivergence(x, n, y, m, d);
    }

    @Override
    String undefined(IllegalArgumentException e) {
        return e instanceof InvalidParameterException ? "a sample covariance is singular (fewer points than d + 1, or "
                + "points on a hyperplane): the Gaussian fit is undefined" : e.getMessage();
    }
}
