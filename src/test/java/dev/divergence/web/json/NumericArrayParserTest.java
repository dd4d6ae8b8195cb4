package dev.divergence.web.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonFactoryBuilder;

/**
 * The fast path must be invisible: for every input, reading the arrays with {@link NumericArrayParser#readNumbers}
 * gives bit for bit the values, the end location and the error message of Jackson's own parser reading them
 * token by token (the reference), whether the bytes come as one array, as a stream, or as a stream that
 * delivers a few bytes per read (so that numbers straddle the parser's buffer).
 */
class NumericArrayParserTest {

    private static final long SEED = 20261122L;

    private static JsonFactoryBuilder builder() {
        return JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER);
    }

    private static final JsonFactory STANDARD = builder().build();
    private static final JsonFactory FAST = new NumericArrayJsonFactory(builder());

    /** How the same bytes reach a parser. */
    enum Source {
        BYTES, STREAM, TRICKLE;

        JsonParser open(JsonFactory factory, byte[] json, long seed) {
            return switch (this) {
                case BYTES -> factory.createParser(ObjectReadContext.empty(), json);
                case STREAM -> factory.createParser(ObjectReadContext.empty(), new ByteArrayInputStream(json));
                case TRICKLE -> factory.createParser(ObjectReadContext.empty(), new Trickle(json, seed));
            };
        }
    }

    /** At most 1 to 13 bytes per read. */
    private static final class Trickle extends InputStream {
        private final byte[] data;
        private final UniformRandomProvider rng;
        private int next;

        Trickle(byte[] data, long seed) {
            this.data = data;
            this.rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        }

        @Override
        public int read() {
            return next < data.length ? data[next++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (next >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, 1 + rng.nextInt(13)), data.length - next);
            System.arraycopy(data, next, b, off, n);
            next += n;
            return n;
        }
    }

    /**
     * Reads {@code {"name": [numbers...], ...}} to its end: each array's values as raw bits, then the location
     * after the last token; or the error message (which carries Jackson's location).
     */
    private static String read(JsonParser p, boolean fast) {
        StringBuilder out = new StringBuilder();
        try (p) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            String name;
            while ((name = p.nextName()) != null) {
                expect(p.nextToken(), JsonToken.START_ARRAY);
                double[] values = readArray(p, fast);
                out.append(name).append('=');
                for (double v : values) {
                    out.append(Long.toHexString(Double.doubleToRawLongBits(v))).append(',');
                }
                out.append('\n');
            }
            expect(p.currentToken(), JsonToken.END_OBJECT);
            expect(p.nextToken(), null);
            TokenStreamLocation end = p.currentLocation();
            out.append("end ").append(end.getLineNr()).append(':').append(end.getColumnNr())
                    .append(" @").append(end.getByteOffset());
        } catch (JacksonException e) {
            out.append("error ").append(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        } catch (NumberFormatException e) {
            TokenStreamLocation at = p.currentLocation();
            out.append("string that is not a number: ").append(e.getMessage()).append(" at ")
                    .append(at.getLineNr()).append(':').append(at.getColumnNr());
        }
        return out.toString();
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        assertThat(actual).isEqualTo(expected);
    }

    /** The deserializers' loop: fast stretches, then one standard token, again. */
    private static double[] readArray(JsonParser p, boolean fast) {
        NumericArrayParser accelerated = fast ? NumericArrayParser.of(p) : null;
        if (fast) {
            assertThat(accelerated).as("a UTF-8 source gets the fast parser").isNotNull();
        }
        double[] values = new double[4];
        int n = 0;
        while (true) {
            if (accelerated != null) {
                n = accelerated.readNumbers(values, n);
                if (n == values.length) {
                    values = Arrays.copyOf(values, n * 2);
                    continue;
                }
            }
            JsonToken token = p.nextToken();
            if (token == JsonToken.END_ARRAY) {
                return Arrays.copyOf(values, n);
            }
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
            }
            values[n++] = token == JsonToken.VALUE_STRING ? Double.parseDouble(p.getString()) : p.getDoubleValue();
        }
    }

    private static void assertSameAsJackson(String json) {
        assertSameAsJackson(json.getBytes(StandardCharsets.UTF_8), STANDARD, FAST, true);
    }

    private static void assertSameAsJackson(byte[] json, JsonFactory standard, JsonFactory fast, boolean utf8) {
        for (Source source : Source.values()) {
            String expected = read(source.open(standard, json, SEED), false);
            String actual = read(source.open(fast, json, SEED), utf8);
            assertThat(actual).as("%s, %s", source, new String(json, StandardCharsets.UTF_8)).isEqualTo(expected);
        }
    }

    private static final String[] SPACES = {"", "", "", " ", "\n", "\t", "\r\n", " \n\t ", "\n\n"};

    /** A JSON number literal in one of many spellings, or now and then one of the special strings. */
    private static String literal(UniformRandomProvider rng) {
        double x = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-330, 300)); // finite, some subnormal
        return switch (rng.nextInt(16)) {
            case 0 -> Double.toString(rng.nextDouble()); // 0.123..., 1.0E-5
            case 1 -> Double.toString(x);
            case 2 -> String.format(Locale.ROOT, "%.17e", x);
            case 3 -> Long.toString(rng.nextLong());                              // 19 digits, beyond the long path
            case 4 -> Long.toString(rng.nextLong() >> rng.nextInt(64));         // 1 to 19 digits
            case 5 -> new BigDecimal(rng.nextDouble()).toPlainString();           // ~50 digits, beyond the fast path
            case 6 -> new BigDecimal(x).round(new MathContext(1 + rng.nextInt(25))).toString();
            case 7 -> {
                String s = Double.toString(0.5 + rng.nextDouble() / 2); // 0.5 to 1: no exponent
                yield s.substring(0, Math.min(s.length(), 3 + rng.nextInt(10)));
            }
            case 8 -> "\"" + new String[] {"-Infinity", "Infinity", "NaN"}[rng.nextInt(3)] + "\"";
            case 9 -> new String[] {"0", "-0", "0.0", "-0.0", "0e0", "1E+2", "1e-2", "-1E-0", "1e400", "-1e400",
                "1e-400", "4.9e-324", "2.2250738585072011e-308", "1.7976931348623157e308", "9007199254740993",
                "123456789012345678", "-123456789012345678", "999999999999999999", "1234567890123456789012"
            }[rng.nextInt(19)];
            case 10 -> "0." + "0".repeat(rng.nextInt(30)) + (1 + rng.nextInt(999_999_999));
            // short decimals, as data frames export them: the exact fast path (<= 15 digits) and just beyond it
            case 11, 12 -> String.format(Locale.ROOT, "%." + rng.nextInt(1, 15) + "f",
                    (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(0, 12)));
            // around the exact fast path's bound: all digits as an integer m ≤ 2^53, at most 22 after the point
            case 13 -> new String[] {"0.9007199254740992", "0.9007199254740993", "9007199254740.992",
                "900719925474099.3", "-0.9007199254740991", "0.12345678901234567", "0.123456789012345678",
                "0.1234567890123456789", "0.0000009007199254740992", "0.00000090071992547409921",
                "0.0000000000000000000001", "0.00000000000000000000001", "4503599627370496.5", "0.8931714622983443",
                "0.059647610433882114", "123456789.123456789"}[rng.nextInt(16)];
            case 14 -> {
                StringBuilder digits = new StringBuilder(rng.nextBoolean() ? "-0." : "0.");
                int n = rng.nextInt(14, 24);
                for (int i = 0; i < n; i++) {
                    digits.append((char) ('0' + rng.nextInt(10)));
                }
                yield digits.toString();
            }
            default -> Double.toString(rng.nextDouble() * 1e-3);
        };
    }

    @Test
    void randomDocumentsReadTheSameAsJacksonsParserFromEverySource() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        for (int doc = 0; doc < 300; doc++) {
            StringBuilder json = new StringBuilder("{");
            int arrays = 1 + rng.nextInt(3);
            for (int a = 0; a < arrays; a++) {
                json.append(a == 0 ? "" : ",").append(SPACES[rng.nextInt(SPACES.length)])
                        .append("\"a").append(a).append("\":").append(SPACES[rng.nextInt(SPACES.length)]).append('[');
                int n = rng.nextInt(doc % 10 == 0 ? 3_000 : 60);
                for (int i = 0; i < n; i++) {
                    json.append(SPACES[rng.nextInt(SPACES.length)]).append(literal(rng))
                            .append(SPACES[rng.nextInt(SPACES.length)]).append(i + 1 < n ? "," : "");
                }
                json.append(SPACES[rng.nextInt(SPACES.length)]).append(']');
            }
            json.append(SPACES[rng.nextInt(SPACES.length)]).append('}');
            assertSameAsJackson(json.toString());
        }
    }

    @Test
    void valuesAreTheCorrectlyRoundedDoublesOfTheirLiterals() {
        // independent of both parsers: BigDecimal's exact value rounded by doubleValue (correctly rounded)
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED + 1);
        List<String> literals = new ArrayList<>();
        while (literals.size() < 20_000) {
            String s = literal(rng);
            if (!s.startsWith("\"")) {
                literals.add(s);
            }
        }
        byte[] json = ("{\"p\":[" + String.join(",", literals) + "]}").getBytes(StandardCharsets.UTF_8);
        try (JsonParser p = Source.STREAM.open(FAST, json, SEED)) {
            p.nextToken();
            p.nextName();
            p.nextToken();
            double[] values = readArray(p, true);
            assertThat(values).hasSize(literals.size());
            for (int i = 0; i < values.length; i++) {
                String s = literals.get(i);
                double expected = s.equals("-0") ? 0.0 : new BigDecimal(s).doubleValue(); // Jackson: -0 is an int
                if (s.startsWith("-") && expected == 0 && !s.equals("-0")) {
                    expected = -0.0; // BigDecimal has no negative zero
                }
                assertThat(Double.doubleToRawLongBits(values[i])).as(s)
                        .isEqualTo(Double.doubleToRawLongBits(expected));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,,2]", "[1 2]", "[01]", "[1.]", "[-]", "[1e]", "[.5]", "[1,]", "[1.5x]", "[+1]",
        "[NaN]", "[1,2", "[1,2}", "[-a]", "[1e+]", "[00]", "[1.e5]", "[1 ,2 ,]", "[--1]", "[1]]", "[1,\u00002]",
        "[1,2\r\n,x]", "[1,\n\n 2,\n  \"x\"]", "[1, true]", "[1, null]", "[1, [2]]", "[1, {}]", "[-Infinity]",
        "[1\n,\n2\n,\n-]", "[0x10]", "[1_000]", "[1e5.5]", "[\u00a01]",
        // bytes just outside '0'..'9', and UTF-8 bytes >= 0x80, inside and after runs of 8+ digits
        "[123456789012\u00e9]", "[0.12345678\u00ff9]", "[12345678:]", "[12345678/]", "[0.1234567812345678\u00ba]",
        "[1.000000000000000000000000001x]"})
    void malformedArraysFailWithJacksonsMessageAndLocation(String array) {
        assertSameAsJackson("{\"p\": [0.5, 0.25],\n \"q\": " + array + "}");
    }

    static Stream<String> longNumbers() {
        return Stream.of("[1.2345678]", "[1.23456789]", "[12345678]", "[123456789]", "[-12345678]", "[1e-1234567]",
                "[0.1, 0.000000001]", "[1234.5678, 1]");
    }

    @ParameterizedTest
    @MethodSource("longNumbers")
    void theNumberLengthLimitAppliesAsInJackson(String array) {
        Function<JsonFactoryBuilder, JsonFactoryBuilder> limit = b -> b.streamReadConstraints(
                StreamReadConstraints.builder().maxNumberLength(8).build());
        byte[] json = ("{\"p\": " + array + "}").getBytes(StandardCharsets.UTF_8);
        assertSameAsJackson(json, limit.apply(builder()).build(), new NumericArrayJsonFactory(limit.apply(builder())),
                true);
    }

    @Test
    void theDocumentLengthLimitAppliesAsInJackson() {
        Function<JsonFactoryBuilder, JsonFactoryBuilder> limit = b -> b.streamReadConstraints(
                StreamReadConstraints.builder().maxDocumentLength(20_000).build());
        StringBuilder json = new StringBuilder("{\"p\": [0.5");
        while (json.length() < 100_000) {
            json.append(", 0.123456789");
        }
        json.append("]}");
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        JsonFactory standard = limit.apply(builder()).build();
        JsonFactory fast = new NumericArrayJsonFactory(limit.apply(builder()));
        for (Source source : List.of(Source.STREAM, Source.TRICKLE)) {
            String expected = read(source.open(standard, bytes, SEED), false);
            assertThat(expected).contains("error").contains("20000");
            assertThat(read(source.open(fast, bytes, SEED), true)).isEqualTo(expected);
        }
    }

    @Test
    void aTokenCountLimitAppliesAsInJackson() {
        Function<JsonFactoryBuilder, JsonFactoryBuilder> limit = b -> b.streamReadConstraints(
                StreamReadConstraints.builder().maxTokenCount(50).build());
        StringBuilder json = new StringBuilder("{\"p\": [0.5");
        for (int i = 0; i < 100; i++) {
            json.append(", ").append(i);
        }
        byte[] bytes = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        JsonFactory standard = limit.apply(builder()).build();
        JsonFactory fast = new NumericArrayJsonFactory(limit.apply(builder()));
        for (Source source : Source.values()) {
            String expected = read(source.open(standard, bytes, SEED), false);
            assertThat(expected).contains("error").contains("50");
            assertThat(read(source.open(fast, bytes, SEED), true)).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE", "UTF-16"})
    void otherEncodingsGoToJacksonsBootstrapperAndReadTheSame(String charset) {
        byte[] json = "{\"p\": [0.5, 1e-3, 2], \"q\": [\"-Infinity\", 3]}".getBytes(Charset.forName(charset));
        for (Source source : Source.values()) {
            String expected = read(source.open(STANDARD, json, SEED), false);
            assertThat(expected).startsWith("p=");
            try (JsonParser p = source.open(FAST, json, SEED)) {
                assertThat(NumericArrayParser.of(p)).isNull();
            }
            assertThat(read(source.open(FAST, json, SEED), false)).isEqualTo(expected);
        }
    }

    @Test
    void aUtf8ByteOrderMarkIsSkippedAsJacksonDoes() {
        byte[] text = "{\"p\": [0.5, 1e-3, 2]}".getBytes(StandardCharsets.UTF_8);
        byte[] json = new byte[text.length + 3];
        json[0] = (byte) 0xEF;
        json[1] = (byte) 0xBB;
        json[2] = (byte) 0xBF;
        System.arraycopy(text, 0, json, 3, text.length);
        assertSameAsJackson(json, STANDARD, FAST, true);
        assertThat(read(Source.BYTES.open(FAST, json, SEED), true)).startsWith("p=3fe0000000000000,");
    }

    @Test
    void theFastPathStopsAtTheEndOfItsArrayAndLeavesNestedArraysToTheCaller() {
        byte[] json = "[[1, 2], [3, 4, 5]]".getBytes(StandardCharsets.UTF_8);
        try (JsonParser p = Source.BYTES.open(FAST, json, SEED)) {
            NumericArrayParser fast = NumericArrayParser.of(p);
            double[] values = new double[8];
            expect(p.nextToken(), JsonToken.START_ARRAY);
            assertThat(fast.readNumbers(values, 0)).as("the outer array holds arrays").isZero();
            expect(p.nextToken(), JsonToken.START_ARRAY);
            assertThat(fast.readNumbers(values, 0)).isEqualTo(2);
            expect(p.nextToken(), JsonToken.END_ARRAY);
            assertThat(fast.readNumbers(values, 2)).as("after a nested array's end").isEqualTo(2);
            expect(p.nextToken(), JsonToken.START_ARRAY);
            assertThat(fast.readNumbers(values, 2)).isEqualTo(5);
            expect(p.nextToken(), JsonToken.END_ARRAY);
            expect(p.nextToken(), JsonToken.END_ARRAY);
            assertThat(Arrays.copyOf(values, 5)).containsExactly(1, 2, 3, 4, 5);
        }
    }

    @Test
    void copiesKeepTheFastParser() {
        try (JsonParser p = FAST.copy().createParser(ObjectReadContext.empty(), new byte[] {'[', '1', ']'})) {
            assertThat(NumericArrayParser.of(p)).isNotNull();
        }
    }
}
