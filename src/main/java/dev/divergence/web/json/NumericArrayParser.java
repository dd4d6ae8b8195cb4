package dev.divergence.web.json;

import ch.randelshofer.fastdoubleparser.JsonDoubleParser;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.io.IOContext;
import tools.jackson.core.json.JsonReadContext;
import tools.jackson.core.json.UTF8StreamJsonParser;
import tools.jackson.core.sym.ByteQuadsCanonicalizer;

/**
 * Jackson's UTF-8 byte-stream parser with one addition, {@link #readNumbers}: the plain numbers of the array
 * being read are scanned straight from the parser's input buffer into a {@code double[]}, with no token, no
 * {@code char[]} copy and no {@code String} per number.
 *
 * <p>It is an accelerator, never a second grammar: it takes only what it can prove is a strict JSON number
 * (RFC 8259 §6) followed by whitespace, {@code ,} or {@code ]}, lying wholly inside the buffer, and no longer
 * than the configured {@code maxNumberLength}. It stops before anything else (a string such as
 * {@code "-Infinity"}, a nested array, the end of the array, a number that runs past the end of the buffer,
 * {@code \r}, or any malformed input), leaving the parser exactly where {@link #nextToken()} continues and
 * applies Jackson's own rules, limits and error messages. Values are identical to the standard path's:
 * integers of up to 18 characters convert from {@code long} as Jackson does ({@code -0} is {@code +0.0}),
 * everything else goes through FastDoubleParser's correctly rounded {@link JsonDoubleParser}, the library
 * Jackson itself uses for {@code USE_FAST_DOUBLE_PARSER}.
 *
 * <p>It keeps the state {@link #nextToken()} relies on: the input pointer, the line count for locations, and the
 * array context's index (one {@code expectComma()} per value, as {@code nextToken()} does), so errors after a
 * fast stretch carry the right pointer. {@link #currentToken()} is not updated by a fast stretch; callers read
 * the values from the array they passed in. With a {@code maxTokenCount} limit configured (the service sets none),
 * every number must be counted as a token, so the fast path stands aside.
 */
public final class NumericArrayParser extends UTF8StreamJsonParser {

    /** Numbers longer than this (rare: exact decimal expansions, say) go through the standard path. */
    private static final int MAX_FAST_LENGTH = 40;

    /** Integers of at most this many characters (sign included) fit in a long. */
    private static final int MAX_LONG_DIGITS = 18;
    /**
     * The digits of a decimal literal are accumulated as an integer m while there are at most this many of them
     * (m < 10^18 fits in a long). A literal without an exponent whose digits all fit, with m ≤ 2^53 and at most 22
     * of them after the point, takes the exact fast path: m and 10^f are exact doubles, so m / 10^f is the
     * correctly rounded value (Clinger 1990, "How to read floating point numbers accurately", the fast path), as
     * FastDoubleParser's is. Python's and Java's shortest round-trip output of doubles in [0, 1) meets it about
     * two times in three (16 significant digits and below 2^53); the rest goes to FastDoubleParser.
     */
    private static final int MAX_ACCUMULATED_DIGITS = 18;

    /** 2^53: every integer up to it is exact in a double. */
    private static final long EXACT_INTEGER_LIMIT = 1L << 53;


    /** Eight bytes of a {@code byte[]} as one little-endian long, for scanning digits eight at a time. */
    private static final VarHandle EIGHT_BYTES =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int maxFastLength;
    /** Whether a number with a fraction or an exponent was read fast since {@link #takeFractionSeen()}. */
    private boolean fractionSeen;

    NumericArrayParser(ObjectReadContext readCtxt, IOContext ioCtxt, int streamReadFeatures,
            int formatReadFeatures, InputStream in, ByteQuadsCanonicalizer symbols, byte[] buffer, int start,
            int end, int bytesPreProcessed, boolean bufferRecyclable) {
        super(readCtxt, ioCtxt, streamReadFeatures, formatReadFeatures, in, symbols, buffer, start, end,
                bytesPreProcessed, bufferRecyclable);
        this.maxFastLength = Math.min(MAX_FAST_LENGTH, _streamReadConstraints.getMaxNumberLength());
    }

    /**
     * Reads the plain numbers that follow in the array the parser is in, until {@code values} is full or the
     * next thing is not a plain number lying wholly in the buffer; the caller then continues with
     * {@link #nextToken()} (which reads the next element, loads more input, or ends the array) and may call
     * this again.
     *
     * @param values where the numbers go, from index {@code count}
     * @param count how many entries of {@code values} are already filled
     * @return the new count (equal to {@code count} when nothing could be read fast)
     */
    public int readNumbers(double[] values, int count) {
        JsonReadContext context = _streamReadContext;
        JsonToken current = _currToken;
        if (_trackMaxTokenCount || _tokenIncomplete || !context.inArray() || !(current == JsonToken.START_ARRAY
                || current == JsonToken.VALUE_NUMBER_FLOAT || current == JsonToken.VALUE_NUMBER_INT
                || current == JsonToken.VALUE_STRING)) {
            // a token budget to count (maxTokenCount), a string not yet read, not inside an array, or just after a
            // nested one: Jackson's path
            return count;
        }
        final byte[] buf = _inputBuffer;
        final int end = _inputEnd;
        int ptr = _inputPtr;
        int row = _currInputRow;
        int rowStart = _currInputRowStart;
        boolean needComma = context.hasCurrentIndex();
        int filled = count;
        scan:
        while (filled < values.length) {
            int i = ptr;
            int pendingRow = row;
            int pendingRowStart = rowStart;
            // whitespace, the separating comma, whitespace
            for (boolean commaSeen = !needComma; ; ) {
                if (i >= end) {
                    break scan;
                }
                byte b = buf[i];
                if (b == ' ' || b == '\t') {
                    i++;
                } else if (b == '\n') {
                    i++;
                    pendingRow++;
                    pendingRowStart = i;
                } else if (b == ',' && !commaSeen) {
                    commaSeen = true;
                    i++;
                } else if (commaSeen) {
                    break;
                } else {
                    break scan;
                }
            }
            // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, the digits accumulated as they are validated
            final int start = i;
            boolean negative = buf[i] == '-';
            if (negative && ++i >= end) {
                break;
            }
            byte b = buf[i];
            long mantissa = 0;
            int integerDigits;
            if (b == '0') {
                i++;
                integerDigits = 1;
            } else if (b >= '1' && b <= '9') {
                int from = i;
                if (i + Long.BYTES <= end) {
                    // up to eight digits at once: how many lead the next eight bytes, then their value
                    long v = (long) EIGHT_BYTES.get(buf, i);
                    int leading = leadingDigits(v);
                    mantissa = eightDigits(v << ((Long.BYTES - leading) << 3));
                    i += leading;
                }
                while (i < end && (b = buf[i]) >= '0' && b <= '9' && i - from < MAX_LONG_DIGITS) {
                    mantissa = mantissa * 10 + (b - '0');
                    i++;
                }
                i = digits(buf, i, end);
                integerDigits = i - from;
            } else {
                break;
            }
            boolean integral = true;
            boolean exponentSeen = false;
            int fractionDigits = 0;
            if (i < end && buf[i] == '.') {
                integral = false;
                int fraction = ++i;
                int room = MAX_ACCUMULATED_DIGITS - integerDigits;
                // up to eight digits at a time while they fit
                while (room > 0 && i + Long.BYTES <= end) {
                    long v = (long) EIGHT_BYTES.get(buf, i);
                    int take = Math.min(leadingDigits(v), room);
                    if (take == 0) {
                        break;
                    }
                    mantissa = mantissa * LONG_POWERS_OF_TEN[take] + eightDigits(v << ((Long.BYTES - take) << 3));
                    i += take;
                    room -= take;
                    if (take < Long.BYTES) {
                        break;
                    }
                }
                while (i < end && (b = buf[i]) >= '0' && b <= '9'
                        && integerDigits + (i - fraction) < MAX_ACCUMULATED_DIGITS) {
                    mantissa = mantissa * 10 + (b - '0');
                    i++;
                }
                i = digits(buf, i, end);
                if (i == fraction) {
                    break;
                }
                fractionDigits = i - fraction;
            }
            if (i < end && (buf[i] == 'e' || buf[i] == 'E')) {
                integral = false;
                exponentSeen = true;
                i++;
                if (i < end && (buf[i] == '+' || buf[i] == '-')) {
                    i++;
                }
                int exponent = i;
                i = digits(buf, exponent, end);
                if (i == exponent) {
                    break;
                }
            }
            if (i >= end) {
                break; // the number may go on in the next buffer
            }
            b = buf[i];
            if (b != ',' && b != ']' && b != ' ' && b != '\n' && b != '\t') {
                break;
            }
            int length = i - start;
            if (length > maxFastLength) {
                break;
            }
            if (integral && integerDigits <= MAX_LONG_DIGITS) {
                values[filled++] = negative ? -mantissa : mantissa; // as Jackson: -0 is the integer 0
            } else if (!exponentSeen && integerDigits + fractionDigits <= MAX_ACCUMULATED_DIGITS
                    && mantissa <= EXACT_INTEGER_LIMIT && fractionDigits < POWERS_OF_TEN.length) {
                double value = mantissa / POWERS_OF_TEN[fractionDigits];
                values[filled++] = negative ? -value : value;
            } else {
                values[filled++] = JsonDoubleParser.parseDouble(buf, start, length);
            }
            fractionSeen |= !integral;
            context.expectComma();
            needComma = true;
            ptr = i;
            row = pendingRow;
            rowStart = pendingRowStart;
        }
        _inputPtr = ptr;
        _currInputRow = row;
        _currInputRowStart = rowStart;
        return filled;
    }

    /**
     * @return whether a number with a fraction or an exponent ({@code 1.0}, {@code 1e3}: JSON's float literals, as
     *         opposed to integer literals) was read by {@link #readNumbers} since the last call; the flag is cleared
     */
    public boolean takeFractionSeen() {
        boolean seen = fractionSeen;
        fractionSeen = false;
        return seen;
    }

    /**
     * @return the index of the first byte at or after {@code from} that is not an ASCII digit, or {@code end}
     */
    private static int digits(byte[] buf, int from, int end) {
        int i = from;
        // eight bytes at a time: a byte's high bit is set in (v + 0x46..) | (v - 0x30..) unless it is '0'..'9'.
        // Carries and borrows only move upwards, from a non-digit byte, so the lowest flag is exact.
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long v = (long) EIGHT_BYTES.get(buf, i);
            long flags = ((v + 0x4646464646464646L) | (v - 0x3030303030303030L)) & 0x8080808080808080L;
            if (flags != 0) {
                return i + (Long.numberOfTrailingZeros(flags) >>> 3);
            }
        }
        while (i < end && buf[i] >= '0' && buf[i] <= '9') {
            i++;
        }
        return i;
    }

    /**
     * @param v eight bytes, the first in the lowest byte
     * @return how many of them, from the first, are ASCII digits (0 to 8); the flag test of {@link #digits}
     */
    private static int leadingDigits(long v) {
        long flags = ((v + 0x4646464646464646L) | (v - 0x3030303030303030L)) & 0x8080808080808080L;
        return flags == 0 ? Long.BYTES : Long.numberOfTrailingZeros(flags) >>> 3;
    }

    /**
     * The value of eight ASCII digits, the first (most significant) in the lowest byte; bytes of 0 in the lowest
     * positions count as leading zeros (Lemire, "Fast numeric parsing", the SWAR eight-digit conversion).
     */
    private static long eightDigits(long v) {
        v = ((v & 0x0F0F0F0F0F0F0F0FL) * 2561) >>> 8;
        v = ((v & 0x00FF00FF00FF00FFL) * 6553601) >>> 16;
        return ((v & 0x0000FFFF0000FFFFL) * 42949672960001L) >>> 32;
    }

    /** 10^0 … 10^8. */
    private static final long[] LONG_POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L,
        10_000_000L, 100_000_000L};

    /** 10^0 … 10^22, each exact in a double. */
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * @param p any parser
     * @return {@code p} as a {@link NumericArrayParser}, or null if it is another kind (a char-based parser for
     *         a non-UTF-8 body, a buffering or filtering delegate, a parser from another factory)
     */
    public static NumericArrayParser of(JsonParser p) {
        return p instanceof NumericArrayParser fast ? fast : null;
    }
}
