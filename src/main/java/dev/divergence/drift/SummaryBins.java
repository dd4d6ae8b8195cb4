package dev.divergence.drift;

import dev.divergence.compute.drift.Binning;
import dev.divergence.compute.drift.Distances;
import dev.divergence.compute.drift.SummaryTests;
import dev.divergence.compute.drift.SummaryTests.BinTerm;
import dev.divergence.compute.drift.WeightedSample;
import dev.divergence.compute.estimators.BinEdges;
import dev.divergence.samples.BinStrategy;
import java.util.Arrays;

/**
 * The binned methods (Jensen–Shannon, PSI, KL, Hellinger) where a window is a sketch or a histogram: shared bins,
 * each window's weight per bin, and the score with the interval that holds the exact data's.
 */
final class SummaryBins {

    private SummaryBins() {
    }

    /**
     * Two windows' weights on shared bins, with each window's size and rank error.
     *
     * @param reference the reference's weight per bin
     * @param current the current window's
     * @param referenceError the reference's rank error (0: exact)
     * @param currentError the current window's
     */
    record Binned(long[] reference, long[] current, double referenceError, double currentError) {
    }

    /**
     * Evidently's binning from the distribution functions: Sturges edges over both windows when the reference
     * has more than 20 distinct points, else one bin per distinct point; or the caller's edges or equal-width
     * count.
     */
    static Binned binned(WeightedSample r, WeightedSample c, DriftRequest.BinsRequest bins) {
        double lo = Math.min(r.min(), c.min());
        double hi = Math.max(r.max(), c.max());
        if (bins != null) {
            BinStrategy strategy = bins.strategy() == null ? BinStrategy.AUTO : bins.strategy();
            int count = bins.count() == null ? 10 : bins.count();
            double[] edges = switch (strategy) {
                case EDGES -> bins.edges();
                case COUNT -> lo == hi ? BinEdges.equalWidth(lo - 0.5, hi + 0.5, count)
                        : BinEdges.equalWidth(lo, hi, count);
                default -> throw new ColumnTester.Untestable("from a sketch, bins are given by edges or by count");
            };
            return new Binned(SummaryTests.binWeights(r, edges, true), SummaryTests.binWeights(c, edges, true),
                    r.rankError(), c.rankError());
        }
        if (r.distinctPoints() > Binning.MAX_DISTINCT_FOR_SHARES) {
            double[] edges = Binning.sturgesEdges(lo, hi, r.n() + c.n());
            return new Binned(SummaryTests.binWeights(r, edges, false), SummaryTests.binWeights(c, edges, false),
                    r.rankError(), c.rankError());
        }
        double[] values = unionValues(r.values(), c.values());
        long[] rw = new long[values.length];
        long[] cw = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            rw[i] = r.weightAtMost(values[i]) - r.weightBelow(values[i]);
            cw[i] = c.weightAtMost(values[i]) - c.weightBelow(values[i]);
        }
        return new Binned(rw, cw, r.rankError(), c.rankError());
    }

    private static double[] unionValues(double[] a, double[] b) {
        double[] all = new double[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return Arrays.stream(all).sorted().distinct().toArray();
    }

    /** @return {score, lower, upper} of a binned method */
    static double[] score(DriftMethod method, Binned b) {
        long nRef = Math.max(1, ColumnData.sum(b.reference()));
        long nCur = Math.max(1, ColumnData.sum(b.current()));
        double[] r = Binning.shares(b.reference(), nRef);
        double[] c = Binning.shares(b.current(), nCur);
        double[][] ri = SummaryTests.shareIntervals(r, b.referenceError(), nRef);
        double[][] ci = SummaryTests.shareIntervals(c, b.currentError(), nCur);
        double score;
        double[] bounds;
        switch (method) {
            case PSI, KL -> {
                BinTerm term = method == DriftMethod.PSI ? BinTerm.PSI : BinTerm.KL;
                double[] rr = Binning.replaceZeros(r.clone());
                double[] cr = Binning.replaceZeros(c.clone());
                score = method == DriftMethod.PSI ? Distances.psi(rr, cr) : Distances.kl(rr, cr);
                bounds = SummaryTests.sumBounds(term, SummaryTests.replaceZeros(ri, nRef),
                        SummaryTests.replaceZeros(ci, nCur));
            }
            case JENSEN_SHANNON -> {
                score = Distances.jensenShannon(r, c);
                double[] js = SummaryTests.sumBounds(BinTerm.JENSEN_SHANNON, ri, ci);
                bounds = new double[] {Math.sqrt(Math.max(js[0], 0)), Math.sqrt(Math.max(js[1], 0))};
            }
            default -> {
                score = Distances.hellinger(r, c);
                double[] bc = SummaryTests.bhattacharyyaBounds(ri, ci);
                bounds = new double[] {Math.sqrt(1 - Math.min(Math.max(bc[1], 0), 1)),
                    Math.sqrt(1 - Math.min(Math.max(bc[0], 0), 1))};
            }
        }
        return new double[] {score, Math.min(score, bounds[0]), Math.max(score, bounds[1])};
    }
}
