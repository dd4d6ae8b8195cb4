package dev.divergence.compute.parametric;

import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Independent(base_distribution, reinterpreted_batch_ndims): the product of the base distribution's batch of
 * components, seen as one distribution on the concatenation of their samples. Its density is the product of the
 * components' densities, so KL between two products of the same shape is the sum of the components' KL.
 */
public final class Independent extends Multivariate {

    private final Distribution[] components;
    private final int[] offsets;
    private final int dimension;

    private Independent(Distribution[] components) {
        this.components = components.clone();
        this.offsets = new int[components.length];
        int d = 0;
        for (int i = 0; i < components.length; i++) {
            offsets[i] = d;
            d += components[i] instanceof Multivariate m ? m.dimension() : 1;
        }
        this.dimension = d;
    }

    /**
     * @param components at least one component, all univariate or all multivariate
     * @return their product
     * @throws InvalidParameterException if there are no components or univariate and multivariate ones are mixed
     */
    public static Independent of(Distribution[] components) {
        if (components.length == 0) {
            throw new InvalidParameterException("base_distribution", -1, "must have at least one component");
        }
        boolean univariate = components[0] instanceof Univariate;
        for (Distribution c : components) {
            if ((c instanceof Univariate) != univariate) {
                throw new InvalidParameterException("base_distribution", -1, "must not mix univariate and "
                        + "multivariate components");
            }
        }
        return new Independent(components);
    }

    /** @return the number of components */
    public int size() {
        return components.length;
    }

    Distribution component(int i) {
        return components[i];
    }

    @Override
    public String family() {
        return "Independent";
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    String space() {
        if (components[0] instanceof Univariate u) {
            return u.isDiscrete() ? "integer" : "real";
        }
        return "product:" + ((Multivariate) components[0]).space();
    }

    /** @return the components as normals when every one is a Normal, else null */
    Normal[] normals() {
        Normal[] normals = new Normal[components.length];
        for (int i = 0; i < components.length; i++) {
            if (!(components[i] instanceof Normal n)) {
                return null;
            }
            normals[i] = n;
        }
        return normals;
    }

    @Override
    public double logDensity(double[] x) {
        double sum = 0;
        for (int i = 0; i < components.length; i++) {
            if (components[i] instanceof Univariate u) {
                sum += u.logDensity(x[offsets[i]]);
            } else {
                Multivariate m = (Multivariate) components[i];
                double[] slice = java.util.Arrays.copyOfRange(x, offsets[i], offsets[i] + m.dimension());
                sum += m.logDensity(slice);
            }
        }
        return sum;
    }

    @Override
    public VectorSampler sampler(UniformRandomProvider rng) {
        int n = components.length;
        DoubleSupplier[] scalar = new DoubleSupplier[n];
        VectorSampler[] vector = new VectorSampler[n];
        double[][] buffers = new double[n][];
        for (int i = 0; i < n; i++) {
            if (components[i] instanceof Univariate u) {
                scalar[i] = u.sampler(rng);
            } else {
                Multivariate m = (Multivariate) components[i];
                vector[i] = m.sampler(rng);
                buffers[i] = new double[m.dimension()];
            }
        }
        return out -> {
            for (int i = 0; i < n; i++) {
                if (scalar[i] != null) {
                    out[offsets[i]] = scalar[i].getAsDouble();
                } else {
                    vector[i].sample(buffers[i]);
                    System.arraycopy(buffers[i], 0, out, offsets[i], buffers[i].length);
                }
            }
        };
    }
}
