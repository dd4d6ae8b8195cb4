package dev.divergence.drift;

import dev.divergence.compute.drift.WeightedSample;
import dev.divergence.web.InvalidJsonValueException;
import java.util.Arrays;
import java.util.Base64;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.DoublesSortedView;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads a column summary in one of the formats of {@link ColumnSummary}, streaming (a KLL sketch may be in its
 * compact or updatable serialized form). Every fault is refused with the pointer of the value at fault.
 */
public final class SummaryCodec {

    /** Most bins a histogram may have. */
    public static final int MAX_BINS = 100_000;

    static {
        DataSketchesRuntime.load();
    }

    private SummaryCodec() {
    }

    /**
     * @param p the parser at the summary's {@code START_OBJECT}
     * @param maxSize most categories (or bins) the summary may hold
     * @return the summary
     * @throws JacksonException with the pointer of the value at fault
     */
    public static ColumnSummary read(JsonParser p, long maxSize) {
        Object kind = null;
        String kindName = null;
        long missing = 0;
        String field;
        while ((field = p.nextName()) != null) {
            JsonToken token = p.nextToken();
            try {
                switch (field) {
                    case ColumnSummary.MISSING -> missing = count(p, token, ColumnSummary.MISSING);
                    case ColumnSummary.KLL, ColumnSummary.HISTOGRAM, ColumnSummary.CATEGORIES -> {
                        if (kind != null) {
                            throw InvalidJsonValueException.of(p, ColumnSummary.class, "a summary is one of "
                                    + "histogram, categories or kll; this one also has " + kindName);
                        }
                        kindName = field;
                        kind = switch (field) {
                            case ColumnSummary.KLL -> kll(p, token);
                            case ColumnSummary.HISTOGRAM -> histogram(p, token, maxSize);
                            default -> categories(p, token, maxSize);
                        };
                    }
                    default -> throw InvalidJsonValueException.of(p, ColumnSummary.class, "is not a field of a "
                            + "summary (histogram, categories or kll, and missing)");
                }
            } catch (JacksonException e) {
                throw JacksonException.wrapWithPath(e, ColumnSummary.class, field);
            }
        }
        if (kind == null) {
            throw InvalidJsonValueException.of(p, ColumnSummary.class, "a summary needs one of histogram, "
                    + "categories or kll; or send the column's values as an array");
        }
        if (kind instanceof KllDoublesSketch sketch) {
            return kll(sketch, missing);
        }
        if (kind instanceof ColumnSummary.Histogram h) {
            return new ColumnSummary.Histogram(h.edges(), h.counts(), h.count(), missing);
        }
        ColumnSummary.Categories c = (ColumnSummary.Categories) kind;
        return new ColumnSummary.Categories(c.labels(), c.counts(), c.count(), missing);
    }

    /**
     * @param sketch a sketch of finite values
     * @param missing missing values beside it
     * @return the summary of the sketch: its sorted view's points, exact min and max, and rank error
     */
    public static ColumnSummary.Kll kll(KllDoublesSketch sketch, long missing) {
        if (sketch.isEmpty()) {
            return new ColumnSummary.Kll(sketch, null, sketch.getK(), 0, missing);
        }
        DoublesSortedView view = sketch.getSortedView();
        WeightedSample sample = new WeightedSample(view.getQuantiles(), view.getCumulativeWeights(),
                sketch.getMinItem(), sketch.getMaxItem(),
                sketch.isEstimationMode() ? sketch.getNormalizedRankError(false) : 0);
        return new ColumnSummary.Kll(sketch, sample, sketch.getK(), sketch.getN(), missing);
    }

    /**
     * @param base64 the sketch's bytes in base64 (standard or URL-safe alphabet)
     * @return the sketch, on the heap
     * @throws IllegalArgumentException when the text is not base64 or not a sketch of finite doubles
     */
    public static KllDoublesSketch decode(String base64) {
        byte[] bytes;
        try {
            bytes = base64.indexOf('-') >= 0 || base64.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(base64)
                    : Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not base64: " + e.getMessage());
        }
        KllDoublesSketch sketch;
        try {
            sketch = KllDoublesSketch.heapify(Memory.wrap(bytes));
            if (!sketch.isEmpty()) {
                sketch.getSortedView(); // reads every item: a truncated or inconsistent sketch fails here
            }
        } catch (RuntimeException e) { // the library's own checks, or an index a damaged header sends astray
            throw new IllegalArgumentException("is not a DataSketches KllDoublesSketch: " + e.getMessage());
        }
        if (!sketch.isEmpty() && !(Double.isFinite(sketch.getMinItem()) && Double.isFinite(sketch.getMaxItem()))) {
            throw new IllegalArgumentException("is a sketch holding NaN or ±Infinity; sketch the finite values only "
                    + "(count the others as missing)");
        }
        return sketch;
    }

    /**
     * @param sketch a sketch
     * @return its compact serialized form in standard base64
     */
    public static String encode(KllDoublesSketch sketch) {
        return Base64.getEncoder().encodeToString(sketch.toByteArray());
    }

    private static KllDoublesSketch kll(JsonParser p, JsonToken token) {
        if (token != JsonToken.VALUE_STRING) {
            throw InvalidJsonValueException.of(p, ColumnSummary.class, "must be the sketch's bytes in base64");
        }
        try {
            return decode(p.getString());
        } catch (IllegalArgumentException e) {
            throw InvalidJsonValueException.of(p, ColumnSummary.class, e.getMessage());
        }
    }

    private static ColumnSummary.Histogram histogram(JsonParser p, JsonToken token, long maxSize) {
        if (token != JsonToken.START_OBJECT) {
            throw InvalidJsonValueException.of(p, ColumnSummary.class,
                    "must be an object {\"edges\": [...], \"counts\": [...]}");
        }
        double[] edges = null;
        long[] counts = null;
        String field;
        int bins = (int) Math.min(MAX_BINS, maxSize);
        while ((field = p.nextName()) != null) {
            JsonToken t = p.nextToken();
            try {
                switch (field) {
                    case ColumnSummary.EDGES -> edges = edges(p, t, bins + 1);
                    case ColumnSummary.COUNTS -> counts = counts(p, t, bins);
                    default -> throw InvalidJsonValueException.of(p, ColumnSummary.class,
                            "is not a field of a histogram (edges, counts)");
                }
            } catch (JacksonException e) {
                throw JacksonException.wrapWithPath(e, ColumnSummary.class, field);
            }
        }
        if (edges == null || counts == null) {
            throw InvalidJsonValueException.of(p, ColumnSummary.class, "a histogram needs edges and counts");
        }
        if (counts.length != edges.length - 1) {
            throw JacksonException.wrapWithPath(InvalidJsonValueException.of(p, ColumnSummary.class, "has "
                    + counts.length + " counts for " + (edges.length - 1) + " bins (one count per pair of "
                    + "adjacent edges)"), ColumnSummary.class, ColumnSummary.COUNTS);
        }
        long total = 0;
        for (long c : counts) {
            total += c;
            if (total < 0) {
                throw InvalidJsonValueException.of(p, ColumnSummary.class, "counts add up beyond 2^63 − 1");
            }
        }
        return new ColumnSummary.Histogram(edges, counts, total, 0);
    }

    private static double[] edges(JsonParser p, JsonToken token, int max) {
        if (token != JsonToken.START_ARRAY) {
            throw InvalidJsonValueException.of(p, ColumnSummary.class, "must be an array of increasing numbers");
        }
        double[] edges = new double[16];
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            try {
                if (n == max) {
                    throw InvalidJsonValueException.of(p, ColumnSummary.class, "is beyond the most edges a "
                            + "histogram may have (" + max + ")");
                }
                if (!p.currentToken().isNumeric() || !Double.isFinite(p.getDoubleValue())) {
                    throw InvalidJsonValueException.of(p, ColumnSummary.class, "must be a finite number");
                }
                double v = p.getDoubleValue();
                if (n > 0 && !(v > edges[n - 1])) {
                    throw InvalidJsonValueException.of(p, ColumnSummary.class,
                            "must be greater than the edge before it (edges increase)");
                }
                if (n == edges.length) {
                    edges = Arrays.copyOf(edges, n * 2);
                }
                edges[n++] = v;
            } catch (JacksonException e) {
                throw JacksonException.wrapWithPath(e, edges, n);
            }
        }
        if (n < 2) {
            throw InvalidJsonValueException.of(p, ColumnSummary.class, "a histogram needs at least two edges");
        }
        return Arrays.copyOf(edges, n);
    }

    private static long[] counts(JsonParser p, JsonToken token, int max) {
        if (token != JsonToken.START_ARRAY) {
            throw InvalidJsonValueException.of(p, ColumnSummary.class, "must be an array of counts");
        }
        long[] counts = new long[16];
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            try {
                if (n == max) {
                    throw InvalidJsonValueException.of(p, ColumnSummary.class, "is beyond the most bins a "
                            + "histogram may have (" + max + ")");
                }
                if (n == counts.length) {
                    counts = Arrays.copyOf(counts, n * 2);
                }
                counts[n++] = count(p, p.currentToken(), "a count");
            } catch (JacksonException e) {
                throw JacksonException.wrapWithPath(e, counts, n);
            }
        }
        return Arrays.copyOf(counts, n);
    }

    private static ColumnSummary.Categories categories(JsonParser p, JsonToken token, long max) {
        if (token != JsonToken.START_OBJECT) {
            throw InvalidJsonValueException.of(p, ColumnSummary.class,
                    "must be an object of counts, {\"category\": count, ...}");
        }
        LabelDictionary dictionary = new LabelDictionary();
        long[] counts = new long[16];
        long total = 0;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            int code = dictionary.code(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
            String label = dictionary.label(code);
            JsonToken t = p.nextToken();
            try {
                if (code < dictionary.size() - 1) {
                    throw InvalidJsonValueException.of(p, ColumnSummary.class, "is a category named twice");
                }
                if (code == max) {
                    throw InvalidJsonValueException.of(p, ColumnSummary.class, "is beyond the most categories a "
                            + "column may hold (" + max + ")");
                }
                if (code == counts.length) {
                    counts = Arrays.copyOf(counts, code * 2);
                }
                counts[code] = count(p, t, "a count");
                total = Math.addExact(total, counts[code]);
            } catch (JacksonException e) {
                throw JacksonException.wrapWithPath(e, counts, label);
            } catch (ArithmeticException e) {
                throw JacksonException.wrapWithPath(InvalidJsonValueException.of(p, ColumnSummary.class,
                        "brings the total count beyond 2^63 − 1"), counts, label);
            }
        }
        String[] labels = dictionary.labels();
        long[] values = Arrays.copyOf(counts, labels.length);
        return new ColumnSummary.Categories(labels, values, total, 0);
    }

    private static long count(JsonParser p, JsonToken token, String what) {
        if (token != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                || p.getLongValue() < 0) {
            throw InvalidJsonValueException.of(p, ColumnSummary.class, what.equals(ColumnSummary.MISSING)
                    ? "must be a count of missing values (an integer ≥ 0)" : "must be " + what + ", an integer ≥ 0");
        }
        return p.getLongValue();
    }
}
