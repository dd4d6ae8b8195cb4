package dev.divergence.drift;

import dev.divergence.compute.drift.Binning;
import dev.divergence.compute.drift.CategoricalTests;
import dev.divergence.compute.drift.Distances;
import dev.divergence.compute.drift.NumericalTests;
import dev.divergence.compute.drift.TestResult;
import dev.divergence.compute.estimators.BinEdges;
import dev.divergence.compute.estimators.KnnDivergence;
import dev.divergence.samples.BinStrategy;

/**
 * Runs one column's test: Evidently's automatic choice, then the method on the column's data, with each method's
 * conditions (sample sizes, distinct values) checked first; a column that does not meet them is not tested and
 * says why.
 */
final class ColumnTester {

    /** Evidently's TVD permutation test draws this many permutations. */
    static final int PERMUTATIONS = 1000;

    private final long maxPermutationWork;

    ColumnTester(long maxPermutationWork) {
        this.maxPermutationWork = maxPermutationWork;
    }

    /** The automatic choice only distinguishes up to this many distinct values (≤ 2, ≤ 5, more). */
    static final int AUTO_DISTINCT_CAP = 6;

    /**
     * Evidently's automatic choice ({@code _get_default_stattest}): with n the reference's values and u the
     * distinct values of both windows, n ≤ 1000: numerical u ≤ 2 → z, u ≤ 5 → χ², else K-S; categorical u ≤ 2 → z,
     * else χ². n > 1000: numerical u ≤ 5 → Jensen–Shannon, else Wasserstein; categorical → Jensen–Shannon.
     */
    static DriftMethod auto(ColumnType type, long referenceSize, int unique) {
        if (referenceSize <= 1000) {
            if (unique <= 2) {
                return DriftMethod.Z_TEST;
            }
            return type == ColumnType.NUMERICAL && unique > 5 ? DriftMethod.KS : DriftMethod.CHI_SQUARE;
        }
        return type == ColumnType.NUMERICAL && unique > 5 ? DriftMethod.WASSERSTEIN : DriftMethod.JENSEN_SHANNON;
    }

    /**
     * @param method the test (not auto)
     * @param type the column's type
     * @param data the column
     * @param bins the caller's bins for a numerical column, or null
     * @return the statistic and p-value
     * @throws Untestable when the data do not meet the method's conditions
     */
    TestResult run(DriftMethod method, ColumnType type, ColumnData data, DriftRequest.BinsRequest bins) {
        boolean numerical = type == ColumnType.NUMERICAL;
        return switch (method) {
            case KS -> NumericalTests.kolmogorovSmirnov(data.reference(), data.current());
            case WASSERSTEIN -> TestResult.distance(NumericalTests.wassersteinNormed(data.reference(),
                    data.current()));
            case ENERGY_DISTANCE -> TestResult.distance(NumericalTests.energyDistance(data.reference(),
                    data.current()));
            case T_TEST -> {
                need(data.referenceSize() >= 2 && data.currentSize() >= 2, "the t-test needs at least 2 values in "
                        + "each window");
                yield NumericalTests.tTest(data.reference(), data.current());
            }
            case MANN_WHITNEY -> NumericalTests.mannWhitney(data.reference(), data.current());
            case ANDERSON_DARLING -> {
                need(data.unique() >= 2, "the Anderson–Darling test needs at least 2 distinct values");
                need(data.referenceSize() + data.currentSize() >= 4,
                        "the Anderson–Darling test needs at least 4 values");
                yield NumericalTests.andersonDarling(data.reference(), data.current());
            }
            case CRAMER_VON_MISES -> {
                need(data.referenceSize() >= 2 && data.currentSize() >= 2,
                        "the Cramér–von Mises test needs at least 2 values in each window");
                yield NumericalTests.cramerVonMises(data.reference(), data.current());
            }
            case EPPS_SINGLETON -> {
                need(data.referenceSize() >= 5 && data.currentSize() >= 5,
                        "the Epps–Singleton test needs at least 5 values in each window");
                need(NumericalTests.pooledIqr(data.reference(), data.current()) > 0, "the Epps–Singleton test "
                        + "needs spread: the interquartile range of both windows together is 0");
                yield NumericalTests.eppsSingleton(data.reference(), data.current());
            }
            case KNN_KL -> knn(data);
            case CHI_SQUARE -> {
                ColumnData.Categories c = data.categories();
                yield CategoricalTests.chiSquare(c.reference(), c.current());
            }
            case Z_TEST -> {
                ColumnData.Categories c = data.categories();
                yield CategoricalTests.zTest(c.reference(), c.current(), c.first());
            }
            case G_TEST -> {
                ColumnData.Categories c = data.categories();
                yield CategoricalTests.gTest(c.reference(), c.current());
            }
            case FISHER_EXACT -> {
                ColumnData.Categories c = data.categories();
                need(c.labels().length <= 2, "Fisher's exact test needs a binary column; this one has "
                        + c.labels().length + " categories");
                yield CategoricalTests.fisherExact(c.reference(), c.current());
            }
            case TOTAL_VARIATION -> totalVariation(data.categories());
            case JENSEN_SHANNON -> {
                double[][] shares = shares(numerical, data, bins);
                yield TestResult.distance(Distances.jensenShannon(shares[0], shares[1]));
            }
            case PSI -> {
                double[][] shares = shares(numerical, data, bins);
                yield TestResult.distance(Distances.psi(Binning.replaceZeros(shares[0]),
                        Binning.replaceZeros(shares[1])));
            }
            case KL -> {
                double[][] shares = shares(numerical, data, bins);
                yield TestResult.distance(Distances.kl(Binning.replaceZeros(shares[0]),
                        Binning.replaceZeros(shares[1])));
            }
            case HELLINGER -> {
                if (numerical && bins == null) {
                    double[] r = data.reference();
                    double[] c = data.current();
                    yield TestResult.distance(Distances.hellingerNumerical(r, c, Math.min(r[0], c[0]),
                            Math.max(r[r.length - 1], c[c.length - 1]), data.unique()));
                }
                double[][] shares = shares(numerical, data, bins);
                yield TestResult.distance(Distances.hellinger(shares[0], shares[1]));
            }
            case AUTO -> throw new IllegalArgumentException("auto is resolved before the test runs");
        };
    }

    private TestResult totalVariation(ColumnData.Categories c) {
        long nRef = ColumnData.sum(c.reference());
        long n = nRef + ColumnData.sum(c.current());
        need(n <= maxPermutationWork / PERMUTATIONS && n < Integer.MAX_VALUE, "the total-variation permutation test "
                + "would draw " + PERMUTATIONS + " × " + n + " values, more than divergence.drift.max-permutation-work = "
                + maxPermutationWork);
        int[] codes = new int[(int) n];
        if (c.referenceCodes() != null) {
            System.arraycopy(c.referenceCodes(), 0, codes, 0, c.referenceCodes().length);
            System.arraycopy(c.currentCodes(), 0, codes, c.referenceCodes().length, c.currentCodes().length);
        } else {
            // counts only (a summary): the values grouped by category, each window in category order
            int k = 0;
            for (long[] window : new long[][] {c.reference(), c.current()}) {
                for (int category = 0; category < window.length; category++) {
                    for (long i = 0; i < window[category]; i++) {
                        codes[k++] = category;
                    }
                }
            }
        }
        return CategoricalTests.totalVariationPermutation(codes, (int) nRef, c.labels().length, PERMUTATIONS);
    }

    private static TestResult knn(ColumnData data) {
        need(data.referenceSize() >= 2, "the k-NN estimate needs at least 2 reference values");
        try {
            KnnDivergence.Estimate e = KnnDivergence.estimate(data.reference(), data.referenceSize(),
                    data.current(), data.currentSize(), 1, 1);
            return TestResult.distance(e.value());
        } catch (IllegalArgumentException e) {
            throw new Untestable("the k-NN estimate is undefined here: " + e.getMessage());
        }
    }

    /**
     * The two windows' shares as Evidently bins them: categories; for a numerical column Sturges edges over both
     * windows when the reference has more than 20 distinct values, else one share per value; or the caller's bins.
     */
    private static double[][] shares(boolean numerical, ColumnData data, DriftRequest.BinsRequest bins) {
        long nRef = data.referenceSize();
        long nCur = data.currentSize();
        if (numerical && bins != null) {
            double[] edges = edges(data, bins);
            return new double[][] {Binning.shares(Binning.countsOpen(data.reference(), edges), nRef),
                Binning.shares(Binning.countsOpen(data.current(), edges), nCur)};
        }
        if (numerical && data.referenceDistinct() > Binning.MAX_DISTINCT_FOR_SHARES) {
            double[] r = data.reference();
            double[] c = data.current();
            double[] edges = Binning.sturgesEdges(Math.min(r[0], c[0]), Math.max(r[r.length - 1], c[c.length - 1]),
                    nRef + nCur);
            return new double[][] {Binning.shares(Binning.counts(r, edges), nRef),
                Binning.shares(Binning.counts(c, edges), nCur)};
        }
        ColumnData.Categories c = data.categories();
        return new double[][] {Binning.shares(c.reference(), nRef), Binning.shares(c.current(), nCur)};
    }

    /** The caller's bins (validated before: count ≥ 1, edges increasing and finite). */
    static double[] edges(ColumnData data, DriftRequest.BinsRequest bins) {
        BinStrategy strategy = bins.strategy() == null ? BinStrategy.AUTO : bins.strategy();
        int count = bins.count() == null ? 10 : bins.count();
        double[] r = data.reference();
        double[] c = data.current();
        double lo = Math.min(r[0], c[0]);
        double hi = Math.max(r[r.length - 1], c[c.length - 1]);
        return switch (strategy) {
            case EDGES -> bins.edges().clone();
            case QUANTILE -> BinEdges.quantiles(r, count);
            case COUNT -> lo == hi ? BinEdges.equalWidth(lo - 0.5, hi + 0.5, count) : BinEdges.equalWidth(lo, hi,
                    count);
            default -> {
                double[] pooled = new double[r.length + c.length];
                System.arraycopy(r, 0, pooled, 0, r.length);
                System.arraycopy(c, 0, pooled, r.length, c.length);
                try {
                    yield BinEdges.of(pooled, BinEdges.Rule.valueOf(strategy.name()), 100_000);
                } catch (IllegalArgumentException e) {
                    throw new Untestable(e.getMessage());
                }
            }
        };
    }

    private static void need(boolean condition, String reason) {
        if (!condition) {
            throw new Untestable(reason);
        }
    }

    /** A column whose data do not meet its test's conditions: it is skipped with this reason. */
    static final class Untestable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Untestable(String reason) {
            super(reason, null, false, false);
        }
    }
}
