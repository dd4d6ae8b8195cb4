package dev.divergence.web;

import dev.divergence.runtime.ServiceMeters;
import dev.divergence.validation.Violation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/** Builds the RFC 9457 body shared by every error response. */
final class ProblemDetails {

    private static final JsonMapper PLAIN = JsonMapper.builder().build();

    private ProblemDetails() {
    }

    static ProblemDetail of(ProblemType type, String detail, List<Violation> errors, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        if (instance != null) {
            problem.setInstance(java.net.URI.create(instance.replace(" ", "%20")));
        }
        problem.setProperty("errors", errors.stream().map(v -> new Error(v.pointer(), v.detail(),
                (v.problem() == null ? type : ProblemType.of(v.problem())).uri().toString())).toList());
        return problem;
    }

    /**
     * One entry of a problem's {@code errors}.
     *
     * @param pointer JSON Pointer (RFC 6901) into the request
     * @param detail what is wrong with that value
     * @param type the problem type URI of this entry (a request can hold values wrong in different ways)
     */
    record Error(String pointer, String detail, String type) {
    }

    /**
     * The same body as JSON text, for writers outside Spring MVC and its message converters (Tomcat's error
     * report valve): the members in the order a problem always has.
     */
    static String json(ProblemType type, String detail, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri().toString());
        body.put("title", type.title());
        body.put("status", type.status().value());
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        body.put("errors", List.of());
        return PLAIN.writeValueAsString(body);
    }

    /**
     * Writes a problem from a servlet filter or handler, outside Spring MVC, and counts the rejection. Headers the
     * caller set (Retry-After, Connection) stay.
     *
     * @throws IOException when the client is gone
     */
    static void write(HttpServletResponse response, JsonMapper mapper, ServiceMeters meters, ProblemType type,
            String detail, List<Violation> errors, String instance) throws IOException {
        meters.countRejection(Endpoints.of(instance), type.slug());
        response.setStatus(type.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), of(type, detail, errors, instance));
    }

    static ResponseEntity<Object> response(ProblemType type, String detail, List<Violation> errors, String instance,
            HttpHeaders headers) {
        HttpHeaders h = new HttpHeaders();
        if (headers != null) {
            h.putAll(headers);
        }
        h.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(type.status()).headers(h).body(of(type, detail, errors, instance));
    }
}
