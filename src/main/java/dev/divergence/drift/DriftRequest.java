package dev.divergence.drift;

import dev.divergence.samples.BinStrategy;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * Two windows of a dataset and how to test each column for drift; every option may be left out (Evidently's
 * defaults).
 *
 * @param reference the reference window, {column: [values]}
 * @param current the current window, {column: [values]}
 * @param columns the columns to test, in this order
 * @param columnTypes type overrides by column
 * @param method the test of every column not set otherwise
 * @param numericalMethod the test of numerical columns
 * @param categoricalMethod the test of categorical columns
 * @param threshold the threshold of every column not set otherwise
 * @param numericalThreshold the threshold of numerical columns
 * @param categoricalThreshold the threshold of categorical columns
 * @param perColumn per-column overrides
 * @param driftShare the share of drifted columns at which the dataset drifted
 * @param missingValues what missing values do
 * @param correction the multiple-testing correction
 */
@Schema(description = "Two windows of a dataset in columnar form and how to test each column for drift")
public record DriftRequest(
        @Schema(description = "The reference window: {column: [values]}; values are numbers, strings or booleans, "
                + "null or \"NaN\" is missing, \"Infinity\"/\"-Infinity\" are ±∞ (dropped before the test)",
                requiredMode = Schema.RequiredMode.REQUIRED, types = "object",
                example = "{\"age\": [31, 45, 27], \"plan\": [\"basic\", \"pro\", \"basic\"]}") DataWindow reference,
        @Schema(description = "The current window, in the same form", requiredMode = Schema.RequiredMode.REQUIRED,
                types = "object", example = "{\"age\": [52, 61, 48], \"plan\": [\"pro\", \"pro\", null]}")
        DataWindow current,
        @Schema(description = "The columns to test, in this order; default: every column present in both windows, "
                + "in the current window's order") List<String> columns,
        @Schema(description = "Type overrides: {column: \"numerical\" | \"categorical\"}; default: inferred from the "
                + "current window as Evidently does") Map<String, ColumnType> columnTypes,
        @Schema(description = "The test of every column not set otherwise (Evidently's names are accepted too)",
                defaultValue = DriftMethod.DEFAULT_NAME) DriftMethod method,
        @Schema(description = "The test of numerical columns") DriftMethod numericalMethod,
        @Schema(description = "The test of categorical columns") DriftMethod categoricalMethod,
        @Schema(description = "The threshold of every column not set otherwise; default: the method's") Double threshold,
        @Schema(description = "The threshold of numerical columns") Double numericalThreshold,
        @Schema(description = "The threshold of categorical columns") Double categoricalThreshold,
        @Schema(description = "Per-column overrides: {column: {method, threshold, bins}}")
        Map<String, ColumnRequest> perColumn,
        @Schema(description = "The dataset drifted when drifted / tested columns >= driftShare, in (0, 1]",
                defaultValue = "0.5") Double driftShare,
        @Schema(defaultValue = MissingValues.DEFAULT_NAME,
                description = "drop: tests run on the present values; category: missing is a category of its own "
                        + "in categorical columns; separate: also test the share of missing values")
        MissingValues missingValues,
        @Schema(defaultValue = Correction.DEFAULT_NAME,
                description = "Multiple-testing correction over the columns whose test gives a p-value")
        Correction correction) {

    /**
     * @param method the column's test
     * @param threshold the column's threshold
     * @param bins the binning of a numerical column for psi, kl, jensenShannon and hellinger
     */
    @Schema(description = "One column's overrides")
    public record ColumnRequest(
            @Schema(description = "The column's test") DriftMethod method,
            @Schema(description = "The column's threshold") Double threshold,
            BinsRequest bins) {
    }

    /**
     * @param strategy how edges are chosen
     * @param count number of bins for count and quantile
     * @param edges explicit, strictly increasing edges
     */
    @Schema(description = "Bins of a numerical column for the binned methods, as in /v1/divergences/samples: numpy's "
            + "rules over both windows, quantiles of the reference, a fixed count over both windows' range, or "
            + "explicit edges; values outside the edges go to open-ended outer bins")
    public record BinsRequest(
            @Schema(defaultValue = BinStrategy.DEFAULT_NAME) BinStrategy strategy,
            @Schema(description = "Bins for count and quantile", defaultValue = "10") Integer count,
            @Schema(description = "Edges for the edges strategy, strictly increasing") double[] edges) {
    }
}
