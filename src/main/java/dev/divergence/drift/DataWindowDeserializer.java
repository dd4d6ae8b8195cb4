package dev.divergence.drift;

import dev.divergence.config.DriftProperties;
import dev.divergence.validation.InvalidRequestException;
import dev.divergence.validation.RequestProblem;
import dev.divergence.validation.Violation;
import dev.divergence.web.InvalidJsonValueException;
import dev.divergence.web.json.DoubleArrayBuilder;
import dev.divergence.web.json.NumericArrayParser;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Streams a window {@code {column: [values]}} into primitive columns: numbers into a {@code double[]} (noting
 * whether every one was an integer literal), strings and booleans into integer codes over a dictionary of distinct
 * labels, {@code null} and {@code "NaN"} counted as missing, {@code "Infinity"}/{@code "-Infinity"} as ±∞. The
 * limits on columns, values per column and values per window are checked as the values arrive, so an oversized
 * window is refused before it is held in memory. A column may instead be a summary ({@link SummaryCodec}), which
 * counts against the limits by the numbers it holds (bins, categories, sketch items).
 */
final class DataWindowDeserializer extends ValueDeserializer<DataWindow> {

    private final DriftProperties limits;
    private final ForkJoinPool pool;

    DataWindowDeserializer(DriftProperties limits, ForkJoinPool pool) {
        this.limits = limits;
        this.pool = pool;
    }

    @Override
    public DataWindow deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw InvalidJsonValueException.of(p, DataWindow.class,
                    "must be an object of columns, {\"column\": [values, ...]}");
        }
        LinkedHashMap<String, WindowColumn> columns = new LinkedHashMap<>();
        long cells = 0;
        String name;
        while ((name = p.nextName()) != null) {
            if (columns.size() == limits.maxColumns()) {
                throw limit(p.streamReadContext().pathAsPointer().toString(), "has more than " + limits.maxColumns()
                        + " columns (divergence.drift.max-columns)");
            }
            p.nextToken();
            WindowColumn column;
            try {
                column = readColumn(p, limits.maxCells() - cells);
            } catch (JacksonException e) {
                throw JacksonException.wrapWithPath(e, columns, name);
            }
            cells += column.size();
            columns.put(name, column);
        }
        return new DataWindow(columns);
    }

    /** @return a deserializer of a list of summaries, each within the window limits */
    ValueDeserializer<SummariesRequest.SummaryList> summaryList() {
        return new ValueDeserializer<>() {
            @Override
            public SummariesRequest.SummaryList deserialize(JsonParser p, DeserializationContext ctxt) {
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    throw InvalidJsonValueException.of(p, ColumnSummary.class, "must be an array of summaries");
                }
                List<ColumnSummary> items = new java.util.ArrayList<>();
                long cells = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    try {
                        if (items.size() == limits.maxColumns()) {
                            throw limit(p.streamReadContext().pathAsPointer().toString(), "has more than "
                                    + limits.maxColumns() + " summaries (divergence.drift.max-columns)");
                        }
                        if (p.currentToken() != JsonToken.START_OBJECT) {
                            throw InvalidJsonValueException.of(p, ColumnSummary.class, "must be a summary object");
                        }
                        ColumnSummary s = SummaryCodec.read(p, Math.min(limits.maxRows(), limits.maxCells() - cells));
                        cells += s.size();
                        items.add(s);
                    } catch (JacksonException e) {
                        throw JacksonException.wrapWithPath(e, items, items.size());
                    }
                }
                return new SummariesRequest.SummaryList(items);
            }
        };
    }

    private WindowColumn readColumn(JsonParser p, long cellsLeft) {
        if (p.currentToken() == JsonToken.START_OBJECT) {
            return SummaryCodec.read(p, Math.min(limits.maxRows(), cellsLeft));
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw InvalidJsonValueException.of(p, RawColumn.class,
                    "must be an array of values (numbers, strings, booleans or null)");
        }
        Reader reader = new Reader();
        NumericArrayParser fast = NumericArrayParser.of(p);
        int rows = 0;
        long rowLimit = Math.min(limits.maxRows(), cellsLeft);
        while (true) {
            if (fast != null) {
                // runs of plain numbers straight from the input buffer (the scanner stops at anything else)
                rows += reader.numbers.addFrom(fast);
                if (fast.takeFractionSeen()) {
                    reader.integerLiterals = false;
                }
            }
            if (rows > rowLimit) {
                // the pointer of the first value over the limit (a run of numbers may have been read past it)
                String first = p.streamReadContext().getParent().pathAsPointer() + "/" + rowLimit;
                throw limit(first, rowLimit == limits.maxRows()
                        ? "has more than " + limits.maxRows() + " values (divergence.drift.max-rows)"
                        : "brings the window over " + limits.maxCells() + " values (divergence.drift.max-cells)");
            }
            JsonToken token = p.nextToken();
            if (token == JsonToken.END_ARRAY) {
                break;
            }
            if (rows == rowLimit) {
                rows++;
                continue; // reported above, with the pointer of the column
            }
            try {
                reader.read(p, token);
            } catch (JacksonException e) {
                throw JacksonException.wrapWithPath(e, reader, rows);
            }
            rows++;
        }
        return reader.finish(rows, pool);
    }

    private static InvalidRequestException limit(String pointer, String detail) {
        return new InvalidRequestException(RequestProblem.LIMIT_EXCEEDED, pointer + " " + detail,
                List.of(new Violation(pointer, detail, RequestProblem.LIMIT_EXCEEDED)));
    }

    /** One column's values as they arrive. */
    private static final class Reader {

        final DoubleArrayBuilder numbers = new DoubleArrayBuilder();
        private int[] codes = new int[16];
        private int labelCount;
        private final LabelDictionary dictionary = new LabelDictionary();
        private int missing;
        boolean integerLiterals = true;
        private boolean strings;

        void read(JsonParser p, JsonToken token) {
            switch (token) {
                case VALUE_NUMBER_INT -> numbers.add(p.getDoubleValue());
                case VALUE_NUMBER_FLOAT -> {
                    integerLiterals = false;
                    numbers.add(p.getDoubleValue());
                }
                case VALUE_NULL -> missing++;
                case VALUE_TRUE -> label(dictionary.code("true"));
                case VALUE_FALSE -> label(dictionary.code("false"));
                case VALUE_STRING -> string(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
                default -> throw InvalidJsonValueException.of(p, RawColumn.class,
                        "must be a number, a string, a boolean or null");
            }
        }

        /** A string value, read from the parser's buffer: missing, ±∞, or a label. */
        private void string(char[] chars, int offset, int length) {
            if (is("NaN", chars, offset, length)) {
                missing++;
            } else if (is("Infinity", chars, offset, length) || is("+Infinity", chars, offset, length)) {
                integerLiterals = false;
                numbers.add(Double.POSITIVE_INFINITY);
            } else if (is("-Infinity", chars, offset, length)) {
                integerLiterals = false;
                numbers.add(Double.NEGATIVE_INFINITY);
            } else {
                strings = true;
                label(dictionary.code(chars, offset, length));
            }
        }

        private static boolean is(String special, char[] chars, int offset, int length) {
            if (length != special.length()) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (chars[offset + i] != special.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private void label(int code) {
            if (labelCount == codes.length) {
                codes = Arrays.copyOf(codes, codes.length * 2);
            }
            codes[labelCount++] = code;
        }

        RawColumn finish(int rows, ForkJoinPool pool) {
            double[] values = numbers.toArray();
            if (labelCount > 0) {
                // a column mixing labels and numbers is categorical: its numbers become labels too
                for (double v : values) {
                    label(dictionary.code(text(v)));
                }
                return new RawColumn(rows, missing, 0, null, false, Arrays.copyOf(codes, labelCount),
                        dictionary.labels(), !strings, 0, null);
            }
            int infinite = 0;
            for (double v : values) {
                if (Double.isInfinite(v)) {
                    infinite++;
                }
            }
            boolean integers = integerLiterals && missing == 0;
            int finite = values.length - infinite;
            // integer columns keep their row order (they may be categorical); others are sorted in place
            double[] rowOrder = integers ? values : null;
            Future<double[]> sorted = pool.submit(() -> sortedFinite(values, finite, integers));
            return new RawColumn(rows, missing, values.length, rowOrder, integers, new int[0], new String[0], false,
                    infinite, sorted);
        }

        /** The finite values ascending, −0 as 0: in place when the row order is not kept and all are finite. */
        private static double[] sortedFinite(double[] values, int finite, boolean keepRowOrder) {
            double[] sorted = !keepRowOrder && finite == values.length ? values : new double[finite];
            int i = 0;
            for (double v : values) {
                if (Double.isFinite(v)) {
                    sorted[i++] = v + 0.0;
                }
            }
            Arrays.sort(sorted);
            return sorted;
        }

        private static String text(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }
}
