package dev.divergence.drift;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;

/**
 * A window of data in columnar form, {@code {column: [values]}} ({@code DataFrame.to_dict("list")}), columns in
 * the order sent.
 *
 * @param columns the columns by name
 */
@Schema(types = "object", description = "A window in columnar form: {column: [values]}; values are numbers, strings "
        + "or booleans, null or \"NaN\" is missing, \"Infinity\"/\"-Infinity\" are ±∞; or a column is a summary: "
        + "{\"histogram\": {\"edges\": [...], \"counts\": [...]}, \"missing\": m}, {\"categories\": {label: count}, "
        + "\"missing\": m} or {\"kll\": \"<base64 KllDoublesSketch>\", \"missing\": m}",
        additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
public record DataWindow(@Schema(hidden = true) LinkedHashMap<String, WindowColumn> columns) {
}
