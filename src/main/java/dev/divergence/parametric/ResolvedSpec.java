package dev.divergence.parametric;

import dev.divergence.compute.parametric.Categorical;
import dev.divergence.compute.parametric.Distribution;
import dev.divergence.compute.parametric.Independent;
import dev.divergence.compute.parametric.InvalidParameterException;
import dev.divergence.compute.parametric.Mixture;
import dev.divergence.compute.parametric.Univariate;
import dev.divergence.validation.RequestProblem;
import dev.divergence.validation.Violation;
import dev.divergence.validation.Violations;
import dev.divergence.web.json.TensorInput;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A checked distribution spec: its family, its parameter tensors and nested specs, its batch shape and where it is
 * in the request; {@link #build} makes its batch elements.
 */
final class ResolvedSpec {

    final ParametricFamilies.Family family;
    final String pointer;
    final Map<String, TensorInput> tensors = new LinkedHashMap<>();
    final Map<String, ResolvedSpec> nested = new LinkedHashMap<>();
    int[] batchShape = new int[0];
    int innerDims;

    ResolvedSpec(ParametricFamilies.Family family, String pointer) {
        this.family = family;
        this.pointer = pointer;
    }

    /** Heap taken by one built element besides its parameters: the object and its array headers. */
    private static final long ELEMENT_OVERHEAD_BYTES = 64;
    /** Copies of its parameters an element holds once built: the values, a factorization, a derived form. */
    private static final long PARAMETER_COPIES = 3;

    /**
     * @return the working memory the batch elements take once built, estimated from the shapes alone (nothing is
     *         allocated): per element, {@value #ELEMENT_OVERHEAD_BYTES} bytes and {@value #PARAMETER_COPIES} copies
     *         of each parameter's event (a d × d covariance counts d² doubles), plus the nested specs' elements
     */
    long estimatedBytes() {
        long size = Shapes.size(batchShape);
        long perElement = 0;
        for (Map.Entry<String, TensorInput> t : tensors.entrySet()) {
            ParametricFamilies.Parameter parameter = family.parameter(t.getKey());
            int rank = parameter == null ? 0 : Math.max(0, parameter.eventRank());
            int[] shape = t.getValue().shape();
            long event = 1;
            for (int i = Math.max(0, shape.length - rank); i < shape.length; i++) {
                event *= shape[i];
            }
            perElement += event;
        }
        long bytes = size * (ELEMENT_OVERHEAD_BYTES + PARAMETER_COPIES * Double.BYTES * perElement);
        for (ResolvedSpec n : nested.values()) {
            bytes += n.estimatedBytes();
        }
        return bytes;
    }

    /** Builds every batch element, row-major; adds a violation for each invalid one. */
    Distribution[] build(Violations violations, Set<String> reported) {
        int size = Shapes.size(batchShape);
        Distribution[] out = new Distribution[size];
        if (family.name().equals("Independent")) {
            ResolvedSpec base = nested.get("base_distribution");
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
            ResolvedSpec mix = nested.get("mixture_distribution");
            ResolvedSpec comp = nested.get("component_distribution");
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
