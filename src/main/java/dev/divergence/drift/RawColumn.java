package dev.divergence.drift;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * One column of one window as it was sent: the numbers, the strings and booleans dictionary-encoded (one
 * {@code String} per distinct value, a code per row), and how many values were missing. A numeric column's finite
 * values are sorted on the drift pool as soon as the column has been read, while the rest of the body is still
 * being parsed.
 *
 * @param rows entries in the array, missing ones included
 * @param missing entries that were {@code null} or {@code "NaN"}
 * @param numeric numeric entries (±∞ included); 0 when the column holds labels
 * @param rowOrder the numeric entries in row order (±∞ included), kept for columns of integer literals only (which
 *        may be categorical, where a permutation test draws them in row order); null otherwise
 * @param integerLiterals whether every entry was a JSON integer literal (no fraction, no exponent, nothing
 *        missing): such a column is an integer column in Evidently's type inference
 * @param codes the label of each label entry, as an index into {@code labels}, in row order
 * @param labels the distinct labels (booleans as {@code true}/{@code false})
 * @param booleans whether the labels came from JSON booleans only
 * @param infinite entries that are ±∞ ({@code "Infinity"}, {@code "-Infinity"}, or a literal beyond the double
 *        range such as {@code 1e400})
 * @param sorted the finite numeric entries ascending (−0 as 0), being sorted on the drift pool; null for labels
 */
public record RawColumn(int rows, int missing, int numeric, double[] rowOrder, boolean integerLiterals, int[] codes,
        String[] labels, boolean booleans, int infinite, Future<double[]> sorted) implements WindowColumn {

    /** @return whether the column holds labels (strings or booleans) rather than numbers */
    public boolean isLabels() {
        return labels.length > 0;
    }

    @Override
    public long entries() {
        return rows;
    }

    @Override
    public long missingEntries() {
        return missing;
    }

    @Override
    public int infiniteEntries() {
        return infinite;
    }

    @Override
    public long size() {
        return rows;
    }

    /** @return whether nothing but missing values was sent */
    @Override
    public boolean isEmpty() {
        return numeric == 0 && codes.length == 0;
    }

    /** @return the finite numeric entries, ascending (waits for the sort) */
    public double[] sortedFinite() {
        try {
            return sorted.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a column was being sorted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("sorting a column failed", e.getCause());
        }
    }

    /** @return the finite numeric entries in row order when it was kept, else ascending */
    public double[] finiteValues() {
        if (rowOrder == null) {
            return sortedFinite();
        }
        double[] finite = new double[rowOrder.length - infinite];
        int i = 0;
        for (double v : rowOrder) {
            if (Double.isFinite(v)) {
                finite[i++] = v + 0.0;
            }
        }
        return finite;
    }
}
