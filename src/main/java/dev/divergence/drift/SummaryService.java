package dev.divergence.drift;

import dev.divergence.config.LimitProperties;
import dev.divergence.runtime.ComputeGate;
import dev.divergence.validation.RequestProblem;
import dev.divergence.validation.Violation;
import dev.divergence.validation.Violations;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.springframework.stereotype.Service;

/**
 * Builds column summaries from raw columns and merges summaries of one column, so that a client without
 * DataSketches can summarize windows as they come and test drift from the summaries. Numerical columns (by
 * Evidently's inference, as drift makes it, unless overridden) become KLL sketches of their finite values, with
 * missing values and ±∞ counted as missing; categorical columns become counts per category. Sketches are built
 * and merged with a fixed seed ({@link KllDoublesSketch}'s compaction is randomized), so the same input gives the
 * same bytes.
 */
@Service
public class SummaryService {

    /** The default k of a KLL sketch (Spark's and DataSketches' default: about 1.33 % rank error). */
    public static final int DEFAULT_K = 200;
    /** The smallest k DataSketches accepts. */
    public static final int MIN_K = 8;
    /** The largest k DataSketches accepts. */
    public static final int MAX_K = 65_535;

    private final ComputeGate gate;
    private final LimitProperties limits;

    SummaryService(ComputeGate gate, LimitProperties limits) {
        this.gate = gate;
        this.limits = limits;
    }

    /**
     * @param r the raw columns and options
     * @return a summary per column, in the order sent
     * @throws dev.divergence.validation.InvalidRequestException for a missing window, a k out of range, a type
     *         override that does not fit its column, or a column that is a summary already
     */
    public Map<String, ColumnSummary> summarize(SummariesRequest r) {
        Violations v = new Violations(limits.maxViolations());
        if (r.columns() == null) {
            v.add(RequestProblem.MISSING_FIELD, "/columns", "is required: {column: [values]}");
            v.throwIfAny();
        }
        int k = r.kllK() == null ? DEFAULT_K : r.kllK();
        if (k < MIN_K || k > MAX_K) {
            v.add(RequestProblem.INVALID_OPTION, "/kllK", "must be from " + MIN_K + " to " + MAX_K + ", was " + k);
        }
        Map<String, WindowColumn> columns = r.columns().columns();
        Map<String, ColumnType> types = r.columnTypes() == null ? Map.of() : r.columnTypes();
        for (Map.Entry<String, ColumnType> e : types.entrySet()) {
            WindowColumn c = columns.get(e.getKey());
            String at = "/columnTypes/" + Violation.escape(e.getKey());
            if (c == null) {
                v.add(RequestProblem.INVALID_OPTION, at, "names no column of /columns");
            } else if (e.getValue() == ColumnType.NUMERICAL && c instanceof RawColumn raw && raw.isLabels()) {
                v.add(RequestProblem.INVALID_OPTION, at, "numerical needs numbers, and the column holds strings or "
                        + "booleans");
            }
        }
        for (Map.Entry<String, WindowColumn> e : columns.entrySet()) {
            if (e.getValue() instanceof ColumnSummary) {
                v.add(RequestProblem.INVALID_OPTION, "/columns/" + Violation.escape(e.getKey()), "is a summary "
                        + "already: send raw values here, and merge summaries with /v1/summaries/merge");
            }
        }
        v.throwIfAny();
        return gate.run("summaries", () -> {
            Map<String, ColumnSummary> out = new LinkedHashMap<>();
            for (Map.Entry<String, WindowColumn> e : columns.entrySet()) {
                RawColumn raw = (RawColumn) e.getValue();
                ColumnType type = types.get(e.getKey());
                if (type == null) {
                    type = raw.isLabels() ? ColumnType.CATEGORICAL
                            : raw.numeric() == 0 ? ColumnType.NUMERICAL : ColumnPlan.infer(raw);
                }
                out.put(e.getKey(), type == ColumnType.NUMERICAL ? sketch(raw, k) : categories(raw));
            }
            return out;
        });
    }

    private static ColumnSummary.Kll sketch(RawColumn raw, int k) {
        double[] values = raw.numeric() == 0 ? new double[0] : raw.sortedFinite();
        KllDoublesSketch sketch = KllDeterminism.seeded(() -> {
            KllDoublesSketch s = KllDoublesSketch.newHeapInstance(k);
            if (values.length > 0) {
                s.update(values, 0, values.length);
            }
            return s;
        });
        return SummaryCodec.kll(sketch, raw.missing() + (long) raw.infinite());
    }

    private static ColumnSummary.Categories categories(RawColumn raw) {
        SummaryTester.Counts counts = SummaryTester.counts(raw);
        long total = 0;
        for (long c : counts.counts()) {
            total += c;
        }
        return new ColumnSummary.Categories(counts.labels(), counts.counts(), total,
                raw.missing() + (long) raw.infinite());
    }

    /**
     * @param summaries summaries of one column, all of one kind (histograms on the same edges)
     * @return their merge: sketches merged by DataSketches (k of the first), counts added
     * @throws dev.divergence.validation.InvalidRequestException for no summary, mixed kinds, histograms on
     *         different edges, or counts that add up beyond 2^63 − 1
     */
    public ColumnSummary merge(List<ColumnSummary> summaries) {
        Violations v = new Violations(limits.maxViolations());
        if (summaries == null || summaries.isEmpty()) {
            v.add(RequestProblem.MISSING_FIELD, "/summaries", "needs at least one summary");
            v.throwIfAny();
        }
        ColumnSummary first = summaries.get(0);
        for (int i = 1; i < summaries.size(); i++) {
            ColumnSummary s = summaries.get(i);
            if (!s.kind().equals(first.kind())) {
                v.add(RequestProblem.INVALID_OPTION, "/summaries/" + i, "is a " + s.kind() + " summary, and the "
                        + "first is a " + first.kind() + " summary: only summaries of one kind merge");
            } else if (s instanceof ColumnSummary.Histogram h
                    && !Arrays.equals(h.edges(), ((ColumnSummary.Histogram) first).edges())) {
                v.add(RequestProblem.INVALID_OPTION, "/summaries/" + i + "/histogram/edges", "must equal the first "
                        + "histogram's edges: histograms merge bin by bin");
            }
        }
        v.throwIfAny();
        return gate.run("summaries-merge", () -> {
            long missing = 0;
            for (ColumnSummary s : summaries) {
                missing = add(missing, s.missing(), v);
            }
            if (first instanceof ColumnSummary.Kll kll) {
                KllDoublesSketch merged = KllDeterminism.seeded(() -> {
                    KllDoublesSketch m = KllDoublesSketch.newHeapInstance(kll.k());
                    for (ColumnSummary s : summaries) {
                        m.merge(((ColumnSummary.Kll) s).sketch());
                    }
                    return m;
                });
                return SummaryCodec.kll(merged, missing);
            }
            if (first instanceof ColumnSummary.Histogram h) {
                long[] counts = new long[h.counts().length];
                long total = 0;
                for (ColumnSummary s : summaries) {
                    long[] c = ((ColumnSummary.Histogram) s).counts();
                    for (int i = 0; i < counts.length; i++) {
                        counts[i] = add(counts[i], c[i], v);
                        total = add(total, c[i], v);
                    }
                }
                return new ColumnSummary.Histogram(h.edges(), counts, total, missing);
            }
            Map<String, Integer> index = new HashMap<>();
            List<String> labels = new java.util.ArrayList<>();
            long[] counts = new long[16];
            long total = 0;
            for (ColumnSummary s : summaries) {
                ColumnSummary.Categories c = (ColumnSummary.Categories) s;
                for (int i = 0; i < c.labels().length; i++) {
                    Integer at = index.get(c.labels()[i]);
                    if (at == null) {
                        at = labels.size();
                        index.put(c.labels()[i], at);
                        labels.add(c.labels()[i]);
                        if (at == counts.length) {
                            counts = Arrays.copyOf(counts, at * 2);
                        }
                    }
                    counts[at] = add(counts[at], c.counts()[i], v);
                    total = add(total, c.counts()[i], v);
                }
            }
            return new ColumnSummary.Categories(labels.toArray(new String[0]),
                    Arrays.copyOf(counts, labels.size()), total, missing);
        });
    }

    private static long add(long a, long b, Violations v) {
        long sum = a + b;
        if (sum < 0) {
            v.add(RequestProblem.INVALID_OPTION, "/summaries", "counts add up beyond 2^63 − 1");
            v.throwIfAny();
        }
        return sum;
    }
}
