package dev.divergence.web;

import dev.divergence.config.DriftProperties;
import dev.divergence.config.LimitProperties;
import dev.divergence.config.ResilienceProperties;
import dev.divergence.config.SecurityProperties;
import dev.divergence.validation.Violation;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Completes the OpenAPI document: the request and response examples of {@value #EXAMPLES} (real exchanges,
 * replayed by a test), and on every {@code /v1} operation the error responses it can give, each with
 * problem+json examples:
 * <ul>
 *   <li>400, 413, 415 and 422 from the example file where it has them;</li>
 *   <li>413 {@code payload-too-large}, and 503 {@code overloaded} and {@code deadline-exceeded} on every POST, their
 *   bodies written by the same code that writes the real answers, with this instance's settings;</li>
 *   <li>401 and 403, the security schemes and the padlock only when {@code divergence.security.enabled}.</li>
 * </ul>
 */
@Component
class ApiDocumentation implements OpenApiCustomizer {

    /** The classpath resource of the examples: path → exchanges (name, summary, request, status, response). */
    static final String EXAMPLES = "api-examples.json";

    private static final String PROBLEM_SCHEMA = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Map<String, String> ERROR_DESCRIPTIONS = Map.of(
            "400", "Invalid input: `type` says which kind, each `errors[].pointer` points at an offending value",
            "401", "No valid API key or bearer token (only when authentication is enabled)",
            "403", "Valid credentials without the required scope (only when authentication is enabled)",
            "413", "The body or the work it asks for exceeds a configured limit; the detail names the limit",
            "415", "The body is not application/json",
            "422", "Well-formed input for which the computation is undefined",
            "503", "The service is saturated (retry after Retry-After) or the computation ran past its deadline");

    private final Map<String, List<JsonNode>> exchanges;
    private final JsonMapper mapper;
    private final SecurityProperties security;
    private final ResilienceProperties resilience;
    private final LimitProperties limits;

    private final DriftProperties drift;

    ApiDocumentation(JsonMapper mapper, SecurityProperties security, ResilienceProperties resilience,
            LimitProperties limits, DriftProperties drift) {
        this.drift = drift;
        this.mapper = mapper;
        this.security = security;
        this.resilience = resilience;
        this.limits = limits;
        // the application's mapper carries the request limits (string and number length, nesting, document
        // length), which are not meant for this file
        this.exchanges = load(JsonMapper.builder().build());
    }

    /** @return the example exchanges by path, in file order */
    static Map<String, List<JsonNode>> load(JsonMapper mapper) {
        try (InputStream in = ApiDocumentation.class.getClassLoader().getResourceAsStream(EXAMPLES)) {
            if (in == null) {
                throw new IllegalStateException(EXAMPLES + " is missing from the classpath");
            }
            Map<String, List<JsonNode>> byPath = new LinkedHashMap<>();
            mapper.readTree(in).properties().forEach(e -> byPath.put(e.getKey(), e.getValue().valueStream().toList()));
            return byPath;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
        if (security.enabled()) {
            openApi.getComponents()
                    .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                            .in(SecurityScheme.In.HEADER).name(ApiKeyAuthenticationFilter.HEADER)
                            .description("An API key from divergence.security.api-keys"))
                    .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                            .bearerFormat("JWT")
                            .description("A JWT accepted by spring.security.oauth2.resourceserver.jwt.*"));
            openApi.security(List.of(new SecurityRequirement().addList("apiKey"),
                    new SecurityRequirement().addList("bearer")));
        }
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/v1/")) {
                document(path, item);
            }
        });
    }

    private void document(String path, PathItem item) {
        boolean post = item.getPost() != null;
        Operation operation = post ? item.getPost() : item.getGet();
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        for (JsonNode exchange : exchanges.getOrDefault(path, List.of())) {
            String name = exchange.get("name").asString();
            String summary = exchange.get("summary").asString();
            int status = exchange.get("status").asInt();
            if (status == 200 && post) {
                MediaType request = operation.getRequestBody().getContent()
                        .get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
                request.addExamples(name, example(summary, exchange.get("request")));
            }
            JsonNode response = exchange.get("response");
            if (response != null && !response.isNull()) {
                addExample(operation, Integer.toString(status), name, example(summary, response));
            }
        }
        if (post) {
            String endpoint = Endpoints.of(path);
            boolean driftPath = endpoint.equals("drift") || endpoint.startsWith("summaries");
            long maxBytes = driftPath ? drift.maxRequestBytes() : limits.maxRequestBytes();
            addExample(operation, "413", "body-too-large", example("A Content-Length over "
                    + (driftPath ? "divergence.drift.max-request-bytes" : "divergence.limits.max-request-bytes")
                    + ", refused before the body is read", problem(ProblemType.PAYLOAD_TOO_LARGE,
                    RequestMetricsFilter.payloadTooLargeDetail(maxBytes + 1, maxBytes), "", path)));
            addExample(operation, "503", "overloaded", example("Every compute slot is taken: retry after Retry-After",
                    problem(ProblemType.OVERLOADED, ProblemAdvice.overloadedDetail(resilience.admittedComputations(),
                            ProblemAdvice.retryAfterSeconds(resilience.retryAfter())), null, path)));
            addExample(operation, "503", "deadline-exceeded", example("The computation ran past "
                    + "divergence.resilience.compute-deadline", problem(ProblemType.DEADLINE_EXCEEDED,
                    ProblemAdvice.deadlineDetail(resilience.computeDeadline().toMillis()), null, path)));
        }
        if (security.enabled()) {
            addExample(operation, "401", "unauthorized", example("No API key and no bearer token",
                    problem(ProblemType.UNAUTHORIZED, SecurityConfig.UNAUTHORIZED_DETAIL, null, path)));
            addExample(operation, "403", "forbidden", example("A token without the required scope",
                    problem(ProblemType.FORBIDDEN, SecurityConfig.FORBIDDEN_DETAIL, null, path)));
        }
    }

    private static void addExample(Operation operation, String status, String name, Example example) {
        ApiResponse response = operation.getResponses().computeIfAbsent(status, s -> new ApiResponse());
        boolean error = status.charAt(0) != '2';
        if (response.getDescription() == null || response.getDescription().isEmpty()) {
            response.setDescription(ERROR_DESCRIPTIONS.getOrDefault(status, "OK"));
        }
        if (response.getContent() == null) {
            response.setContent(new Content());
        }
        String mediaType = error ? PROBLEM_JSON : org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
        MediaType content = response.getContent().computeIfAbsent(mediaType, m -> new MediaType());
        if (error && content.getSchema() == null) {
            content.setSchema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA));
        }
        content.addExamples(name, example);
    }

    private Example example(String summary, Object value) {
        // as a tree of the OpenAPI writer's own Jackson: written as it is, keys in their order (the writer sorts
        // the keys of maps, which would put a problem's "type" last and a request's "p" and "q" after its options)
        try {
            return new Example().summary(summary).value(Json.mapper().readTree(mapper.writeValueAsString(value)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object problem(ProblemType type, String detail, String pointer, String path) {
        return ProblemDetails.of(type, detail, pointer == null ? List.of() : List.of(new Violation(pointer, detail)),
                path);
    }

    private static Schema<?> problemSchema() {
        ObjectSchema violation = new ObjectSchema();
        violation.addProperty("pointer", new StringSchema().description("RFC 6901 JSON Pointer into the request"));
        violation.addProperty("detail", new StringSchema().description("what is wrong with that value"));
        violation.addProperty("type", new StringSchema().description("the problem type of this entry"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("type", new StringSchema().description("urn:problem-type:divergence:<kind>"));
        problem.addProperty("title", new StringSchema().description("fixed per type"));
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema().description("what was wrong with this request"));
        problem.addProperty("instance", new StringSchema().description("the request path"));
        problem.addProperty("errors", new ArraySchema().items(violation));
        return problem;
    }
}
