package dev.divergence.drift;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Which columns drifted and whether the dataset did.
 *
 * @param datasetDrift whether drifted / tested columns ≥ driftShare
 * @param driftShare the share in force
 * @param numberOfColumns the columns tested (skipped ones do not count)
 * @param numberOfDriftedColumns the tested columns that drifted
 * @param shareOfDriftedColumns drifted / tested (0 when none was tested)
 * @param correction the multiple-testing correction applied
 * @param columns one result per tested column, in the order of the request's columns
 * @param skippedColumns the columns that could not be tested, with the reason
 * @param warnings notes on the request as a whole
 */
@Schema(description = "Per-column drift and the dataset verdict")
public record DriftResponse(boolean datasetDrift, double driftShare, int numberOfColumns,
        int numberOfDriftedColumns, double shareOfDriftedColumns, Correction correction, List<Column> columns,
        List<Skipped> skippedColumns, List<String> warnings) {

    /**
     * One tested column.
     *
     * @param column its name
     * @param type numerical or categorical
     * @param method the test that ran
     * @param threshold the threshold in force
     * @param score what was compared with the threshold: the (adjusted) p-value or the distance
     * @param scoreKind pValue or distance
     * @param statistic the test's statistic (the distance itself for distances); "Infinity" where it is infinite
     * @param pValue the p-value (adjusted under a correction), or null
     * @param rawPValue the p-value before the correction (only with a correction)
     * @param comparison how score and threshold were compared: ≤, <, ≥ or >
     * @param driftDetected the column's verdict
     * @param reference the reference window's counts
     * @param current the current window's counts
     * @param missingShare the test of the share of missing values (only with missingValues separate)
     * @param approximate true when the score was computed from a sketch in estimation mode (absent otherwise)
     * @param rankError the largest normalized rank error of the column's sketches (only when approximate)
     * @param scoreBounds the interval [lower, upper] that holds the score the exact data would give, with the
     *        sketches' confidence (only when approximate)
     * @param statisticErrorBound the bound on the K-S statistic's error: the sum of the sketches' rank errors
     *        (only for an approximate K-S test)
     * @param warnings notes on this column
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Column(String column, ColumnType type, DriftMethod method, double threshold, double score,
            ScoreKind scoreKind, @JsonInclude(JsonInclude.Include.ALWAYS) Double statistic,
            @JsonInclude(JsonInclude.Include.ALWAYS) Double pValue, Double rawPValue, String comparison,
            boolean driftDetected, WindowCounts reference, WindowCounts current, MissingShare missingShare,
            Boolean approximate, Double rankError, double[] scoreBounds, Double statisticErrorBound,
            List<String> warnings) {
    }

    /**
     * A window's counts for one column.
     *
     * @param count entries sent (or summarized), missing ones included
     * @param missing null or "NaN" entries
     * @param infinite ±∞ entries (dropped before the test, as Evidently does)
     * @param distinct distinct values the test ran on (absent when a histogram or a sketch does not tell)
     * @param summary the summary the window was sent as ({@code histogram}, {@code categories}, {@code kll}),
     *        absent for raw values
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WindowCounts(long count, long missing, int infinite, Integer distinct, String summary) {
    }

    /**
     * The two-proportion z-test of the share of missing values.
     *
     * @param reference the reference's share
     * @param current the current window's share
     * @param pValue its p-value
     * @param threshold the p-value threshold
     * @param driftDetected whether the share changed
     */
    public record MissingShare(double reference, double current, double pValue, double threshold,
            boolean driftDetected) {
    }

    /**
     * A column that was not tested.
     *
     * @param column its name
     * @param reason why
     */
    public record Skipped(String column, String reason) {
    }

    /** What a score is. */
    public enum ScoreKind {
        /** A p-value: drift when it is small. */
        P_VALUE("pValue"),
        /** A distance: drift when it is large. */
        DISTANCE("distance");

        private final String jsonName;

        ScoreKind(String jsonName) {
            this.jsonName = jsonName;
        }

        /** @return the name in answers */
        @JsonValue
        public String jsonName() {
            return jsonName;
        }
    }
}
