package dev.divergence.parametric;


/** Row-major shapes and torch's broadcasting rules. */
final class Shapes {

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
