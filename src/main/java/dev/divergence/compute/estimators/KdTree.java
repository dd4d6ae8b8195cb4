package dev.divergence.compute.estimators;

/**
 * A k-d tree over n points of ℝ^d (row-major, primitive arrays, no boxing) answering "squared Euclidean distance
 * to the k-th nearest point at a positive distance": points that coincide with the query are skipped, which
 * excludes the query point itself and exact duplicates. Splits are at the median of the widest coordinate;
 * leaves hold up to {@value #LEAF} points.
 *
 * @see <a href="https://doi.org/10.1145/361002.361007">Bentley (1975), Multidimensional binary search trees</a>
 */
final class KdTree {

    private static final int LEAF = 12;

    private final int d;
    private final double[] coords;
    private final int[] nodeStart;
    private final int[] nodeEnd;
    private final int[] nodeDim;
    private final double[] nodeSplit;
    private final int[] nodeLeft;
    private final int[] nodeRight;
    private int nodes;

    /**
     * @param points n × d, row-major (copied and reordered)
     * @param n the number of points, ≥ 1
     * @param d the dimension, ≥ 1
     */
    KdTree(double[] points, int n, int d) {
        this.d = d;
        this.coords = points.clone();
        int capacity = 2 * (n / LEAF + 1) * 2 + 1;
        nodeStart = new int[capacity];
        nodeEnd = new int[capacity];
        nodeDim = new int[capacity];
        nodeSplit = new double[capacity];
        nodeLeft = new int[capacity];
        nodeRight = new int[capacity];
        build(0, n);
    }

    private int build(int start, int end) {
        int node = nodes++;
        nodeStart[node] = start;
        nodeEnd[node] = end;
        nodeLeft[node] = -1;
        nodeRight[node] = -1;
        if (end - start <= LEAF) {
            return node;
        }
        int dim = 0;
        double widest = -1;
        for (int j = 0; j < d; j++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = start; i < end; i++) {
                double v = coords[i * d + j];
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (hi - lo > widest) {
                widest = hi - lo;
                dim = j;
            }
        }
        if (widest == 0) {
            // every point in this node is the same: a leaf, however many
            return node;
        }
        int mid = (start + end) >>> 1;
        select(start, end - 1, mid, dim);
        nodeDim[node] = dim;
        nodeSplit[node] = coords[mid * d + dim];
        int left = build(start, mid);
        int right = build(mid, end);
        nodeLeft[node] = left;
        nodeRight[node] = right;
        return node;
    }

    /** Hoare quickselect on coordinate {@code dim}: afterwards point k has the k-th smallest value. */
    private void select(int lo, int hi, int k, int dim) {
        while (hi > lo) {
            double pivot = coords[((lo + hi) >>> 1) * d + dim];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (coords[i * d + dim] < pivot) {
                    i++;
                }
                while (coords[j * d + dim] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private void swap(int a, int b) {
        for (int j = 0; j < d; j++) {
            double t = coords[a * d + j];
            coords[a * d + j] = coords[b * d + j];
            coords[b * d + j] = t;
        }
    }

    /** The k smallest positive squared distances found so far, as a max-heap. */
    static final class Neighbours {
        final double[] heap;
        int size;
        int skipped;

        Neighbours(int k) {
            heap = new double[k];
        }

        void reset() {
            size = 0;
            skipped = 0;
        }

        double bound() {
            return size < heap.length ? Double.POSITIVE_INFINITY : heap[0];
        }

        void offer(double dist2) {
            if (size < heap.length) {
                int i = size++;
                heap[i] = dist2;
                while (i > 0) {
                    int parent = (i - 1) >>> 1;
                    if (heap[parent] >= heap[i]) {
                        break;
                    }
                    double t = heap[parent];
                    heap[parent] = heap[i];
                    heap[i] = t;
                    i = parent;
                }
            } else if (dist2 < heap[0]) {
                heap[0] = dist2;
                int i = 0;
                while (true) {
                    int l = 2 * i + 1;
                    int r = l + 1;
                    int largest = i;
                    if (l < size && heap[l] > heap[largest]) {
                        largest = l;
                    }
                    if (r < size && heap[r] > heap[largest]) {
                        largest = r;
                    }
                    if (largest == i) {
                        break;
                    }
                    double t = heap[largest];
                    heap[largest] = heap[i];
                    heap[i] = t;
                    i = largest;
                }
            }
        }
    }

    /**
     * @param query the point, {@code d} coordinates starting at {@code offset}
     * @param offset where the query starts in {@code query}
     * @param out receives the k nearest positive squared distances (and how many zero distances were skipped)
     * @return the k-th smallest positive squared distance, +∞ if fewer than k points are at a positive distance
     */
    double kthNearest(double[] query, int offset, Neighbours out) {
        out.reset();
        search(0, query, offset, out);
        return out.size < out.heap.length ? Double.POSITIVE_INFINITY : out.heap[0];
    }

    private void search(int node, double[] q, int offset, Neighbours out) {
        if (nodeLeft[node] < 0) {
            for (int i = nodeStart[node]; i < nodeEnd[node]; i++) {
                double s = 0;
                int base = i * d;
                for (int j = 0; j < d; j++) {
                    double diff = coords[base + j] - q[offset + j];
                    s += diff * diff;
                }
                if (s == 0) {
                    out.skipped++;
                } else if (s < out.bound()) {
                    out.offer(s);
                }
            }
            return;
        }
        double delta = q[offset + nodeDim[node]] - nodeSplit[node];
        int near = delta < 0 ? nodeLeft[node] : nodeRight[node];
        int far = delta < 0 ? nodeRight[node] : nodeLeft[node];
        search(near, q, offset, out);
        // the far side can hold a closer point only if the splitting plane is within the current bound
        if (delta * delta <= out.bound()) {
            search(far, q, offset, out);
        }
    }
}
