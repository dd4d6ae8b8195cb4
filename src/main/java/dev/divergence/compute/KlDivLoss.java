package dev.divergence.compute;

import org.apache.commons.numbers.core.Sum;

/**
 * PyTorch's {@code torch.nn.functional.kl_div(input, target, reduction, log_target)} on flattened tensors in
 * float64. {@code input} holds log-probabilities ln q; the pointwise loss is
 * <ul>
 * <li>{@code log_target = false}: target · (ln target − input), and 0 where target = 0 (whatever the input);</li>
 * <li>{@code log_target = true}: exp(target) · (target − input), and 0 where exp(target) = 0.</li>
 * </ul>
 * Summed over a row of a distribution this is D_KL(target ‖ exp(input)) (Kullback and Leibler 1951); no
 * normalization is applied to either argument. Reductions: {@code sum}, {@code mean} (sum / number of
 * elements, torch's default, which is not the mathematical KL divergence per sample) and {@code batchmean}
 * (sum / size of the first dimension).
 *
 * @see <a href="https://pytorch.org/docs/stable/generated/torch.nn.functional.kl_div.html">torch.nn.functional.kl_div</a>
 */
public final class KlDivLoss {

    /** How the pointwise losses are reduced. */
    public enum Reduction { NONE, SUM, MEAN, BATCHMEAN }

    private KlDivLoss() {
    }

    /**
     * The pointwise losses.
     *
     * @param input log-probabilities, any length n ≥ 1, entries finite or −∞
     * @param target same length: probabilities ≥ 0 (finite), or with {@code logTarget} log-probabilities
     *     (finite or −∞)
     * @param logTarget whether {@code target} holds log-probabilities
     * @return a new array of n losses in nats; +∞ where target &gt; 0 and input = −∞
     * @throws InvalidDistributionException if the lengths differ or an entry is outside its domain
     */
    public static double[] pointwise(double[] input, double[] target, boolean logTarget) {
        if (input.length != target.length) {
            throw new InvalidDistributionException("target", -1, target.length,
                    "has " + target.length + " elements but input has " + input.length);
        }
        double[] out = new double[input.length];
        for (int i = 0; i < input.length; i++) {
            if ((i & 0xFFFF) == 0xFFFF) {
                Cancellation.checkpoint();
            }
            double x = input[i];
            if (!(x < Double.POSITIVE_INFINITY)) {
                throw new InvalidDistributionException("input", i, x, "must be a log-probability: finite or -Infinity");
            }
            double t = target[i];
            if (logTarget) {
                if (!(t < Double.POSITIVE_INFINITY)) {
                    throw new InvalidDistributionException("target", i, t,
                            "must be a log-probability (logTarget): finite or -Infinity");
                }
                double e = Math.exp(t);
                double d = t - x;
                // exp(−∞)·(…) is taken as 0, like target = 0 below; so is e^t·0 where e^t overflows (t > 709.78,
                // not a log-probability): its value is 0, where the float product ∞·0 would be NaN
                out[i] = e == 0 || d == 0 ? 0.0 : e * d;
            } else {
                if (!(t >= 0 && t < Double.POSITIVE_INFINITY)) {
                    throw new InvalidDistributionException("target", i, t, "must be a finite probability >= 0");
                }
                out[i] = t == 0 ? 0.0 : t * (Math.log(t) - x); // 0·(ln 0 − x) = 0, also for x = −∞
            }
        }
        return out;
    }

    /**
     * Reduces pointwise losses with a compensated sum.
     *
     * @param losses the pointwise losses, length n ≥ 1
     * @param firstDimension the size of the input's first dimension (its length for a 1-D input)
     * @param reduction {@code SUM}, {@code MEAN} or {@code BATCHMEAN} ({@code NONE} is not a reduction)
     * @return the reduced loss in nats, possibly ±∞ (also when finite losses sum past the largest double)
     * @throws ArithmeticException if the losses contain both +∞ and −∞ (the sum is undefined)
     * @throws IllegalArgumentException for {@code NONE}, an empty array or a first dimension &lt; 1
     */
    public static double reduce(double[] losses, int firstDimension, Reduction reduction) {
        if (reduction == Reduction.NONE || losses.length == 0 || firstDimension < 1) {
            throw new IllegalArgumentException("nothing to reduce");
        }
        Sum sum = Sum.create();
        boolean plusInfinity = false;
        boolean minusInfinity = false;
        for (double v : losses) {
            if (v == Double.POSITIVE_INFINITY) {
                plusInfinity = true;
            } else if (v == Double.NEGATIVE_INFINITY) {
                minusInfinity = true;
            } else {
                sum.add(v);
            }
        }
        if (plusInfinity && minusInfinity) {
            throw new ArithmeticException("the pointwise losses contain both +Infinity and -Infinity");
        }
        double total = plusInfinity ? Double.POSITIVE_INFINITY : minusInfinity ? Double.NEGATIVE_INFINITY
                : finiteSum(losses, sum.getAsDouble());
        return switch (reduction) {
            case SUM -> total;
            case MEAN -> total / losses.length;
            case BATCHMEAN -> total / firstDimension;
            case NONE -> throw new IllegalArgumentException("nothing to reduce");
        };
    }

    /**
     * The compensated sum of finite losses, or ±∞ when it exceeds the largest double: the compensation's own
     * arithmetic turns an overflowing sum into NaN, so it is then redone on the losses scaled by 2⁻⁶⁰⁰ (exact but
     * for losses below 2⁻⁴⁷⁴, which cannot matter next to a sum past 1.8e308).
     */
    private static double finiteSum(double[] losses, double compensated) {
        if (Double.isFinite(compensated)) {
            return compensated;
        }
        Sum scaled = Sum.create();
        for (double v : losses) {
            scaled.add(Math.scalb(v, -600));
        }
        return Math.scalb(scaled.getAsDouble(), 600);
    }
}
