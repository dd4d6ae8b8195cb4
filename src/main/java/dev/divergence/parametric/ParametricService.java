package dev.divergence.parametric;

import dev.divergence.compute.Cancellation;
import dev.divergence.compute.LogBase;
import dev.divergence.compute.parametric.ClosedForm;
import dev.divergence.compute.parametric.Distribution;
import dev.divergence.compute.parametric.IncompatibleDistributionsException;
import dev.divergence.compute.parametric.MonteCarlo;
import dev.divergence.compute.parametric.Multivariate;
import dev.divergence.compute.parametric.ParametricDivergences;
import dev.divergence.config.LimitProperties;
import dev.divergence.runtime.ComputeGate;
import dev.divergence.runtime.MemoryBudget;
import dev.divergence.runtime.ServiceMeters;
import dev.divergence.validation.RequestProblem;
import dev.divergence.validation.Violations;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * KL divergence between parametric distributions named as in {@code torch.distributions}: resolves and checks
 * the two specs (family, parameter names, alternatives, shapes, domains, with a JSON Pointer for each problem),
 * broadcasts their batches like torch, and computes each element in closed form
 * ({@link ParametricDivergences}) or by seeded Monte Carlo ({@link MonteCarlo}).
 */
@Service
public class ParametricService {

    /** Monte Carlo draws per batch element when the request does not say. */
    public static final int DEFAULT_SAMPLES = 100_000;
    /** Monte Carlo seed when the request does not say, so that repeated requests agree. */
    public static final long DEFAULT_SEED = 0;

    private final LimitProperties limits;
    private final ServiceMeters meters;
    private final ComputeGate gate;
    private final SpecResolver specs;
    private final MemoryBudget memory;

    ParametricService(LimitProperties limits, ServiceMeters meters, ComputeGate gate, MemoryBudget memory) {
        this.limits = limits;
        this.meters = meters;
        this.gate = gate;
        this.specs = new SpecResolver(limits);
        this.memory = memory;
    }

    /**
     * @param p the reference distribution P
     * @param q the approximating distribution Q
     * @param base logarithm base, null for e
     * @param method auto (default), closedForm or monteCarlo
     * @param samples Monte Carlo draws per element, null for {@link #DEFAULT_SAMPLES}
     * @param seed Monte Carlo seed, null for {@link #DEFAULT_SEED}
     * @return KL(P ‖ Q) per broadcast batch element
     * @throws InvalidRequestException listing every offending value
     */
    public ParametricResult evaluate(DistributionSpec p, DistributionSpec q, Double base, Method method,
            Integer samples, Long seed) {
        Violations violations = new Violations(limits.maxViolations());
        LogBase logBase = violations.logBase(base, "/base");
        Method m = method == null ? Method.AUTO : method;
        int n = samples == null ? DEFAULT_SAMPLES : samples;
        if (!(n >= 2)) {
            violations.add(RequestProblem.INVALID_OPTION, "/monteCarlo/samples", "must be >= 2, was " + n);
        }
        ResolvedSpec rp = specs.resolve(p, "/p", violations, 0);
        ResolvedSpec rq = specs.resolve(q, "/q", violations, 0);
        violations.throwIfAny();
        // the batch elements' working memory, reserved before a single one is built (issue 17: a batch of
        // MultivariateNormal d = 512 built two d × d copies per element and ended in an OutOfMemoryError)
        long pBytes = rp.estimatedBytes();
        long qBytes = rq.estimatedBytes();
        long bytes = pBytes + qBytes;
        if (bytes > memory.totalBytes()) {
            violations.add(RequestProblem.LIMIT_EXCEEDED, pBytes >= qBytes ? "/p" : "/q", "the batch elements of "
                    + "p and q need about " + mebibytes(bytes) + " MiB of working memory, more than the " + mebibytes(memory.totalBytes())
                    + " MiB this instance gives all requests together (divergence.resilience.working-memory-share "
                    + "of the heap); send a smaller batch or dimension");
            violations.throwIfAny();
        }
        try (MemoryBudget.Reservation reserved = memory.reserve(bytes)) {
            return evaluateReserved(rp, rq, logBase, m, n, seed, violations);
        }
    }

    private static long mebibytes(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    private ParametricResult evaluateReserved(ResolvedSpec rp, ResolvedSpec rq, LogBase logBase, Method m, int n,
            Long seed, Violations violations) {
        Distribution[] ep = rp.build(violations, new HashSet<>());
        Distribution[] eq = rq.build(violations, new HashSet<>());
        violations.throwIfAny();

        int[] batch = Shapes.broadcast(rp.batchShape, rq.batchShape);
        if (batch == null) {
            violations.add(RequestProblem.SHAPE_MISMATCH, "/q", "has batch shape " + Arrays.toString(rq.batchShape)
                    + ", which does not broadcast with p's " + Arrays.toString(rp.batchShape));
            violations.throwIfAny();
        }
        int size = Shapes.size(batch);
        if (size > limits.maxElements()) {
            violations.add(RequestProblem.LIMIT_EXCEEDED, "/q", "the broadcast batch has " + size
                    + " elements, more than the limit of " + limits.maxElements());
            violations.throwIfAny();
        }
        try {
            ParametricDivergences.checkComparable(ep[0], eq[0]);
        } catch (IncompatibleDistributionsException e) {
            violations.add(RequestProblem.INCOMPATIBLE_DISTRIBUTIONS, "/q/family", e.getMessage()
                    + "; KL(p ‖ q) is defined only between distributions of the same sample space");
            violations.throwIfAny();
        }
        // decided before admission, from the family table alone (nothing is evaluated): a pair without any closed
        // form is refused for closedForm and budgeted as Monte Carlo for auto; a pair with one is evaluated inside
        // the gate, under the deadline (a finite sum against a mixture can be long), where the parameters may still
        // leave it undefined and fall back
        boolean closedFormPossible = ParametricFamilies.mayHaveClosedForm(rp.family.name(), rq.family.name());
        if (m == Method.CLOSED_FORM && !closedFormPossible) {
            noClosedForm(ep[0], eq[0], violations);
        }
        if (m == Method.MONTE_CARLO || m == Method.AUTO && !closedFormPossible) {
            checkMonteCarloBudget(ep, n, size, violations);
        }
        meters.recordInputSize("parametric", size);
        long seedValue = seed == null ? DEFAULT_SEED : seed;
        ParametricResult result = gate.run("parametric",
                () -> compute(ep, rp.batchShape, eq, rq.batchShape, batch, m, n, seedValue, violations));
        double[] kl = result.kl();
        double[] se = result.standardError();
        for (int i = 0; i < kl.length; i++) {
            kl[i] = logBase.fromNats(kl[i]);
            if (se != null) {
                se[i] = logBase.fromNats(se[i]);
            }
        }
        return new ParametricResult(kl, se, batch, logBase, result.method(), result.samples(), result.seed(),
                result.warnings());
    }

    private ParametricResult compute(Distribution[] ep, int[] pShape, Distribution[] eq, int[] qShape, int[] batch,
            Method method, int samples, long seed, Violations violations) {
        int size = Shapes.size(batch);
        BatchNotes warnings = new BatchNotes(batch);
        double[] kl = new double[size];
        // which element of p and of q each broadcast element reads: computed once, no allocation per element
        int[] pIndex = Shapes.sourceIndices(batch, pShape);
        int[] qIndex = Shapes.sourceIndices(batch, qShape);
        boolean closed = method != Method.MONTE_CARLO;
        if (closed) {
            for (int i = 0; i < size && closed; i++) {
                Cancellation.checkpoint();
                Distribution a = ep[pIndex[i]];
                Distribution b = eq[qIndex[i]];
                ClosedForm c = ParametricDivergences.klDivergence(a, b);
                if (c == null) {
                    closed = false;
                    if (method == Method.CLOSED_FORM) {
                        noClosedForm(a, b, violations);
                    }
                    warnings.clearElementNotes();
                    warnings.addForAll("KL(" + a.family() + " ‖ " + b.family() + ") has no closed form: estimated by "
                            + "Monte Carlo");
                } else {
                    kl[i] = c.value();
                    for (String note : c.notes()) {
                        warnings.add(note, i);
                    }
                }
            }
            if (closed) {
                return new ParametricResult(kl, null, batch, LogBase.NATS, Method.CLOSED_FORM, null, null,
                        warnings.render());
            }
        }
        checkMonteCarloBudget(ep, samples, size, violations);
        double[] se = new double[size];
        double worst = 0;
        for (int i = 0; i < size; i++) {
            Cancellation.checkpoint();
            Distribution a = ep[pIndex[i]];
            Distribution b = eq[qIndex[i]];
            MonteCarlo.Estimate e = MonteCarlo.klDivergence(a, b, samples, seed + i);
            if (Double.isNaN(e.value())) {
                // the log-densities themselves overflow at the draws (∞ − ∞): no estimate exists in double precision
                violations.add(RequestProblem.ESTIMATE_UNDEFINED, batch.length == 0 ? "/p" : "/p/params",
                        "KL(" + a.family() + " ‖ " + b.family() + ") cannot be estimated in double precision for these "
                        + "parameters: ln p − ln q is not finite at most draws from p (densities that overflow or "
                        + "underflow where p's draws land), and no closed form applies"
                        + (batch.length == 0 ? "" : "; batch element " + i));
                violations.throwIfAny();
            }
            kl[i] = e.value();
            se[i] = e.standardError();
            if (e.value() == Double.POSITIVE_INFINITY) {
                warnings.add("a draw from p fell where q's density is 0, so KL(p ‖ q) = Infinity", i);
            } else {
                worst = Math.max(worst, e.standardError());
            }
        }
        warnings.addForAll("Monte Carlo estimate from " + samples + " draws of p (seed " + seed + "): the error is about "
                + "standardError (largest " + String.format(java.util.Locale.ROOT, "%.3g", worst) + " nats), within "
                + "±1.96 standardError in 95% of runs; 100 times more samples make it 10 times smaller");
        return new ParametricResult(kl, se, batch, LogBase.NATS, Method.MONTE_CARLO, samples, seed,
                warnings.render());
    }

    private static void noClosedForm(Distribution p, Distribution q, Violations violations) {
        violations.add(RequestProblem.NO_CLOSED_FORM, "/method", "KL(" + p.family() + " ‖ " + q.family()
                + ") has no closed form here; use method monteCarlo (or auto)");
        violations.throwIfAny();
    }

    /** Each draw costs about one pass over the sample's coordinates: the budget counts draws × event size. */
    private void checkMonteCarloBudget(Distribution[] ep, int samples, int size, Violations violations) {
        int eventSize = ep[0] instanceof Multivariate mv ? mv.dimension() : 1;
        double budget = (double) samples * size * eventSize;
        if (budget > limits.maxMonteCarloSamples()) {
            violations.add(RequestProblem.LIMIT_EXCEEDED, "/monteCarlo/samples", samples + " draws for each of "
                    + size + " batch elements" + (eventSize > 1 ? " of " + eventSize + " coordinates" : "") + " is "
                    + String.format(Locale.ROOT, "%.0f", budget) + " sampled values, more than the limit of "
                    + limits.maxMonteCarloSamples());
            violations.throwIfAny();
        }
    }
}
