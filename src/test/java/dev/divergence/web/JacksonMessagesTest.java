package dev.divergence.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Jackson in use still words the failures {@link JacksonMessages} classifies the way it reads them: each case
 * is triggered for real, with the service's features and tiny limits.
 */
class JacksonMessagesTest {

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(3).maxNumberLength(5)
                            .maxStringLength(5).maxNameLength(5).maxDocumentLength(40).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private static Throwable read(String json) {
        return catchThrowable(() -> MAPPER.readValue(json, Map.class));
    }

    @Test
    void eachParserLimitIsRecognized() {
        assertThat(JacksonMessages.limit((StreamConstraintsException) read("{\"a\": [[[[1]]]]}")))
                .isEqualTo(JacksonMessages.Limit.NESTING_DEPTH);
        assertThat(JacksonMessages.limit((StreamConstraintsException) read("{\"a\": 1234567}")))
                .isEqualTo(JacksonMessages.Limit.NUMBER_LENGTH);
        assertThat(JacksonMessages.limit((StreamConstraintsException) read("{\"a\": \"abcdefgh\"}")))
                .isEqualTo(JacksonMessages.Limit.STRING_LENGTH);
        assertThat(JacksonMessages.limit((StreamConstraintsException) read("{\"abcdefgh\": 1}")))
                .isEqualTo(JacksonMessages.Limit.STRING_LENGTH);
        assertThat(JacksonMessages.limit((StreamConstraintsException)
                read("{\"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4, \"e\": 5, \"f\": 6, \"g\": 7}")))
                .isEqualTo(JacksonMessages.Limit.DOCUMENT_LENGTH);
    }

    @Test
    void trailingContentAndDuplicateKeysAreRecognizedAndNothingElseIs() {
        assertThat(JacksonMessages.isTrailingContent((MismatchedInputException) read("{\"a\": 1} {"))).isTrue();
        Throwable duplicate = read("{\"ab\": 1, \"ab\": 2}");
        assertThat(JacksonMessages.duplicateKey((StreamReadException) duplicate)).isEqualTo("ab");
        Throwable malformed = read("{\"a\": tru}");
        assertThat(JacksonMessages.duplicateKey((StreamReadException) malformed)).isNull();
        assertThat(JacksonMessages.isTrailingContent((MismatchedInputException) read("[1]"))).isFalse();
    }
}
