package dev.divergence.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers what reaches the servlet container's error page (failures outside Spring MVC, e.g. a malformed
 * request line) with a problem+json instead of the default error body.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // asked for directly, not forwarded by the container with an error: there is nothing here
            ProblemType type = ProblemType.of(404);
            return ProblemDetails.response(type, "no resource at " + request.getRequestURI(), List.of(),
                    request.getRequestURI(), null);
        }
        int status = code instanceof Integer i ? i : 500;
        ProblemType type = ProblemType.of(status);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return ProblemDetails.response(type, type.title(), List.of(), uri == null ? null : uri.toString(), null);
    }
}
