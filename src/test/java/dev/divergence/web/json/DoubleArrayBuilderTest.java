package dev.divergence.web.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The builder must hand back exactly what was appended, in order, at lengths from empty to past a dozen chunk
 * boundaries (the first chunk holds 12 entries, the 16,385th entry is in a later one), whether entries come one by
 * one or are scanned by a {@link NumericArrayParser}. The reference is the seeded sequence itself (JSON written
 * with {@link Double#toString} round-trips every double exactly).
 */
class DoubleArrayBuilderTest {

    private static double[] sequence(int length, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = rng.nextDouble() * Math.scalb(1.0, rng.nextInt(-60, 60));
        }
        return values;
    }

    /**
     * Same length and the same bits at every index. AssertJ's {@code containsExactly} boxes every entry and
     * compares the arrays as lists (minutes at 10^6 entries); {@link Arrays#mismatch} does it in one pass, and
     * the first differing index is reported.
     */
    private static void assertSameBits(double[] actual, double[] expected) {
        assertThat(actual).hasSize(expected.length);
        int at = Arrays.mismatch(actual, expected);
        assertThat(at).as(() -> "first difference at index " + at + ": " + actual[at] + " instead of " + expected[at])
                .isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 11, 12, 13, 16_383, 16_384, 16_385, 65_537, 300_007, 1_000_003})
    void entriesAddedOneByOneComeBackInOrderAndExactlySized(int length) {
        double[] expected = sequence(length, length);
        DoubleArrayBuilder builder = new DoubleArrayBuilder();
        for (double v : expected) {
            builder.add(v);
        }
        assertThat(builder.size()).isEqualTo(length);
        assertSameBits(builder.toArray(), expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 13, 16_385, 163_851})
    void numbersScannedByTheParserComeBackInOrderAcrossChunks(int length) throws Exception {
        double[] expected = sequence(length, 31L * length);
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < length; i++) {
            json.append(i == 0 ? "" : i % 97 == 0 ? ",\n" : ",").append(expected[i]);
        }
        json.append(']');
        JsonFactory factory = new NumericArrayJsonFactory(
                JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER));
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        try (JsonParser p = factory.createParser(ObjectReadContext.empty(), new ByteArrayInputStream(bytes))) {
            NumericArrayParser fast = NumericArrayParser.of(p);
            assertThat(fast).isNotNull();
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            DoubleArrayBuilder builder = new DoubleArrayBuilder();
            int scanned = 0;
            JsonToken token;
            while (true) {
                scanned += builder.addFrom(fast);
                if ((token = p.nextToken()) == JsonToken.END_ARRAY) {
                    break;
                }
                builder.add(p.getDoubleValue());
            }
            assertSameBits(builder.toArray(), expected);
            // most entries came through the scanner, not token by token (numbers crossing the buffer's end don't)
            assertThat(scanned).isGreaterThan(length / 2);
        }
    }

    @Test
    void addFromReportsNothingWhenTheNextElementIsNotAPlainNumber() throws Exception {
        JsonFactory factory = new NumericArrayJsonFactory(JsonFactory.builder());
        byte[] bytes = "[\"NaN\",1.5]".getBytes(StandardCharsets.UTF_8);
        try (JsonParser p = factory.createParser(ObjectReadContext.empty(), bytes)) {
            NumericArrayParser fast = NumericArrayParser.of(p);
            p.nextToken();
            DoubleArrayBuilder builder = new DoubleArrayBuilder();
            assertThat(builder.addFrom(fast)).isZero();
            assertThat(builder.size()).isZero();
            assertThat(p.nextToken()).isEqualTo(JsonToken.VALUE_STRING);
            builder.add(Double.parseDouble(p.getString())); // reading the string completes its token

            assertThat(builder.addFrom(fast)).isEqualTo(1);
            assertThat(builder.toArray()).containsExactly(Double.NaN, 1.5);
        }
    }
}
