package dev.divergence;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Authentication switched on: /v1 needs an API key or a JWT (RSA-signed here with a key generated for the test;
 * the service trusts its public key), 401 and 403 are problem+json, and health, Prometheus and the API documentation
 * stay open. Also the headers every answer carries: request id, standard security headers, CORS only for the
 * configured origin, no server banner.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "divergence.security.enabled=true", "divergence.security.api-keys=first-key-0123456789,second-key-9876543210",
    "divergence.security.required-scope=divergence", "divergence.security.cors-allowed-origins=https://app.example"})
class SecurityHttpTest {

    private static final KeyPair KEYS = rsaKeyPair();
    private static final String BODY = "{\"p\": [0.4, 0.6], \"q\": [0.5, 0.5]}";

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void trustTheTestKey(DynamicPropertyRegistry registry) throws IOException {
        Path pem = Files.createTempFile("divergence-test-key", ".pem");
        pem.toFile().deleteOnExit();
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> pem.toUri().toString());
    }

    @Test
    void withoutCredentialsTheApiAnswers401ProblemJson() {
        HttpResponse<String> r = post(BODY, null, null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).contains("Bearer");
        assertThat(type(r)).isEqualTo("urn:problem-type:divergence:unauthorized");
        assertThat(get("/v1/capabilities", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aConfiguredApiKeyOpensTheApiAndAWrongOneDoesNot() {
        assertThat(post(BODY, "second-key-9876543210", null).statusCode()).isEqualTo(200);
        HttpResponse<String> wrong = post(BODY, "second-key-9876543211", null);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("second-key");
    }

    @Test
    void aValidJwtWithTheScopeOpensTheApi() throws Exception {
        assertThat(post(BODY, null, jwt("divergence other", Instant.now().plusSeconds(300))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aJwtWithoutTheRequiredScopeIsForbidden() throws Exception {
        HttpResponse<String> r = post(BODY, null, jwt("other", Instant.now().plusSeconds(300)));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(type(r)).isEqualTo("urn:problem-type:divergence:forbidden");
    }

    @Test
    void anExpiredOrForeignJwtIsRefused() throws Exception {
        assertThat(post(BODY, null, jwt("divergence", Instant.now().minusSeconds(300))).statusCode()).isEqualTo(401);
        assertThat(post(BODY, null, "not.a.jwt").statusCode()).isEqualTo(401);
    }

    @Test
    void healthPrometheusAndTheApiDocumentationStayOpen() {
        HttpClientSupport management = new HttpClientSupport(managementPort);
        assertThat(management.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(management.get("/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(200);
        assertThat(get("/v3/api-docs", null).body()).contains("\"apiKey\"", "\"bearer\"", "X-API-Key");
    }

    @Test
    void theApiDocumentShowsThePadlockAndItsExamplesAreTheRealAnswers() throws Exception {
        JsonNode doc = GoldenCorpus.JSON.readTree(get("/v3/api-docs", null).body());
        assertThat(doc.get("security").size()).isEqualTo(2);
        assertThat(doc.at("/components/securitySchemes").propertyNames()).containsExactlyInAnyOrder("apiKey", "bearer");
        String examples = "/paths/~1v1~1divergences~1discrete/post/responses/%s/content/application~1problem+json"
                + "/examples/%s/value";
        ReadmeExamplesTest.assertSameJson("", doc.at(examples.formatted("401", "unauthorized")),
                GoldenCorpus.JSON.readTree(post(BODY, null, null).body()));
        ReadmeExamplesTest.assertSameJson("", doc.at(examples.formatted("403", "forbidden")),
                GoldenCorpus.JSON.readTree(post(BODY, null, jwt("other", Instant.now().plusSeconds(60))).body()));
        for (JsonNode path : doc.get("paths")) {
            JsonNode operation = path.has("post") ? path.get("post") : path.get("get");
            assertThat(operation.get("responses").propertyNames()).contains("401", "403");
        }
    }

    @Test
    void everyAnswerCarriesARequestIdAndTheSecurityHeadersButNoServerBanner() {
        HttpResponse<String> r = post(BODY, "first-key-0123456789", null);
        assertThat(r.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(r.headers().firstValue("Server")).isEmpty();
        HttpResponse<String> echoed = send(HttpRequest.newBuilder(uri("/v1/capabilities"))
                .header("X-API-Key", "first-key-0123456789").header("X-Request-Id", "trace-42").GET().build());
        assertThat(echoed.headers().firstValue("X-Request-Id")).hasValue("trace-42");
    }

    @Test
    void corsAnswersTheConfiguredOriginOnly() {
        HttpResponse<String> allowed = send(HttpRequest.newBuilder(uri("/v1/divergences/discrete"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "POST").build());
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example");
        HttpResponse<String> other = send(HttpRequest.newBuilder(uri("/v1/divergences/discrete"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").build());
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private static String jwt(String scope, Instant expiry) throws Exception {
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .subject("pipeline-7").claim("scope", scope).issueTime(new Date())
                .expirationTime(Date.from(expiry)).build());
        token.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
        return token.serialize();
    }

    private HttpResponse<String> post(String body, String apiKey, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/v1/divergences/discrete"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            b.header("X-API-Key", apiKey);
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return send(b.build());
    }

    private HttpResponse<String> get(String path, String apiKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (apiKey != null) {
            b.header("X-API-Key", apiKey);
        }
        return send(b.build());
    }

    private URI uri(String path) {
        return new HttpClientSupport(port).uri(path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        return new HttpClientSupport(port).send(request);
    }

    private static String type(HttpResponse<String> r) {
        JsonNode problem = GoldenCorpus.JSON.readTree(r.body());
        return problem.get("type").asString();
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
