package dev.divergence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.divergence.web.json.NumericArrayJsonFactory;
import dev.divergence.web.json.NumericArrayParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.core.JsonParser;
import tools.jackson.core.Version;
import tools.jackson.core.json.PackageVersion;
import tools.jackson.databind.json.JsonMapper;

/**
 * With {@code divergence.json.fast-number-arrays=false} every body is read by Jackson's own parser, token by token,
 * and every documented example still gets exactly the answer the documentation shows (the same examples
 * ReadmeExamplesTest replays with the scanner on). Also pins the Jackson versions the scanner was written for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "divergence.json.fast-number-arrays=false")
class JacksonOnlyParsingHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper jsonMapper;

    @Test
    void theApplicationReadsWithJacksonsOwnParser() {
        assertThat(jsonMapper.tokenStreamFactory()).isNotInstanceOf(NumericArrayJsonFactory.class);
        try (JsonParser p = jsonMapper.createParser(new ByteArrayInputStream(new byte[] {'[', '1', ']'}))) {
            assertThat(NumericArrayParser.of(p)).isNull();
        }
    }

    static Stream<ReadmeExamplesTest.Example> examples() throws IOException {
        return ReadmeExamplesTest.examples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyDocumentedExampleAnswersTheSameWithoutTheScanner(ReadmeExamplesTest.Example example) {
        ReadmeExamplesTest.replay(new HttpClientSupport(port), example);
    }

    /**
     * The scanner reads protected state of jackson-core's UTF8StreamJsonParser, which may change in any minor
     * release: when Spring Boot brings another Jackson, this fails, and the scanner's tests must be run and its
     * supported range widened (or the scanner changed) deliberately. Until then it stands aside by itself.
     */
    @Test
    void theScannerIsUsedOnlyOnTheJacksonVersionsItWasWrittenFor() {
        assertThat(NumericArrayJsonFactory.supports(PackageVersion.VERSION))
                .as("jackson-core %s on the classpath; the scanner supports %s", PackageVersion.VERSION,
                        NumericArrayJsonFactory.SUPPORTED_JACKSON)
                .isTrue();
        assertThat(NumericArrayJsonFactory.supports(new Version(3, 2, 0, null, null, null))).isFalse();
        assertThat(NumericArrayJsonFactory.supports(new Version(2, 21, 5, null, null, null))).isFalse();
    }
}
