package dev.divergence.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Replaces Tomcat's HTML error page for requests rejected before they reach Spring MVC (a malformed request
 * line, an invalid percent-encoding) with a problem+json body that names no server, version or class, and gives
 * it the headers every other answer has: {@code X-Request-Id} (the caller's, or a new one) and the security
 * headers Spring Security writes (these requests never reach its filter chain).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.isCommitted() || response.getContentWritten() > 0) {
            return;
        }
        try {
            response.setHeader(RequestIdFilter.HEADER, RequestIdFilter.idFor(request.getHeader(RequestIdFilter.HEADER)));
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                ProblemType type = ProblemType.of(status);
                writer.write(ProblemDetails.json(type, "the HTTP request could not be processed", null));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was taken over: nothing more to write
        }
    }
}
