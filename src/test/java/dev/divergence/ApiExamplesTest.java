package dev.divergence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The examples of the OpenAPI document are real: each exchange of {@code src/main/resources/api-examples.json}
 * is sent to the running service and must get exactly the status and body it shows; the problem examples the
 * document adds to every operation are what the service answers; and with authentication off (the default) the
 * document has no security schemes, no padlock and no 401/403. Regenerate the example answers from the service
 * with {@code ./mvnw test -Dtest=ApiExamplesTest -Dexamples.update=true} (the requests stay as written).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiExamplesTest {

    private static final Path EXAMPLES = Path.of("src", "main", "resources", "api-examples.json");

    @LocalServerPort
    int port;

    record Exchange(String path, JsonNode node) {
        @Override
        public String toString() {
            return path + " " + node.get("name").asString() + " (" + node.get("status").asInt() + ")";
        }
    }

    /** The example file, read once; in update mode the replay records each answer in it. */
    private static final ObjectNode ROOT = (ObjectNode) GoldenCorpus.JSON.readTree(EXAMPLES.toFile());

    static Stream<Exchange> exchanges() {
        List<Exchange> all = new ArrayList<>();
        ROOT.properties().forEach(e -> e.getValue().valueStream().forEach(x -> all.add(new Exchange(e.getKey(), x))));
        return all.stream();
    }

    private HttpResponse<String> send(Exchange exchange) {
        JsonNode x = exchange.node();
        String contentType = x.has("contentType") ? x.get("contentType").asString() : "application/json";
        String body = x.get("request").isString() ? x.get("request").asString() : x.get("request").toString();
        HttpClientSupport http = new HttpClientSupport(port);
        return http.send(HttpRequest.newBuilder(http.uri(exchange.path())).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exchanges")
    void everyExampleExchangeIsWhatTheServiceAnswers(Exchange exchange) {
        HttpResponse<String> response = send(exchange);
        if (Boolean.getBoolean("examples.update")) {
            ((ObjectNode) exchange.node()).set("response", GoldenCorpus.JSON.readTree(response.body()));
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(exchange.node().get("status").asInt());
        JsonNode expected = exchange.node().get("response");
        assertThat(expected.isNull()).as("no answer recorded: run with -Dexamples.update=true").isFalse();
        ReadmeExamplesTest.assertSameJson("", expected, GoldenCorpus.JSON.readTree(response.body()));
    }

    @Test
    void everyPostOperationDocumentsItsErrorsWithProblemExamplesAndNoPadlock() {
        JsonNode doc = GoldenCorpus.JSON.readTree(new HttpClientSupport(port).get("/v3/api-docs").body());
        assertThat(doc.has("security")).as("no padlock while authentication is off").isFalse();
        assertThat(doc.get("components").has("securitySchemes")).isFalse();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            JsonNode post = path.getValue().get("post");
            if (!path.getKey().startsWith("/v1/") || post == null) {
                continue;
            }
            operations++;
            JsonNode responses = post.get("responses");
            assertThat(responses.propertyNames()).as(path.getKey())
                    .contains("200", "400", "413", "415", "503").doesNotContain("401", "403");
            assertThat(responses.get("200").at("/content/application~1json/examples").size()).as(path.getKey())
                    .isGreaterThan(0);
            for (String status : List.of("400", "413", "415", "503")) {
                JsonNode examples = responses.get(status).at("/content/application~1problem+json/examples");
                assertThat(examples.size()).as(path.getKey() + " " + status).isGreaterThan(0);
                for (JsonNode example : examples) {
                    JsonNode value = example.get("value");
                    assertThat(value.get("status").asInt()).isEqualTo(Integer.parseInt(status));
                    assertThat(value.get("type").asString()).startsWith("urn:problem-type:divergence:");
                    assertThat(value.get("instance").asString()).isEqualTo(path.getKey());
                    assertThat(value.get("errors").isArray()).isTrue();
                }
            }
            assertThat(post.at("/requestBody/content/application~1json/examples").size()).isGreaterThan(0);
        }
        assertThat(operations).isEqualTo(8);
        assertThat(doc.at("/components/schemas/Problem/properties").propertyNames())
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "instance", "errors");
    }

    @Test
    void theBodyTooLargeExampleIsTheServicesAnswerToAnOversizedContentLength() throws IOException {
        JsonNode doc = GoldenCorpus.JSON.readTree(new HttpClientSupport(port).get("/v3/api-docs").body());
        JsonNode example = doc.at("/paths/~1v1~1divergences~1discrete/post/responses/413/content/"
                + "application~1problem+json/examples/body-too-large/value");
        long declared = Long.parseLong(example.get("detail").asString().replaceAll("the body has (\\d+) bytes.*", "$1"));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/divergences/discrete HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + declared + "\r\nConnection: close\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // read the head, then exactly Content-Length bytes: the server keeps reading the declared body a while
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            for (int b; !head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n") && (b = in.read()) >= 0; ) {
                head.write(b);
            }
            String headers = head.toString(StandardCharsets.US_ASCII);
            assertThat(headers).startsWith("HTTP/1.1 413");
            int length = Integer.parseInt(headers.replaceAll("(?is).*\r\ncontent-length: *(\\d+).*", "$1"));
            String answer = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            ReadmeExamplesTest.assertSameJson("", example, GoldenCorpus.JSON.readTree(answer));
        }
    }

    /** With -Dexamples.update=true: writes the answers recorded by the replay back into the example file. */
    @AfterAll
    static void writeTheRecordedAnswersWhenAsked() throws IOException {
        if (!Boolean.getBoolean("examples.update")) {
            return;
        }
        StringBuilder out = new StringBuilder("{\n");
        List<String> paths = new ArrayList<>(ROOT.propertyNames());
        for (int p = 0; p < paths.size(); p++) {
            out.append("  \"").append(paths.get(p)).append("\": [\n");
            List<JsonNode> list = ROOT.get(paths.get(p)).valueStream().toList();
            for (int i = 0; i < list.size(); i++) {
                List<String> fields = new ArrayList<>(list.get(i).propertyNames());
                out.append("    {");
                for (int f = 0; f < fields.size(); f++) {
                    out.append(f == 0 ? "" : ",\n     ").append(GoldenCorpus.JSON.writeValueAsString(fields.get(f)))
                            .append(": ").append(GoldenCorpus.JSON.writeValueAsString(list.get(i).get(fields.get(f))));
                }
                out.append(i + 1 < list.size() ? "},\n" : "}\n");
            }
            out.append(p + 1 < paths.size() ? "  ],\n" : "  ]\n");
        }
        Files.writeString(EXAMPLES, out.append("}\n").toString(), StandardCharsets.UTF_8);
    }
}
