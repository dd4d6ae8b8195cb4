package dev.divergence.web;

import dev.divergence.config.DriftProperties;
import dev.divergence.config.LimitProperties;
import dev.divergence.runtime.ServiceMeters;
import dev.divergence.validation.Violation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Counts every {@code /v1} request by endpoint and outcome, and refuses a body whose declared
 * {@code Content-Length} exceeds the configured limit ({@link BodyLimit}) with 413 before a byte of it is read. It
 * runs before {@link BodyArrivalFilter} receives the body; a request whose body is received asynchronously is
 * counted in the dispatch that processes it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class RequestMetricsFilter extends OncePerRequestFilter {

    private final ServiceMeters meters;
    private final BodyLimit limit;
    private final JsonMapper mapper;

    RequestMetricsFilter(ServiceMeters meters, LimitProperties limits, DriftProperties drift, JsonMapper mapper) {
        this.meters = meters;
        this.limit = BodyLimit.of(limits, drift);
        this.mapper = mapper;
    }

    /** The dispatch that processes a body received asynchronously is the one counted. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/v1/");
    }

    /** The detail of a 413 for a declared body length over the limit (also the OpenAPI document's example). */
    static String payloadTooLargeDetail(long length, long maxRequestBytes) {
        return "the body has " + length + " bytes, more than the limit of " + maxRequestBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String endpoint = Endpoints.of(request.getRequestURI());
        try {
            long length = request.getContentLengthLong();
            long max = limit.bytesFor(request.getRequestURI());
            if (length > max) {
                String detail = payloadTooLargeDetail(length, max);
                BodyRefusals.answerUnread(request, () -> {
                    response.setHeader("Connection", "close");
                    ProblemDetails.write(response, mapper, meters, ProblemType.PAYLOAD_TOO_LARGE, detail,
                            List.of(new Violation("", detail)), request.getRequestURI());
                });
                return;
            }
            chain.doFilter(request, response);
        } finally {
            boolean receiving = request.isAsyncStarted() && request.getAttribute(BodyReception.ATTRIBUTE) != null;
            if (!receiving) {
                int status = response.getStatus();
                meters.countRequest(endpoint, status < 400 ? "success" : status < 500 ? "client_error"
                        : "server_error");
            }
        }
    }
}
