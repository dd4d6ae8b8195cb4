package dev.divergence.web;

import dev.divergence.validation.Violation;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds the RFC 9457 body shared by every error response. */
final class ProblemDetails {

    private ProblemDetails() {
    }

    static ProblemDetail of(ProblemType type, String detail, List<Violation> errors, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        if (instance != null) {
            problem.setInstance(java.net.URI.create(instance.replace(" ", "%20")));
        }
        problem.setProperty("errors", errors);
        return problem;
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
