package dev.divergence.samples;

/** What the estimators' bootstrap statistics share: counting codes, picking values and rows by resampled index. */
final class Resampling {

    private Resampling() {
    }

    /** @return how many times each of {@code categories} codes occurs */
    static double[] tally(int[] codes, int categories) {
        double[] counts = new double[categories];
        for (int c : codes) {
            counts[c]++;
        }
        return counts;
    }

    /** @return how many times each code occurs among the picked positions */
    static double[] tally(int[] codes, int[] picks, int categories) {
        double[] counts = new double[categories];
        for (int i : picks) {
            counts[codes[i]]++;
        }
        return counts;
    }

    /** @return the values at the given indices */
    static double[] pick(double[] values, int[] indices) {
        double[] out = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = values[indices[i]];
        }
        return out;
    }

    /** @return the rows (of {@code d} values each, row-major) at the given indices */
    static double[] pickRows(double[] values, int[] indices, int d) {
        double[] out = new double[indices.length * d];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(values, indices[i] * d, out, i * d, d);
        }
        return out;
    }
}
