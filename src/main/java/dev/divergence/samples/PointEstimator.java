package dev.divergence.samples;

import dev.divergence.compute.LogBase;
import dev.divergence.compute.estimators.Bootstrap;
import dev.divergence.validation.RequestProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An estimator of KL(P ‖ Q) straight from two samples of real points, 1-D or d-dimensional, without counting or
 * binning: the k-NN estimator and the Gaussian fit. Its bootstrap statistic is the same estimator on the
 * resampled rows; a resample on which the estimator is undefined counts as +∞.
 */
abstract class PointEstimator {

    /** @return which estimator this is */
    abstract Estimator name();

    /**
     * @param x n points of P, row-major, d values each
     * @param y m points of Q, likewise
     * @param notes where to add what the caller should know about this estimate; null for bootstrap resamples
     * @return the estimate in nats
     * @throws IllegalArgumentException when the estimator is undefined for these points
     */
    abstract double nats(double[] x, int n, double[] y, int m, int d, List<String> notes);

    /** @return the problem detail when {@link #nats} is undefined for the request's samples */
    String undefined(IllegalArgumentException e) {
        return e.getMessage();
    }

    /** @return the k of the answer, or null */
    Integer k() {
        return null;
    }

    /**
     * @param base the answer's base
     * @return the standard error and bias correction of the last {@link #nats} call with notes, or null
     */
    SamplesResult.Precision precision(LogBase base) {
        return null;
    }

    /** @return a note on the bootstrap interval, or null */
    String intervalNote() {
        return null;
    }

    /**
     * @param boot the bootstrap, or null
     * @param countedOptionsGiven whether the request set metrics or smoothing, which apply to counted frequencies
     */
    final SamplesResult estimate(SampleInput.Points p, SampleInput.Points q, LogBase base, BootstrapPlan boot,
            boolean countedOptionsGiven, List<String> warnings) {
        int d = p.d();
        List<String> all = new ArrayList<>(warnings);
        if (countedOptionsGiven) {
            all.add("metrics and smoothing apply to counted or binned frequencies; " + name().jsonName()
                    + " estimates kl only");
        }
        double nats;
        try {
            nats = nats(p.values(), p.n(), q.values(), q.n(), d, all);
        } catch (IllegalArgumentException e) {
            throw SamplesService.single(RequestProblem.ESTIMATE_UNDEFINED, "/p", undefined(e));
        }
        SamplesResult.Interval interval = null;
        if (boot != null) {
            Bootstrap.Interval ci = Bootstrap.percentile(p.n(), q.n(), boot.resamples(), boot.level(), boot.seed(),
                    (pi, qi) -> {
                        try {
                            return nats(Resampling.pickRows(p.values(), pi, d), pi.length,
                                    Resampling.pickRows(q.values(), qi, d), qi.length, d, null);
                        } catch (IllegalArgumentException e) {
                            // a resample of identical points: that resample has no estimate
                            return Double.POSITIVE_INFINITY;
                        }
                    });
            interval = new SamplesResult.Interval(boot.level(), base.fromNats(ci.lower()), base.fromNats(ci.upper()),
                    boot.resamples());
            if (intervalNote() != null) {
                all.add(intervalNote());
            }
        }
        return new SamplesResult(name(), base.fromNats(nats), base, null, Map.of(), p.n(), q.n(), d, k(), null,
                interval, precision(base), all);
    }
}
