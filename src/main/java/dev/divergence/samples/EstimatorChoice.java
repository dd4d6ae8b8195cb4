package dev.divergence.samples;

import dev.divergence.validation.RequestProblem;
import dev.divergence.validation.Violations;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which estimator answers: the requested one where it applies to the samples (labels are counted; histograms and
 * counting need 1-D values), and for {@code auto} labels → counting, real values → k-NN below
 * {@link #CORRECTED_FROM} dimensions and bias-corrected k-NN from there on, unless more than {@link #TIE_FRACTION}
 * of them repeat (then integer 1-D data are counted, other 1-D data binned, and d-dimensional data still go to
 * k-NN with a warning).
 */
final class EstimatorChoice {

    /** Above this fraction of tied values, auto does not use k-NN. */
    static final double TIE_FRACTION = 0.1;
    /**
     * From this dimension on, auto answers bias-corrected k-NN: measured at n = m = 5,000 (docs/samples-accuracy.md),
     * plain k-NN's root-mean-square error is the smaller one up to d = 5, the two are equal at d = 6, and from d = 8
     * the correction's is smaller by far (plain k-NN's bias grows past +20 %).
     */
    static final int CORRECTED_FROM = 6;

    private EstimatorChoice() {
    }

    /**
     * @param requested the requested estimator (known)
     * @return the estimator to use; a violation at {@code /estimator} when the requested one does not apply
     */
    static Estimator choose(Estimator requested, SampleInput p, SampleInput q, List<String> warnings,
            Violations violations) {
        if (p instanceof SampleInput.Labels) {
            if (requested != Estimator.AUTO && requested != Estimator.COUNTING) {
                violations.add(RequestProblem.INVALID_OPTION, "/estimator", requested.jsonName()
                        + " needs real-valued samples; labels are compared by counting");
            }
            return Estimator.COUNTING;
        }
        SampleInput.Points a = (SampleInput.Points) p;
        SampleInput.Points b = (SampleInput.Points) q;
        if (a.d() > 1 && (requested == Estimator.HISTOGRAM || requested == Estimator.COUNTING)) {
            violations.add(RequestProblem.INVALID_OPTION, "/estimator", requested.jsonName() + " needs 1-D samples; these "
                    + "have dimension " + a.d() + " (use knn or gaussian)");
            return requested;
        }
        if (requested != Estimator.AUTO) {
            return requested;
        }
        double tied = tiedFraction(a, b);
        Estimator pointwise = a.d() < CORRECTED_FROM ? Estimator.KNN : Estimator.KNN_BIAS_CORRECTED;
        if (tied <= TIE_FRACTION) {
            return pointwise;
        }
        String pct = String.format(Locale.ROOT, "%.0f%%", 100 * tied);
        if (a.d() == 1 && allIntegers(a) && allIntegers(b)) {
            warnings.add(pct + " of the values repeat and all are integers: auto counted them (estimator "
                    + "counting) instead of k-NN, which needs distinct points");
            return Estimator.COUNTING;
        }
        if (a.d() == 1) {
            warnings.add(pct + " of the values repeat: auto binned them (estimator histogram) instead of k-NN, "
                    + "which needs distinct points");
            return Estimator.HISTOGRAM;
        }
        warnings.add(pct + " of the points repeat: k-NN skips zero distances, which biases it; consider the "
                + "gaussian estimator");
        return pointwise;
    }

    /** The fraction of pooled points equal to an earlier one. */
    static double tiedFraction(SampleInput.Points a, SampleInput.Points b) {
        int d = a.d();
        int total = a.n() + b.n();
        if (d == 1) {
            double[] pooled = new double[total];
            System.arraycopy(a.values(), 0, pooled, 0, a.n());
            System.arraycopy(b.values(), 0, pooled, a.n(), b.n());
            Arrays.sort(pooled);
            int repeats = 0;
            for (int i = 1; i < total; i++) {
                if (pooled[i] == pooled[i - 1]) {
                    repeats++;
                }
            }
            return (double) repeats / total;
        }
        // a 64-bit hash of each row's bits, sorted: equal rows have equal hashes (a collision between different
        // rows, probability ~2^-64 per pair, would only count one more tie in a heuristic)
        long[] hashes = new long[total];
        int at = 0;
        for (SampleInput.Points s : List.of(a, b)) {
            double[] v = s.values();
            for (int i = 0; i < s.n(); i++) {
                long h = 0x9E3779B97F4A7C15L;
                for (int j = 0; j < d; j++) {
                    // + 0.0 folds -0.0 into 0.0, which are the same point
                    h = (h ^ Double.doubleToLongBits(v[i * d + j] + 0.0)) * 0xBF58476D1CE4E5B9L;
                    h ^= h >>> 31;
                }
                hashes[at++] = h;
            }
        }
        Arrays.sort(hashes);
        int repeats = 0;
        for (int i = 1; i < total; i++) {
            if (hashes[i] == hashes[i - 1]) {
                repeats++;
            }
        }
        return (double) repeats / total;
    }

    private static boolean allIntegers(SampleInput.Points s) {
        for (double v : s.values()) {
            if (v != Math.rint(v)) {
                return false;
            }
        }
        return true;
    }
}
