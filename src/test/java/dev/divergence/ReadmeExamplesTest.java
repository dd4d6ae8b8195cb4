package dev.divergence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Replays every curl example of README.md and of the pages in docs/ against the running application and compares
 * the answer with the JSON block that follows it, exactly: the parsed JSON must be equal (every number the same
 * double, keys in the same order), so what the documentation shows is what the service answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadmeExamplesTest {

    private static final Pattern FENCE = Pattern.compile("```(bash|json)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CURL = Pattern.compile(
            "curl -s(?: -X (\\w+))? localhost:8080(\\S+)(?: -H '[^']*')*(?: -d '(.*)')?", Pattern.DOTALL);

    @LocalServerPort
    int port;

    record Example(String page, String method, String path, String body, String expected) {
        @Override
        public String toString() {
            return page + ": " + method + " " + path
                    + (body == null ? "" : " " + body.substring(0, Math.min(60, body.length())));
        }
    }

    /** @return the examples of README.md, then those of every docs/*.md page in name order */
    static Stream<Example> examples() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(d -> d.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<Example> examples = new ArrayList<>();
        for (Path page : pages) {
            examples.addAll(examples(page));
        }
        return examples.stream();
    }

    /** @return each curl command of {@code page} followed by a JSON block */
    static List<Example> examples(Path page) throws IOException {
        String text = Files.readString(page, StandardCharsets.UTF_8);
        List<Example> examples = new ArrayList<>();
        Matcher fence = FENCE.matcher(text);
        Example pending = null;
        while (fence.find()) {
            String block = fence.group(2).replace("\\\n", " ").replaceAll("\\s+", " ").trim();
            if (fence.group(1).equals("bash")) {
                Matcher curl = CURL.matcher(block);
                pending = curl.matches() ? new Example(page.toString(), curl.group(1) != null ? curl.group(1) : "GET",
                        curl.group(2), curl.group(3), null) : null;
            } else if (pending != null) {
                examples.add(new Example(page.toString(), pending.method(), pending.path(), pending.body(),
                        fence.group(2)));
                pending = null;
            }
        }
        return examples;
    }

    @Test
    void readmeAndApiPageHaveCurlExamples() throws IOException {
        assertThat(examples(Path.of("README.md"))).hasSizeGreaterThanOrEqualTo(4);
        assertThat(examples(Path.of("docs", "api.md"))).hasSizeGreaterThanOrEqualTo(10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void curlExampleAnswersAsTheReadmeShows(Example example) {
        replay(new HttpClientSupport(port), example);
    }

    /** Sends an example and checks status and body against the README (also used by the container tests). */
    static void replay(HttpClientSupport http, Example example) {
        HttpResponse<String> response = example.method().equals("POST") ? http.post(example.path(), example.body())
                : http.get(example.path());
        JsonNode expected = GoldenCorpus.JSON.readTree(example.expected());
        int status = expected.has("status") && expected.has("type") ? expected.get("status").asInt() : 200;
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertSameJson("", expected, GoldenCorpus.JSON.readTree(response.body()));
    }

    static void assertSameJson(String at, JsonNode expected, JsonNode actual) {
        assertThat(actual).as(at + " is missing").isNotNull();
        if (expected.isNumber()) {
            // the same kind of number (integer or floating point) and the same double, to the bit
            assertThat(actual.isNumber() && actual.isIntegralNumber() == expected.isIntegralNumber())
                    .as(at + " must be a number like " + expected + ": " + actual).isTrue();
            assertThat(Double.doubleToLongBits(actual.doubleValue())).as(at + ": " + actual + " instead of " + expected)
                    .isEqualTo(Double.doubleToLongBits(expected.doubleValue()));
        } else if (expected.isObject()) {
            assertThat(actual.propertyNames()).as(at + " keys").containsExactlyElementsOf(expected.propertyNames());
            for (Map.Entry<String, JsonNode> e : expected.properties()) {
                assertSameJson(at + "/" + e.getKey(), e.getValue(), actual.get(e.getKey()));
            }
        } else if (expected.isArray()) {
            assertThat(actual.size()).as(at + " size").isEqualTo(expected.size());
            Iterator<JsonNode> a = actual.values().iterator();
            int i = 0;
            for (JsonNode e : expected.values()) {
                assertSameJson(at + "/" + i++, e, a.next());
            }
        } else {
            assertThat(actual).as(at).isEqualTo(expected);
        }
    }
}
