package dev.divergence.drift;

import dev.divergence.compute.drift.Binning;
import java.util.Arrays;

/**
 * One column of both windows as its test sees it: missing values and ±∞ dropped (Evidently's
 * {@code replace([-inf, inf], nan).dropna()}), numbers sorted, labels counted per category of the two windows'
 * union. A numerical view exists when both windows hold numbers; a categorical view always (numbers are then
 * categories by value, in numeric order).
 */
final class ColumnData {

    /** The label of the category that stands for missing values under {@code missingValues: category}. */
    static final String MISSING_LABEL = "(missing)";

    private final RawColumn referenceColumn;
    private final RawColumn currentColumn;
    private final double[] reference;
    private final double[] current;
    private Categories categories;
    /** Distinct values of both windows together, once counted in full (−1 before). */
    private int unique = -1;

    private ColumnData(RawColumn referenceColumn, RawColumn currentColumn, boolean numeric) {
        this.referenceColumn = referenceColumn;
        this.currentColumn = currentColumn;
        if (numeric) {
            reference = referenceColumn.sortedFinite();
            current = currentColumn.sortedFinite();
        } else {
            reference = null;
            current = null;
            categories = Categories.ofLabels(referenceColumn, currentColumn);
        }
    }

    private ColumnData(Categories categories) {
        this.referenceColumn = null;
        this.currentColumn = null;
        this.reference = null;
        this.current = null;
        this.categories = categories;
    }

    /**
     * @param categories counts per category of both windows (from summaries)
     * @return the column's categorical data
     */
    static ColumnData ofCategories(Categories categories) {
        return new ColumnData(categories);
    }

    /**
     * @param ref the reference column
     * @param cur the current column
     * @return the column's data (numbers when both windows hold numbers, otherwise labels)
     */
    static ColumnData of(RawColumn ref, RawColumn cur) {
        return new ColumnData(ref, cur, !ref.isLabels() && !cur.isLabels());
    }


    /** @return whether both windows hold numbers */
    boolean numeric() {
        return reference != null;
    }

    /** @return the reference's finite values, ascending */
    double[] reference() {
        return reference;
    }

    /** @return the current window's finite values, ascending */
    double[] current() {
        return current;
    }

    /** @return values left in the reference */
    int referenceSize() {
        return numeric() ? reference.length : (int) sum(categories.reference);
    }

    /** @return values left in the current window */
    int currentSize() {
        return numeric() ? current.length : (int) sum(categories.current);
    }

    /** @return the categorical view (for numbers: one category per distinct value, in numeric order) */
    Categories categories() {
        if (categories == null) {
            categories = Categories.ofNumbers(reference, current, referenceColumn.finiteValues(),
                    currentColumn.finiteValues());
        }
        return categories;
    }

    /**
     * The view with missing values as one more category (for {@code missingValues: category}).
     *
     * @param referenceMissing the reference's missing entries
     * @param currentMissing the current window's missing entries
     */
    void addMissingCategory(long referenceMissing, long currentMissing) {
        if (referenceMissing + currentMissing > 0) {
            categories = categories().withExtra(MISSING_LABEL, referenceMissing, currentMissing);
        }
    }

    /** @return distinct values of the reference */
    int referenceDistinct() {
        return numeric() && categories == null ? Binning.distinct(reference) : nonzero(categories.reference);
    }

    /** @return distinct values of the current window */
    int currentDistinct() {
        return numeric() && categories == null ? Binning.distinct(current) : nonzero(categories.current);
    }

    /** @return distinct values of both windows together */
    int unique() {
        return uniqueUpTo(Integer.MAX_VALUE);
    }

    /**
     * @param cap where counting may stop
     * @return min(cap, distinct values of both windows together): the automatic choice only asks whether there
     *         are more than 5, so a continuous column is not merged in full for it
     */
    int uniqueUpTo(int cap) {
        if (!numeric() || categories != null) {
            return Math.min(cap, categories.labels.length);
        }
        if (unique >= 0) {
            return Math.min(cap, unique);
        }
        int union = unionDistinct(reference, current, cap);
        if (union < cap) {
            unique = union;
        }
        return union;
    }

    /**
     * @param a sorted values
     * @param b sorted values
     * @param cap where counting may stop
     * @return min(cap, distinct values of both arrays together), by one merge
     */
    static int unionDistinct(double[] a, double[] b, int cap) {
        int union = 0;
        int i = 0;
        int j = 0;
        while ((i < a.length || j < b.length) && union < cap) {
            double v = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
            union++;
            while (i < a.length && a[i] == v) {
                i++;
            }
            while (j < b.length && b[j] == v) {
                j++;
            }
        }
        return union;
    }

    static long sum(long[] counts) {
        long s = 0;
        for (long c : counts) {
            s += c;
        }
        return s;
    }

    private static int nonzero(long[] counts) {
        int n = 0;
        for (long c : counts) {
            if (c > 0) {
                n++;
            }
        }
        return n;
    }

    /**
     * Counts per category of the two windows' union.
     *
     * @param labels the categories' names
     * @param reference the reference's count of each
     * @param current the current window's count of each
     * @param first the index of the category that sorts first (numbers numerically, labels as strings)
     * @param referenceCodes each reference value's category, in row order; null when only counts are known
     * @param currentCodes each current value's category, in row order; null when only counts are known
     */
    record Categories(String[] labels, long[] reference, long[] current, int first, int[] referenceCodes,
            int[] currentCodes) {

        static Categories ofLabels(RawColumn ref, RawColumn cur) {
            String[] refLabels = ref.isLabels() ? ref.labels() : numberLabels(ref.finiteValues());
            int[] refCodes = ref.isLabels() ? ref.codes() : numberCodes(ref.finiteValues());
            String[] curLabels = cur.isLabels() ? cur.labels() : numberLabels(cur.finiteValues());
            int[] curCodes = cur.isLabels() ? cur.codes() : numberCodes(cur.finiteValues());
            java.util.Map<String, Integer> union = new java.util.LinkedHashMap<>();
            int[] refMap = new int[refLabels.length];
            for (int i = 0; i < refLabels.length; i++) {
                refMap[i] = union.computeIfAbsent(refLabels[i], k -> union.size());
            }
            int[] curMap = new int[curLabels.length];
            for (int i = 0; i < curLabels.length; i++) {
                curMap[i] = union.computeIfAbsent(curLabels[i], k -> union.size());
            }
            String[] labels = union.keySet().toArray(new String[0]);
            long[] r = new long[labels.length];
            long[] c = new long[labels.length];
            int[] rc = new int[refCodes.length];
            int[] cc = new int[curCodes.length];
            for (int i = 0; i < refCodes.length; i++) {
                rc[i] = refMap[refCodes[i]];
                r[rc[i]]++;
            }
            for (int i = 0; i < curCodes.length; i++) {
                cc[i] = curMap[curCodes[i]];
                c[cc[i]]++;
            }
            int first = 0;
            for (int i = 1; i < labels.length; i++) {
                if (labels[i].compareTo(labels[first]) < 0) {
                    first = i;
                }
            }
            return new Categories(labels, r, c, first, rc, cc);
        }

        /** Numbers in a label column: their finite values as text (±∞ is dropped, as missing). */
        private static String[] numberLabels(double[] numbers) {
            return Arrays.stream(numbers).filter(Double::isFinite).distinct().mapToObj(Categories::text)
                    .distinct().toArray(String[]::new);
        }

        private static int[] numberCodes(double[] numbers) {
            String[] labels = numberLabels(numbers);
            java.util.Map<String, Integer> index = new java.util.HashMap<>();
            for (int i = 0; i < labels.length; i++) {
                index.put(labels[i], i);
            }
            return Arrays.stream(numbers).filter(Double::isFinite).mapToInt(v -> index.get(text(v))).toArray();
        }

        static Categories ofNumbers(double[] reference, double[] current, double[] referenceRows,
                double[] currentRows) {
            Binning.ValueCounts vc = Binning.valueCounts(reference, current);
            double[] values = vc.values();
            String[] labels = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                labels[i] = text(values[i]);
            }
            return new Categories(labels, vc.reference(), vc.current(), 0, codes(referenceRows, values),
                    codes(currentRows, values));
        }

        private static int[] codes(double[] rows, double[] values) {
            int[] codes = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                codes[i] = Arrays.binarySearch(values, rows[i]);
            }
            return codes;
        }

        Categories withExtra(String label, long referenceCount, long currentCount) {
            int k = labels.length;
            String[] l = Arrays.copyOf(labels, k + 1);
            l[k] = label;
            long[] r = Arrays.copyOf(reference, k + 1);
            r[k] = referenceCount;
            long[] c = Arrays.copyOf(current, k + 1);
            c[k] = currentCount;
            if (referenceCodes == null) {
                return new Categories(l, r, c, first, null, null);
            }
            int[] rc = Arrays.copyOf(referenceCodes, referenceCodes.length + (int) referenceCount);
            Arrays.fill(rc, referenceCodes.length, rc.length, k);
            int[] cc = Arrays.copyOf(currentCodes, currentCodes.length + (int) currentCount);
            Arrays.fill(cc, currentCodes.length, cc.length, k);
            return new Categories(l, r, c, first, rc, cc);
        }

        static String text(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }
}
