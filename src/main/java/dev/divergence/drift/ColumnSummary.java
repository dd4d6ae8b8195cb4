package dev.divergence.drift;

import dev.divergence.compute.drift.WeightedSample;
import org.apache.datasketches.kll.KllDoublesSketch;

/**
 * A column of one window sent as a summary instead of its values: a histogram on given edges, counts per
 * category, or a KLL quantile sketch, each with the count of missing values. In JSON:
 * {@code {"histogram": {"edges": [...], "counts": [...]}, "missing": m}},
 * {@code {"categories": {"label": count, ...}, "missing": m}} or {@code {"kll": "<base64>", "missing": m}} (an Apache
 * DataSketches {@code KllDoublesSketch} in its serialized form).
 */
public sealed interface ColumnSummary extends WindowColumn {

    /** JSON field of a KLL sketch's base64. */
    String KLL = "kll";
    /** JSON field of a histogram. */
    String HISTOGRAM = "histogram";
    /** JSON field of category counts. */
    String CATEGORIES = "categories";
    /** JSON field of a histogram's edges. */
    String EDGES = "edges";
    /** JSON field of a histogram's counts. */
    String COUNTS = "counts";
    /** JSON field of a summary's missing count. */
    String MISSING = "missing";

    /** @return the summary's name in requests and answers: {@code histogram}, {@code categories} or {@code kll} */
    String kind();

    /** @return the values the summary stands for, missing ones excluded */
    long count();

    /** @return missing values */
    long missing();

    @Override
    default long entries() {
        return count() + missing();
    }

    @Override
    default long missingEntries() {
        return missing();
    }

    @Override
    default int infiniteEntries() {
        return 0;
    }

    @Override
    default boolean isEmpty() {
        return count() == 0;
    }

    /**
     * An Apache DataSketches {@code KllDoublesSketch}, as its points: retained items with their weights, the exact
     * min and max, and the sketch's normalized rank error.
     *
     * @param sketch the sketch itself (to merge or write it)
     * @param sample the sketch's points and rank error (null when the sketch is empty)
     * @param k the sketch's k
     * @param count the values the sketch has seen (its N)
     * @param missing missing values, sent beside the sketch
     */
    record Kll(KllDoublesSketch sketch, WeightedSample sample, int k, long count, long missing)
            implements ColumnSummary {

        @Override
        public String kind() {
            return KLL;
        }

        @Override
        public long size() {
            return sample == null ? 0 : sample.values().length;
        }
    }

    /**
     * Counts per bin on increasing edges ([e_i, e_{i+1}), the last bin closed).
     *
     * @param edges the edges, finite, increasing, at least two
     * @param counts the count per bin, ≥ 0, one fewer than the edges
     * @param count the sum of the counts
     * @param missing missing values
     */
    record Histogram(double[] edges, long[] counts, long count, long missing) implements ColumnSummary {

        @Override
        public String kind() {
            return HISTOGRAM;
        }

        @Override
        public long size() {
            return counts.length;
        }
    }

    /**
     * Counts per category.
     *
     * @param labels the categories, distinct, in the order sent
     * @param counts the count of each, ≥ 0
     * @param count the sum of the counts
     * @param missing missing values
     */
    record Categories(String[] labels, long[] counts, long count, long missing) implements ColumnSummary {

        @Override
        public String kind() {
            return CATEGORIES;
        }

        @Override
        public long size() {
            return labels.length;
        }

        /** @return the categories with a nonzero count */
        int present() {
            int n = 0;
            for (long c : counts) {
                if (c > 0) {
                    n++;
                }
            }
            return n;
        }
    }
}
