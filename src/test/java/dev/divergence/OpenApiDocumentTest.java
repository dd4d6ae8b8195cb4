package dev.divergence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The committed {@code openapi/openapi.yaml} is exactly what the running service serves. Regenerate it with
 * {@code ./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.update=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentTest {

    private static final Path COMMITTED = Path.of("openapi", "openapi.yaml");

    @LocalServerPort
    int port;

    @Test
    void committedDocumentMatchesTheServedOne() throws IOException {
        var response = new HttpClientSupport(port).get("/v3/api-docs.yaml");
        assertThat(response.statusCode()).isEqualTo(200);
        String served = response.body();
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        assertThat(COMMITTED).as("run with -Dopenapi.update=true to regenerate").exists();
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("openapi/openapi.yaml has drifted from the served document; regenerate with -Dopenapi.update=true")
                .isEqualTo(served);
    }

    @Test
    void swaggerUiIsServed() {
        var response = new HttpClientSupport(port).get("/swagger-ui/index.html");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Swagger UI");
    }
}
