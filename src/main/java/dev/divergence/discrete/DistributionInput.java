package dev.divergence.discrete;

/**
 * One distribution as the caller wrote it, before validation: an array of weights, or weights keyed by
 * category. Entries may be any double (NaN and ±∞ included); {@link DistributionPreparer} checks them.
 */
public sealed interface DistributionInput {

    /** @return the number of entries */
    int size();

    /**
     * Weights by position.
     *
     * @param values the entries in order, owned by this object from now on (normalized in place later)
     */
    record Dense(double[] values) implements DistributionInput {
        @Override
        public int size() {
            return values.length;
        }
    }

    /**
     * Weights by category, in the order the caller wrote them.
     *
     * @param keys the category names, parallel to {@code values}; duplicates are rejected later
     * @param values the weights
     */
    record Keyed(String[] keys, double[] values) implements DistributionInput {
        @Override
        public int size() {
            return values.length;
        }
    }
}
