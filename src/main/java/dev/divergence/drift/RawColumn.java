package dev.divergence.drift;

/**
 * One column of one window as it was sent: the numbers (in row order, ±∞ included), the strings and booleans
 * dictionary-encoded (one {@code String} per distinct value, a code per row), and how many values were missing.
 *
 * @param rows entries in the array, missing ones included
 * @param missing entries that were {@code null} or {@code "NaN"}
 * @param numbers the numeric entries in row order, ±∞ included; empty when the column holds labels
 * @param integerLiterals whether every entry was a JSON integer literal (no fraction, no exponent, nothing
 *        missing): such a column is an integer column in Evidently's type inference
 * @param codes the label of each label entry, as an index into {@code labels}, in row order
 * @param labels the distinct labels (booleans as {@code true}/{@code false})
 * @param booleans whether the labels came from JSON booleans only
 * @param infinite entries that are ±∞ ({@code "Infinity"}, {@code "-Infinity"}, or a literal beyond the double
 *        range such as {@code 1e400})
 */
public record RawColumn(int rows, int missing, double[] numbers, boolean integerLiterals, int[] codes,
        String[] labels, boolean booleans, int infinite) {

    /** @return whether the column holds labels (strings or booleans) rather than numbers */
    public boolean isLabels() {
        return labels.length > 0;
    }

    /** @return whether nothing but missing values was sent */
    public boolean isEmpty() {
        return numbers.length == 0 && codes.length == 0;
    }
}
