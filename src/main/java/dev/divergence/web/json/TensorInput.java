package dev.divergence.web.json;

/**
 * A rectangular tensor of any rank ≥ 1 as the caller wrote it, flattened in row-major order.
 *
 * @param shape the size of each dimension
 * @param values the entries, row-major; length = product of the shape
 */
public record TensorInput(int[] shape, double[] values) {

    /**
     * @param flatIndex an index into {@code values}
     * @return the JSON Pointer suffix of that element, e.g. {@code /1/2}
     */
    public String pointerOf(int flatIndex) {
        StringBuilder sb = new StringBuilder();
        int stride = values.length;
        int rest = flatIndex;
        for (int dim : shape) {
            stride /= dim;
            sb.append('/').append(rest / stride);
            rest %= stride;
        }
        return sb.toString();
    }
}
