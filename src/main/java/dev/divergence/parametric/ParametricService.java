package dev.divergence.parametric;

import dev.divergence.compute.Cancellation;
import dev.divergence.compute.LogBase;
import dev.divergence.compute.parametric.Categorical;
import dev.divergence.compute.parametric.ClosedForm;
import dev.divergence.compute.parametric.Distribution;
import dev.divergence.compute.parametric.IncompatibleDistributionsException;
import dev.divergence.compute.parametric.Independent;
import dev.divergence.compute.parametric.InvalidParameterException;
import dev.divergence.compute.parametric.Mixture;
import dev.divergence.compute.parametric.MonteCarlo;
import dev.divergence.compute.parametric.ParametricDivergences;
import dev.divergence.compute.parametric.Univariate;
import dev.divergence.config.LimitProperties;
import dev.divergence.runtime.ComputeGate;
import dev.divergence.runtime.ServiceMeters;
import dev.divergence.validation.RequestProblem;
import dev.divergence.validation.Violation;
import dev.divergence.validation.Violations;
import dev.divergence.web.json.TensorInput;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    private static final int MAX_NESTING = 8;

    private final LimitProperties limits;
    private final ServiceMeters meters;
    private final ComputeGate gate;

    ParametricService(LimitProperties limits, ServiceMeters meters, ComputeGate gate) {
        this.limits = limits;
        this.meters = meters;
        this.gate = gate;
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
    public ParametricResult evaluate(DistributionSpec p, DistributionSpec q, Double base, String method,
            Integer samples, Long seed) {
        Violations violations = new Violations(limits.maxViolations());
        LogBase logBase = LogBase.NATS;
        if (base != null) {
            try {
                logBase = LogBase.of(base);
            } catch (IllegalArgumentException e) {
                violations.add(RequestProblem.INVALID_OPTION, "/base",
                        "must be \"e\" or a number > 0 and != 1, was " + Violations.format(base));
            }
        }
        String m = method == null ? "auto" : method;
        if (!List.of("auto", "closedForm", "monteCarlo").contains(m)) {
            violations.add(RequestProblem.INVALID_OPTION, "/method",
                    "unknown method \"" + method + "\"; expected auto, closedForm or monteCarlo");
        }
        int n = samples == null ? DEFAULT_SAMPLES : samples;
        if (!(n >= 2)) {
            violations.add(RequestProblem.INVALID_OPTION, "/monteCarlo/samples", "must be >= 2, was " + n);
        }
        Resolved rp = resolve(p, "/p", violations, 0);
        Resolved rq = resolve(q, "/q", violations, 0);
        violations.throwIfAny();
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
            String method, int samples, long seed, Violations violations) {
        int size = Shapes.size(batch);
        Set<String> warnings = new LinkedHashSet<>();
        double[] kl = new double[size];
        // which element of p and of q each broadcast element reads: computed once, no allocation per element
        int[] pIndex = Shapes.sourceIndices(batch, pShape);
        int[] qIndex = Shapes.sourceIndices(batch, qShape);
        boolean closed = !method.equals("monteCarlo");
        if (closed) {
            for (int i = 0; i < size && closed; i++) {
                Cancellation.checkpoint();
                Distribution a = ep[pIndex[i]];
                Distribution b = eq[qIndex[i]];
                ClosedForm c = ParametricDivergences.klDivergence(a, b);
                if (c == null) {
                    closed = false;
                    if (method.equals("closedForm")) {
                        violations.add(RequestProblem.NO_CLOSED_FORM, "/method", "KL(" + a.family() + " ‖ "
                                + b.family() + ") has no closed form here; use method monteCarlo (or auto)");
                        violations.throwIfAny();
                    }
                    warnings.add("KL(" + a.family() + " ‖ " + b.family() + ") has no closed form: estimated by "
                            + "Monte Carlo");
                } else {
                    kl[i] = c.value();
                    warnings.addAll(c.notes());
                }
            }
            if (closed) {
                return new ParametricResult(kl, null, batch, LogBase.NATS, "closedForm", null, null,
                        List.copyOf(warnings));
            }
            warnings.removeIf(w -> !w.endsWith("estimated by Monte Carlo"));
        }
        // each draw costs about one pass over the sample's coordinates: count draws × event size
        int eventSize = ep[0] instanceof dev.divergence.compute.parametric.Multivariate mv ? mv.dimension() : 1;
        double budget = (double) samples * size * eventSize;
        if (budget > limits.maxMonteCarloSamples()) {
            violations.add(RequestProblem.LIMIT_EXCEEDED, "/monteCarlo/samples", samples + " draws for each of "
                    + size + " batch elements" + (eventSize > 1 ? " of " + eventSize + " coordinates" : "") + " is "
                    + String.format(java.util.Locale.ROOT, "%.0f", budget) + " sampled values, more than the limit of "
                    + limits.maxMonteCarloSamples());
            violations.throwIfAny();
        }
        double[] se = new double[size];
        double worst = 0;
        for (int i = 0; i < size; i++) {
            Cancellation.checkpoint();
            Distribution a = ep[pIndex[i]];
            Distribution b = eq[qIndex[i]];
            MonteCarlo.Estimate e = MonteCarlo.klDivergence(a, b, samples, seed + i);
            kl[i] = e.value();
            se[i] = e.standardError();
            if (e.value() == Double.POSITIVE_INFINITY) {
                warnings.add("a draw from p fell where q's density is 0, so KL(p ‖ q) = Infinity");
            } else {
                worst = Math.max(worst, e.standardError());
            }
        }
        warnings.add("Monte Carlo estimate from " + samples + " draws of p (seed " + seed + "): the error is about "
                + "standardError (largest " + String.format(java.util.Locale.ROOT, "%.3g", worst) + " nats), within "
                + "±1.96 standardError in 95% of runs; 100 times more samples make it 10 times smaller");
        return new ParametricResult(kl, se, batch, LogBase.NATS, "monteCarlo", samples, seed, List.copyOf(warnings));
    }

    // ------------------------------------------------------------------------------------------ resolving

    /** A checked spec: its family, its tensors and nested specs, its batch shape and where it is in the request. */
    private final class Resolved {
        final ParametricFamilies.Family family;
        final String pointer;
        final Map<String, TensorInput> tensors = new LinkedHashMap<>();
        final Map<String, Resolved> nested = new LinkedHashMap<>();
        int[] batchShape = new int[0];
        int innerDims;

        Resolved(ParametricFamilies.Family family, String pointer) {
            this.family = family;
            this.pointer = pointer;
        }

        /** Builds every batch element, row-major; adds a violation for each invalid one. */
        Distribution[] build(Violations violations, Set<String> reported) {
            int size = Shapes.size(batchShape);
            Distribution[] out = new Distribution[size];
            if (family.name().equals("Independent")) {
                Resolved base = nested.get("base_distribution");
                Distribution[] components = base.build(violations, reported);
                int inner = components.length / Math.max(size, 1);
                for (int i = 0; i < size; i++) {
                    Distribution[] slice = Arrays.copyOfRange(components, i * inner, (i + 1) * inner);
                    if (Arrays.stream(slice).allMatch(c -> c != null)) {
                        out[i] = attempt(() -> Independent.of(slice), violations, reported, null);
                    }
                }
                return out;
            }
            if (family.name().equals("MixtureSameFamily")) {
                Resolved mix = nested.get("mixture_distribution");
                Resolved comp = nested.get("component_distribution");
                Distribution[] weights = mix.build(violations, reported);
                Distribution[] components = comp.build(violations, reported);
                int[] compBatch = comp.batchShape;
                int k = compBatch[compBatch.length - 1];
                int[] compOuter = Arrays.copyOf(compBatch, compBatch.length - 1);
                int[] weightIndex = Shapes.sourceIndices(batchShape, mix.batchShape);
                int[] componentIndex = Shapes.sourceIndices(batchShape, compOuter);
                for (int i = 0; i < size; i++) {
                    Distribution w = weights[weightIndex[i]];
                    int base = componentIndex[i] * k;
                    Univariate[] cs = new Univariate[k];
                    boolean ok = w != null;
                    for (int j = 0; j < k; j++) {
                        ok &= components[base + j] != null;
                        cs[j] = (Univariate) components[base + j];
                    }
                    if (ok) {
                        out[i] = attempt(() -> Mixture.of((Categorical) w, cs), violations, reported, null);
                    }
                }
                return out;
            }
            int[] index = new int[batchShape.length];
            for (int i = 0; i < size; i++) {
                Shapes.unravel(i, batchShape, index);
                ElementValues element = new ElementValues(index);
                out[i] = attempt(() -> family.builder().build(element), violations, reported, element);
            }
            return out;
        }

        /** Builds one element; an invalid parameter becomes a violation (once per pointer) and a null element. */
        private Distribution attempt(java.util.function.Supplier<Distribution> build, Violations violations,
                Set<String> reported, ElementValues element) {
            try {
                return build.get();
            } catch (InvalidParameterException e) {
                String at = element != null ? element.pointerOf(e) : pointer + "/params/" + e.parameter();
                if (reported.add(at)) {
                    violations.add(RequestProblem.INVALID_PARAMETER, at, e.reason());
                }
                return null;
            }
        }

        /** The parameter values of one batch element, read from the tensors with torch's broadcasting. */
        private final class ElementValues implements ParametricFamilies.Element {
            private final int[] index;

            ElementValues(int[] index) {
                this.index = index.clone();
            }

            @Override
            public boolean has(String name) {
                return tensors.containsKey(name);
            }

            @Override
            public double scalar(String name) {
                TensorInput t = tensors.get(name);
                return t == null ? family.parameter(name).defaultValue() : t.values()[offset(name)];
            }

            @Override
            public double[] values(String name) {
                int start = offset(name);
                return Arrays.copyOfRange(tensors.get(name).values(), start, start + eventSize(name));
            }

            @Override
            public int[] eventShape(String name) {
                int[] shape = tensors.get(name).shape();
                int rank = family.parameter(name).eventRank();
                return Arrays.copyOfRange(shape, shape.length - rank, shape.length);
            }

            private int eventSize(String name) {
                return Shapes.size(eventShape(name));
            }

            private int offset(String name) {
                int[] shape = tensors.get(name).shape();
                int rank = family.parameter(name).eventRank();
                int[] paramBatch = Arrays.copyOf(shape, shape.length - rank);
                return Shapes.broadcastOffset(index, paramBatch) * eventSize(name);
            }

            String pointerOf(InvalidParameterException e) {
                TensorInput t = tensors.get(e.parameter());
                if (t == null) {
                    return pointer + "/params";
                }
                String base = pointer + "/params/" + Violation.escape(e.parameter());
                int start = offset(e.parameter());
                if (e.index() >= 0) {
                    return base + t.pointerOf(start + e.index());
                }
                String full = t.pointerOf(start);
                int rank = family.parameter(e.parameter()).eventRank();
                for (int r = 0; r < rank; r++) {
                    full = full.substring(0, full.lastIndexOf('/'));
                }
                return base + full;
            }
        }
    }

    private Resolved resolve(DistributionSpec spec, String pointer, Violations violations, int depth) {
        if (spec == null) {
            violations.add(RequestProblem.MISSING_FIELD, pointer, "is required: {\"family\": ..., \"params\": {...}}");
            return null;
        }
        if (depth > MAX_NESTING) {
            violations.add(RequestProblem.LIMIT_EXCEEDED, pointer, "nests distributions deeper than " + MAX_NESTING);
            return null;
        }
        if (spec.family() == null) {
            violations.add(RequestProblem.MISSING_FIELD, pointer + "/family", "is required, e.g. \"Normal\"");
            return null;
        }
        ParametricFamilies.Family family = ParametricFamilies.get(spec.family());
        if (family == null) {
            violations.add(RequestProblem.UNKNOWN_FAMILY, pointer + "/family", "unknown family \"" + spec.family()
                    + "\"; known families (torch.distributions names): "
                    + String.join(", ", ParametricFamilies.all().keySet()));
            return null;
        }
        if (spec.params() == null) {
            violations.add(RequestProblem.MISSING_FIELD, pointer + "/params", "is required: the parameters of "
                    + family.name() + " by torch's names");
            return null;
        }
        Resolved r = new Resolved(family, pointer);
        int before = violations.count();
        for (Map.Entry<String, Object> entry : spec.params().entrySet()) {
            String name = entry.getKey();
            String at = pointer + "/params/" + Violation.escape(name);
            ParametricFamilies.Parameter parameter = family.parameter(name);
            if (parameter == null) {
                violations.add(RequestProblem.UNKNOWN_PARAMETER, at, family.name() + " has no parameter \"" + name
                        + "\"; its parameters: " + String.join(", ",
                                family.parameters().stream().map(ParametricFamilies.Parameter::name).toList()));
                continue;
            }
            Object value = entry.getValue();
            if (parameter.eventRank() < 0) {
                if (!(value instanceof DistributionSpec nestedSpec)) {
                    violations.add(RequestProblem.INVALID_PARAMETER, at, "must be a distribution: {\"family\": ..., "
                            + "\"params\": {...}}");
                    continue;
                }
                Resolved n = resolve(nestedSpec, at, violations, depth + 1);
                if (n != null) {
                    r.nested.put(name, n);
                }
                continue;
            }
            if (!(value instanceof TensorInput t)) {
                violations.add(RequestProblem.INVALID_PARAMETER, at, "must be a number or an array of numbers");
                continue;
            }
            if (t.shape().length < parameter.eventRank()) {
                violations.add(RequestProblem.SHAPE_MISMATCH, at, "must be a " + (parameter.eventRank() == 1
                        ? "vector (an array)" : "matrix (an array of arrays)") + ", was of rank " + t.shape().length);
                continue;
            }
            if (t.values().length == 0) {
                violations.add(RequestProblem.SHAPE_MISMATCH, at, "must not be empty");
                continue;
            }
            r.tensors.put(name, t);
        }
        for (List<String> group : family.alternatives()) {
            List<String> given = group.stream().filter(spec.params()::containsKey).toList();
            if (given.isEmpty()) {
                violations.add(RequestProblem.MISSING_PARAMETER, pointer + "/params", family.name()
                        + " needs exactly one of " + String.join(", ", group));
            } else if (given.size() > 1) {
                violations.add(RequestProblem.CONFLICTING_PARAMETERS, pointer + "/params/" + given.get(1),
                        "give only one of " + String.join(", ", given) + " (torch accepts exactly one)");
            }
        }
        for (ParametricFamilies.Parameter parameter : family.parameters()) {
            boolean alternative = family.alternatives().stream().anyMatch(g -> g.contains(parameter.name()));
            if (!alternative && Double.isNaN(parameter.defaultValue()) && !spec.params().containsKey(parameter.name())) {
                violations.add(RequestProblem.MISSING_PARAMETER, pointer + "/params/" + parameter.name(),
                        "is required by " + family.name() + ": " + parameter.description());
            }
        }
        if (violations.count() > before) {
            return null;
        }
        switch (family.name()) {
            case "Independent" -> resolveIndependent(r, violations);
            case "MixtureSameFamily" -> resolveMixture(r, violations);
            default -> resolveTensors(r, violations);
        }
        return violations.count() > before ? null : r;
    }

    private void resolveTensors(Resolved r, Violations violations) {
        checkEventShapes(r, violations);
        int[] batch = new int[0];
        long elements = 0;
        for (Map.Entry<String, TensorInput> e : r.tensors.entrySet()) {
            int[] shape = e.getValue().shape();
            elements += e.getValue().values().length;
            int[] paramBatch = Arrays.copyOf(shape, shape.length - r.family.parameter(e.getKey()).eventRank());
            int[] b = Shapes.broadcast(batch, paramBatch);
            if (b == null) {
                violations.add(RequestProblem.SHAPE_MISMATCH, r.pointer + "/params/" + e.getKey(), "has batch shape "
                        + Arrays.toString(paramBatch) + ", which does not broadcast with " + Arrays.toString(batch)
                        + " of the parameters before it");
                return;
            }
            batch = b;
        }
        if (elements > limits.maxElements() || Shapes.size(batch) > limits.maxElements()) {
            violations.add(RequestProblem.LIMIT_EXCEEDED, r.pointer + "/params", "has " + Math.max(elements,
                    Shapes.size(batch)) + " parameter values, more than the limit of " + limits.maxElements());
            return;
        }
        r.batchShape = batch;
    }

    private void checkEventShapes(Resolved r, Violations violations) {
        Map<String, int[]> events = new LinkedHashMap<>();
        for (Map.Entry<String, TensorInput> e : r.tensors.entrySet()) {
            int[] shape = e.getValue().shape();
            int rank = r.family.parameter(e.getKey()).eventRank();
            events.put(e.getKey(), Arrays.copyOfRange(shape, shape.length - rank, shape.length));
        }
        Integer d = null;
        String first = null;
        for (Map.Entry<String, int[]> e : events.entrySet()) {
            int[] ev = e.getValue();
            String at = r.pointer + "/params/" + e.getKey();
            if (ev.length == 2 && !e.getKey().equals("cov_factor") && ev[0] != ev[1]) {
                violations.add(RequestProblem.SHAPE_MISMATCH, at, "must be a square matrix, was " + ev[0] + " x "
                        + ev[1]);
                return;
            }
            if (ev.length == 0 || r.family.name().equals("Categorical") || r.family.name().equals("OneHotCategorical")
                    || r.family.name().equals("Dirichlet")) {
                continue;
            }
            int size = ev[0];
            if (size > limits.maxDimension()) {
                violations.add(RequestProblem.LIMIT_EXCEEDED, at, "has dimension " + size
                        + ", more than the limit of " + limits.maxDimension());
                return;
            }
            if (d == null) {
                d = size;
                first = e.getKey();
            } else if (d != size) {
                violations.add(RequestProblem.SHAPE_MISMATCH, at, "has event size " + size + " but " + first
                        + " has " + d + "; they must describe the same dimension");
                return;
            }
        }
    }

    private void resolveIndependent(Resolved r, Violations violations) {
        Resolved base = r.nested.get("base_distribution");
        TensorInput ndims = r.tensors.get("reinterpreted_batch_ndims");
        String at = r.pointer + "/params/reinterpreted_batch_ndims";
        double n = ndims.values()[0];
        if (ndims.shape().length != 0 || !(n >= 0 && n == Math.rint(n) && n <= base.batchShape.length)) {
            violations.add(RequestProblem.INVALID_PARAMETER, at, "must be an integer between 0 and the base "
                    + "distribution's batch rank (" + base.batchShape.length + "), was " + (ndims.shape().length == 0
                            ? Violations.format(n) : "an array"));
            return;
        }
        r.innerDims = (int) n;
        r.batchShape = Arrays.copyOf(base.batchShape, base.batchShape.length - r.innerDims);
    }

    private void resolveMixture(Resolved r, Violations violations) {
        Resolved mix = r.nested.get("mixture_distribution");
        Resolved comp = r.nested.get("component_distribution");
        if (!mix.family.name().equals("Categorical")) {
            violations.add(RequestProblem.INVALID_PARAMETER, mix.pointer + "/family",
                    "must be Categorical (the mixing weights), was " + mix.family.name());
            return;
        }
        String support = comp.family.support();
        if (List.of("real-vector", "simplex", "one-hot", "positive-definite", "product", "mixture").contains(support)) {
            violations.add(RequestProblem.INVALID_PARAMETER, comp.pointer + "/family",
                    "must be a univariate family (components of vector families are not supported), was "
                            + comp.family.name());
            return;
        }
        TensorInput weights = mix.tensors.containsKey("probs") ? mix.tensors.get("probs") : mix.tensors.get("logits");
        int k = weights.shape()[weights.shape().length - 1];
        int[] cb = comp.batchShape;
        if (cb.length == 0 || cb[cb.length - 1] != k) {
            violations.add(RequestProblem.SHAPE_MISMATCH, comp.pointer + "/params", "must have a rightmost batch "
                    + "dimension of " + k + " components (one per mixture weight), has batch shape "
                    + Arrays.toString(cb));
            return;
        }
        int[] b = Shapes.broadcast(mix.batchShape, Arrays.copyOf(cb, cb.length - 1));
        if (b == null) {
            violations.add(RequestProblem.SHAPE_MISMATCH, comp.pointer + "/params", "batch shape "
                    + Arrays.toString(cb) + " does not broadcast with the mixture's " + Arrays.toString(mix.batchShape));
            return;
        }
        r.batchShape = b;
    }

    /** Row-major shapes and torch's broadcasting rules. */
    static final class Shapes {

        private Shapes() {
        }

        static int size(int[] shape) {
            long n = 1;
            for (int d : shape) {
                n *= d;
                if (n > Integer.MAX_VALUE) {
                    return Integer.MAX_VALUE;
                }
            }
            return (int) n;
        }

        /** @return the broadcast of two shapes (right-aligned, sizes equal or 1), or null when they do not broadcast */
        static int[] broadcast(int[] a, int[] b) {
            int rank = Math.max(a.length, b.length);
            int[] out = new int[rank];
            for (int i = 0; i < rank; i++) {
                int x = i < rank - a.length ? 1 : a[i - (rank - a.length)];
                int y = i < rank - b.length ? 1 : b[i - (rank - b.length)];
                if (x != y && x != 1 && y != 1) {
                    return null;
                }
                out[i] = x == 1 ? y : x;
            }
            return out;
        }

        static void unravel(int flat, int[] shape, int[] index) {
            for (int d = shape.length - 1; d >= 0; d--) {
                index[d] = flat % shape[d];
                flat /= shape[d];
            }
        }

        /** @return the row-major offset in {@code source} of a multi-index of the broadcast shape it was broadcast to */
        static int broadcastOffset(int[] index, int[] source) {
            int offset = 0;
            int shift = index.length - source.length;
            for (int d = 0; d < source.length; d++) {
                offset = offset * source[d] + (source[d] == 1 ? 0 : index[d + shift]);
            }
            return offset;
        }

        /** @return for each flat index of the broadcast {@code shape}, the flat index it reads in {@code source} */
        static int[] sourceIndices(int[] shape, int[] source) {
            int[] out = new int[size(shape)];
            int[] index = new int[shape.length];
            for (int flat = 0; flat < out.length; flat++) {
                unravel(flat, shape, index);
                out[flat] = broadcastOffset(index, source);
            }
            return out;
        }
    }
}
