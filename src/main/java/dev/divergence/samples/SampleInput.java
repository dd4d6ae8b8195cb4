package dev.divergence.samples;

/**
 * A sample as the caller wrote it: categorical labels, real values (1-D, or rows of d coordinates), or, for q
 * only, a probability map of a known categorical distribution.
 */
public sealed interface SampleInput {

    /** @param labels the observed labels, in order */
    record Labels(String[] labels) implements SampleInput {
    }

    /**
     * @param values n × d values, row-major
     * @param n the number of points
     * @param d the dimension (1 for a flat array)
     * @param rows whether the caller wrote rows (number[][]) rather than a flat array
     */
    record Points(double[] values, int n, int d, boolean rows) implements SampleInput {
    }

    /**
     * @param keys the categories
     * @param probabilities their probabilities (normalized by the service)
     */
    record ProbabilityMap(String[] keys, double[] probabilities) implements SampleInput {
    }
}
