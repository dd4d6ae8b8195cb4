package dev.divergence.compute;

import org.apache.commons.numbers.core.Sum;

/**
 * Turning weights into probability vectors: normalization of non-negative weights and the softmax of
 * natural-log weights. Every method works in place on the caller's array (no copy of large inputs).
 */
public final class ProbabilityVectors {

    private ProbabilityVectors() {
    }

    /**
     * Compensated sum Σ w_i (Commons Numbers {@link Sum}, extended-precision accumulation).
     *
     * @param w the values, any length
     * @return their sum
     */
    public static double sum(double[] w) {
        Sum sum = Sum.create();
        for (double v : w) {
            sum.add(v);
        }
        return sum.getAsDouble();
    }

    /**
     * Rescales non-negative weights to sum 1: w_i ← w_i / Σ w.
     *
     * @param w weights, length ≥ 1, entries finite and ≥ 0, modified in place
     * @param argument the argument's name, for the exception
     * @return the sum before rescaling
     * @throws InvalidDistributionException if an entry is negative or not finite, or the sum is 0 or overflows
     */
    public static double normalizeInPlace(double[] w, String argument) {
        Sum sum = Sum.create();
        for (int i = 0; i < w.length; i++) {
            double v = w[i];
            if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
                throw new InvalidDistributionException(argument, i, v, "must be finite and >= 0");
            }
            sum.add(v);
        }
        double total = sum.getAsDouble();
        if (!(total > 0 && total < Double.POSITIVE_INFINITY)) {
            throw new InvalidDistributionException(argument, -1, total,
                    total > 0 ? "sum of the entries overflows" : "entries must not all be zero");
        }
        if (total != 1.0) {
            for (int i = 0; i < w.length; i++) {
                w[i] /= total;
            }
        }
        return total;
    }

    /**
     * Log-sum-exp ln Σ exp(v_i), computed as m + ln Σ exp(v_i − m) with m = max v so that nothing overflows.
     *
     * @param v natural-log weights, finite or −∞
     * @return ln Σ exp(v_i); −∞ when every entry is −∞
     * @throws InvalidDistributionException if an entry is NaN or +∞
     */
    public static double logSumExp(double[] v, String argument) {
        double max = checkedMax(v, argument);
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        Sum sum = Sum.create();
        for (double x : v) {
            sum.add(Math.exp(x - max));
        }
        return max + Math.log(sum.getAsDouble());
    }

    /**
     * Log-softmax of natural-log weights: ln of the softmax, v_i − ln Σ_j exp(v_j), exact where the softmax itself
     * underflows (a logit 800 below the largest has probability e^−800, which is 0 as a double, but log-probability
     * −800).
     *
     * @param v natural-log weights, length ≥ 1, finite or −∞, not all −∞
     * @param argument the argument's name, for the exception
     * @return a new array of log-probabilities (−∞ where v_i = −∞)
     * @throws InvalidDistributionException if an entry is NaN or +∞, or every entry is −∞
     */
    public static double[] logSoftmax(double[] v, String argument) {
        double lse = logSumExp(v, argument);
        if (lse == Double.NEGATIVE_INFINITY) {
            throw new InvalidDistributionException(argument, -1, lse, "entries must not all be -Infinity");
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] - lse;
        }
        return out;
    }

    /**
     * Softmax of natural-log weights, in place: v_i ← exp(v_i − m) / Σ_j exp(v_j − m), m = max v (the shift
     * by the maximum keeps every exponential in [0, 1]; −∞ gives exactly 0).
     *
     * @param v natural-log weights (log-probabilities or logits), length ≥ 1, finite or −∞
     * @param argument the argument's name, for the exception
     * @throws InvalidDistributionException if an entry is NaN or +∞, or every entry is −∞
     */
    public static void softmaxInPlace(double[] v, String argument) {
        double max = checkedMax(v, argument);
        if (max == Double.NEGATIVE_INFINITY) {
            throw new InvalidDistributionException(argument, -1, max, "entries must not all be -Infinity");
        }
        Sum sum = Sum.create();
        for (int i = 0; i < v.length; i++) {
            double e = Math.exp(v[i] - max);
            v[i] = e;
            sum.add(e);
        }
        double total = sum.getAsDouble();
        for (int i = 0; i < v.length; i++) {
            v[i] /= total;
        }
    }

    /** The maximum of natural-log weights, checking that each is finite or −∞ (NaN-safe). */
    private static double checkedMax(double[] v, String argument) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v.length; i++) {
            double x = v[i];
            if (!(x < Double.POSITIVE_INFINITY)) {
                throw new InvalidDistributionException(argument, i, x, "must be finite or -Infinity");
            }
            if (x > max) {
                max = x;
            }
        }
        return max;
    }
}
