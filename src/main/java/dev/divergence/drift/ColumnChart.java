package dev.divergence.drift;

import dev.divergence.compute.drift.Binning;
import dev.divergence.compute.estimators.BinEdges;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What the HTML report draws for one column: both windows' shares on the same bins (numerical: equal-width bins
 * over both windows' range; categorical: the most frequent categories, the rest together), and each window's share
 * of missing values. A column is always summarized: at most {@link #MAX_BINS} bins or {@link #MAX_CATEGORIES}
 * categories, never a point per value.
 *
 * @param numerical whether the bins are numeric intervals (edges) rather than categories (labels)
 * @param edges the bin edges of a numerical column (bins + 1 of them), else empty
 * @param labels the category names of a categorical column, else empty
 * @param reference the reference's share of its present values per bin
 * @param current the current window's share per bin
 * @param referenceMissing the reference's share of missing values
 * @param currentMissing the current window's share of missing values
 */
record ColumnChart(boolean numerical, double[] edges, List<String> labels, double[] reference, double[] current,
        double referenceMissing, double currentMissing) {

    /** Most bins drawn for a numerical column. */
    static final int MAX_BINS = 40;
    /** Most categories drawn; the others are summed into one bar. */
    static final int MAX_CATEGORIES = 12;
    /** The bar of the categories beyond {@link #MAX_CATEGORIES}. */
    static final String OTHERS = "(others)";

    static ColumnChart of(ColumnType type, ColumnData data, WindowColumn ref, WindowColumn cur) {
        double refMissing = missingShare(ref);
        double curMissing = missingShare(cur);
        if (type == ColumnType.NUMERICAL && data.numeric()) {
            double[] r = data.reference();
            double[] c = data.current();
            double lo = Math.min(r[0], c[0]);
            double hi = Math.max(r[r.length - 1], c[c.length - 1]);
            double[] edges = Binning.sturgesEdges(lo, hi, r.length + (long) c.length);
            if (edges.length - 1 > MAX_BINS) {
                edges = BinEdges.equalWidth(lo, hi, MAX_BINS);
            }
            return new ColumnChart(true, edges, List.of(), Binning.shares(Binning.counts(r, edges), r.length),
                    Binning.shares(Binning.counts(c, edges), c.length), refMissing, curMissing);
        }
        return categorical(data.categories(), refMissing, curMissing);
    }

    static double missingShare(WindowColumn c) {
        return c.entries() == 0 ? 0 : (double) c.missingEntries() / c.entries();
    }

    /**
     * A numerical column's chart from its two windows' weights on shared edges.
     *
     * @param edges the edges
     * @param reference the reference's weight per bin
     * @param current the current window's weight per bin
     * @param ref the reference column (for its missing share)
     * @param cur the current column
     * @return the chart, or null when there are more bins than a chart draws
     */
    static ColumnChart ofBins(double[] edges, long[] reference, long[] current, WindowColumn ref, WindowColumn cur) {
        if (edges.length - 1 > MAX_BINS) {
            return null;
        }
        return new ColumnChart(true, edges, List.of(), Binning.shares(reference, Math.max(1, ColumnData.sum(reference))),
                Binning.shares(current, Math.max(1, ColumnData.sum(current))), missingShare(ref), missingShare(cur));
    }

    static ColumnChart categorical(ColumnData.Categories categories, double refMissing, double curMissing) {
        long nRef = Math.max(1, ColumnData.sum(categories.reference()));
        long nCur = Math.max(1, ColumnData.sum(categories.current()));
        Integer[] order = new Integer[categories.labels().length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -((double) categories.reference()[i] / nRef
                + (double) categories.current()[i] / nCur)));
        int shown = Math.min(order.length, MAX_CATEGORIES);
        boolean rest = order.length > shown;
        List<String> labels = new ArrayList<>();
        double[] refShares = new double[shown + (rest ? 1 : 0)];
        double[] curShares = new double[refShares.length];
        for (int k = 0; k < order.length; k++) {
            int bar = Math.min(k, shown);
            if (k < shown) {
                labels.add(categories.labels()[order[k]]);
            }
            refShares[bar] += (double) categories.reference()[order[k]] / nRef;
            curShares[bar] += (double) categories.current()[order[k]] / nCur;
        }
        if (rest) {
            labels.add(OTHERS);
        }
        return new ColumnChart(false, new double[0], labels, refShares, curShares, refMissing, curMissing);
    }
}
