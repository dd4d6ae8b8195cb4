package dev.divergence.kldiv;

import dev.divergence.compute.InvalidDistributionException;
import dev.divergence.compute.KlDivLoss;
import dev.divergence.config.LimitProperties;
import dev.divergence.runtime.ComputeGate;
import dev.divergence.runtime.ServiceMeters;
import dev.divergence.validation.RequestProblem;
import dev.divergence.validation.Violations;
import dev.divergence.web.json.TensorInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * {@code torch.nn.functional.kl_div} semantics: validates shapes and values (pointers such as
 * {@code /target/1/2}), computes the pointwise losses and the reduction with {@link KlDivLoss}, and explains
 * what torch users trip over in {@code warnings}.
 */
@Service
public class KlDivService {

    private static final double ROW_SUM_TOLERANCE = 1e-3;

    private final LimitProperties limits;
    private final ServiceMeters meters;
    private final ComputeGate gate;

    KlDivService(LimitProperties limits, ServiceMeters meters, ComputeGate gate) {
        this.limits = limits;
        this.meters = meters;
        this.gate = gate;
    }

    /**
     * @param input log-probabilities, rank ≥ 1
     * @param target same shape as input
     * @param reduction the reduction, null for torch's default (mean)
     * @param logTarget whether target holds log-probabilities (default false)
     * @return the loss
     * @throws InvalidRequestException listing every offending value
     */
    public KlDivResult evaluate(TensorInput input, TensorInput target, Reduction reduction, Boolean logTarget) {
        Violations violations = new Violations(limits.maxViolations());
        Reduction chosen = reduction == null ? Reduction.MEAN : reduction;
        KlDivLoss.Reduction r = chosen.kernel();
        if (input == null || target == null) {
            if (input == null) {
                violations.add(RequestProblem.MISSING_FIELD, "/input", "is required");
            }
            if (target == null) {
                violations.add(RequestProblem.MISSING_FIELD, "/target", "is required");
            }
            violations.throwIfAny();
        }
        checkTensor(input, "/input", violations);
        checkTensor(target, "/target", violations);
        if (violations.isEmpty() && !Arrays.equals(input.shape(), target.shape())) {
            violations.add(RequestProblem.LENGTH_MISMATCH, "/target", "has shape " + Arrays.toString(target.shape())
                    + " but input has shape " + Arrays.toString(input.shape()) + "; they must be equal");
        }
        violations.throwIfAny();
        boolean log = logTarget != null && logTarget;
        double[] losses;
        try {
            losses = KlDivLoss.pointwise(input.values(), target.values(), log);
        } catch (InvalidDistributionException e) {
            TensorInput at = e.argument().equals("input") ? input : target;
            violations.add(RequestProblem.INVALID_DISTRIBUTION, "/" + e.argument() + at.pointerOf(e.index()),
                    e.reason() + ", was " + Violations.format(e.value()));
            violations.throwIfAny();
            throw e;
        }
        meters.recordInputSize("kl-div", input.values().length);
        List<String> warnings = warnings(input, r, log);
        String name = chosen.jsonName();
        if (r == KlDivLoss.Reduction.NONE) {
            return new KlDivResult(Double.NaN, losses, input.shape(), name, warnings);
        }
        // a loss is +∞ where target > 0 and input = −∞, and −∞ where an input far above 0 (not a log-probability)
        // overflows target·(ln target − input): with both, the sum is undefined, and the request is refused
        KlDivLoss.Reduction reduce = r;
        double loss;
        try {
            loss = gate.run("kl-div", () -> KlDivLoss.reduce(losses, input.shape()[0], reduce));
        } catch (ArithmeticException e) {
            violations.add(RequestProblem.INVALID_DISTRIBUTION, "/input", "the pointwise losses include both "
                    + "Infinity (target > 0 where input is -Infinity) and -Infinity (input entries so far above 0, "
                    + "which log-probabilities never are, that the loss overflows), so their " + name
                    + " is undefined; reduction none gives them one by one");
            violations.throwIfAny();
            throw e;
        }
        return new KlDivResult(loss, null, input.shape(), name, warnings);
    }

    private void checkTensor(TensorInput t, String pointer, Violations violations) {
        if (t.values().length == 0) {
            violations.add(RequestProblem.INVALID_DISTRIBUTION, pointer, "must have at least one element");
        } else if (t.values().length > limits.maxElements()) {
            violations.add(RequestProblem.LIMIT_EXCEEDED, pointer, "has " + t.values().length
                    + " elements, more than the limit of " + limits.maxElements());
        }
    }

    private static List<String> warnings(TensorInput input, KlDivLoss.Reduction reduction, boolean logTarget) {
        List<String> warnings = new ArrayList<>();
        if (reduction == KlDivLoss.Reduction.MEAN) {
            warnings.add("reduction 'mean' (torch's default) divides the sum by the number of elements ("
                    + input.values().length + "), which is not the KL divergence; 'batchmean' divides by the batch "
                    + "size input.shape[0] and gives the mean KL divergence per sample");
        }
        double[] x = input.values();
        boolean positive = false;
        boolean allInUnitInterval = true;
        for (double v : x) {
            positive |= v > 0;
            allInUnitInterval &= v >= 0 && v <= 1;
        }
        int rowLength = input.shape()[input.shape().length - 1];
        if (allInUnitInterval && rowsSumToOne(x, rowLength)) {
            warnings.add("input looks like probabilities, not log-probabilities: kl_div(input, target) computes "
                    + "KL(target ‖ exp(input)), so pass input = log(q) (e.g. log_softmax), not q");
        } else if (positive) {
            warnings.add("input has entries > 0, so it is not log-probabilities (ln q <= 0): kl_div(input, target) "
                    + "computes KL(target ‖ exp(input)) only when exp(input) is a distribution");
        }
        return warnings;
    }

    private static boolean rowsSumToOne(double[] x, int rowLength) {
        for (int start = 0; start < x.length; start += rowLength) {
            double s = 0;
            for (int i = start; i < start + rowLength; i++) {
                s += x[i];
            }
            if (Math.abs(s - 1) > ROW_SUM_TOLERANCE) {
                return false;
            }
        }
        return true;
    }
}
