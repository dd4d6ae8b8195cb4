package dev.divergence.kldiv;

import java.util.List;

/**
 * The result of {@code kl_div}.
 *
 * @param loss the reduced loss in nats (NaN when {@code reduction} is none)
 * @param pointwise the pointwise losses, row-major, for reduction none (else null)
 * @param shape the input's shape
 * @param reduction the reduction applied: none, sum, mean or batchmean
 * @param warnings what torch users trip over, for this request
 */
public record KlDivResult(double loss, double[] pointwise, int[] shape, String reduction, List<String> warnings) {
}
