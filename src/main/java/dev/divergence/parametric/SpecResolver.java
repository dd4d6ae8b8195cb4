package dev.divergence.parametric;

import dev.divergence.config.LimitProperties;
import dev.divergence.validation.RequestProblem;
import dev.divergence.validation.Violation;
import dev.divergence.validation.Violations;
import dev.divergence.web.json.TensorInput;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a distribution spec against the family table before anything is built: a known family, known parameters,
 * exactly one of each group of alternatives, tensors that broadcast into a batch within the limits, event shapes
 * that fit (and {@code divergence.limits.max-dimension}), nested specs of Independent and MixtureSameFamily.
 */
final class SpecResolver {

    private static final int MAX_NESTING = 8;

    private final LimitProperties limits;

    SpecResolver(LimitProperties limits) {
        this.limits = limits;
    }

    /**
     * @param spec the spec as written, or null when absent
     * @param pointer its JSON Pointer
     * @param depth how deep it is nested in other specs
     * @return the checked spec, or null after adding violations
     */
    ResolvedSpec resolve(DistributionSpec spec, String pointer, Violations violations, int depth) {
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
        ResolvedSpec r = new ResolvedSpec(family, pointer);
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
                ResolvedSpec n = resolve(nestedSpec, at, violations, depth + 1);
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

    private void resolveTensors(ResolvedSpec r, Violations violations) {
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

    private void checkEventShapes(ResolvedSpec r, Violations violations) {
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

    private void resolveIndependent(ResolvedSpec r, Violations violations) {
        ResolvedSpec base = r.nested.get("base_distribution");
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

    private void resolveMixture(ResolvedSpec r, Violations violations) {
        ResolvedSpec mix = r.nested.get("mixture_distribution");
        ResolvedSpec comp = r.nested.get("component_distribution");
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
}
