package dev.divergence.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mapper's number writing: doubles through Jackson's Schubfach writer (issue 18: JDK 17's Double.toString took a
 * quarter of a batch request's CPU), which writes the shortest decimal that reads back to the same double.
 */
class JacksonConfigTest {

    @Test
    void doublesAreWrittenByTheFastWriterAsTheShortestRoundTrip() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new JacksonConfig().strictJson().customize(builder);
        JsonMapper mapper = builder.build();
        assertThat(mapper.isEnabled(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)).isTrue();
        double[] values = {0.1 + 0.2, 5e-324, Double.MAX_VALUE, 1.0E23, 2.0E-3, 399.30685281944005, 1e-300 / 3};
        // the text of Python's repr and of Double.toString from JDK 19 on (both shortest round-trip)
        String json = mapper.writeValueAsString(values);
        assertThat(json).isEqualTo("[0.30000000000000004,4.9E-324,1.7976931348623157E308,1.0E23,0.002,"
                + "399.30685281944005,3.3333333333333334E-301]");
        assertThat(mapper.readValue(json, double[].class)).containsExactly(values);
    }
}
