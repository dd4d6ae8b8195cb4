package dev.divergence.drift;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * Raw columns to summarize.
 *
 * @param columns the columns, {column: [values]}, as a drift window
 * @param kllK the k of the KLL sketches (8 to 65535; default 200)
 * @param columnTypes type overrides by column; default: Evidently's inference, as {@code /v1/drift} makes it
 */
@Schema(description = "Raw columns to summarize: numerical columns become KLL sketches, categorical ones counts")
public record SummariesRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = "object",
                description = "The columns: {column: [values]}, values as in a drift window",
                example = "{\"age\": [31.5, 45.0, 27.25], \"plan\": [\"basic\", \"pro\", \"basic\"]}")
        DataWindow columns,
        @Schema(description = "The KLL sketches' k, 8 to 65535: the normalized rank error is about 1.33 % at 200 "
                + "and shrinks as 1/k", defaultValue = "200") Integer kllK,
        @Schema(description = "Type overrides: {column: \"numerical\" | \"categorical\"}") Map<String, ColumnType>
        columnTypes) {

    /**
     * Summaries of one column to merge.
     *
     * @param summaries the summaries, all of one kind (histograms on the same edges)
     */
    @Schema(description = "Summaries of one column (over several windows of time, or shards) to merge into one")
    public record Merge(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
            description = "Summaries of one kind, as /v1/summaries writes them") SummaryList summaries) {
    }

    /**
     * Summaries as read, in order.
     *
     * @param items the summaries
     */
    @Schema(types = "array", description = "Summaries of one kind")
    public record SummaryList(@Schema(hidden = true) List<ColumnSummary> items) {
    }

    /**
     * @param columns a summary per column, in the order sent
     */
    @Schema(description = "A summary per column, each readable by /v1/drift as a window's column")
    public record Response(Map<String, SummaryJson> columns) {
    }
}
