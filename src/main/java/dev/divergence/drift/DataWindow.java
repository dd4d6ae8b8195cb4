package dev.divergence.drift;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A window of data in columnar form, {@code {column: [values]}} ({@code DataFrame.to_dict("list")}), columns in
 * the order sent.
 *
 * @param columns the columns by name
 */
public record DataWindow(LinkedHashMap<String, RawColumn> columns) {

    /** @return the number of values in all columns */
    public long cells() {
        long cells = 0;
        for (Map.Entry<String, RawColumn> e : columns.entrySet()) {
            cells += e.getValue().rows();
        }
        return cells;
    }
}
