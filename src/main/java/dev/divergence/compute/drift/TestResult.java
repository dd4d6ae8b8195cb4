package dev.divergence.compute.drift;

/**
 * What a drift test gives: its statistic and, for a hypothesis test, its p-value.
 *
 * @param statistic the test statistic or distance (finite, or +∞ where noted by the test)
 * @param pValue the p-value in [0, 1], or {@link Double#NaN} when the test gives none
 */
public record TestResult(double statistic, double pValue) {

    /**
     * @param distance a distance
     * @return a result without a p-value
     */
    public static TestResult distance(double distance) {
        return new TestResult(distance, Double.NaN);
    }

    /** @return whether the test gives a p-value */
    public boolean hasPValue() {
        return !Double.isNaN(pValue);
    }
}
