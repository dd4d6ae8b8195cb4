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
 * {@code Content-Length} exceeds the configured limit ({@code divergence.drift.max-request-bytes} for
 * {@code /v1/drift} and {@code /v1/summaries}, {@code divergence.limits.max-request-bytes} elsewhere) with 413 before a byte of it is read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestMetricsFilter extends OncePerRequestFilter {

    private final ServiceMeters meters;
    private final long maxRequestBytes;
    private final JsonMapper mapper;

    private final long maxDriftRequestBytes;

    RequestMetricsFilter(ServiceMeters meters, LimitProperties limits, DriftProperties drift, JsonMapper mapper) {
        this.meters = meters;
        this.maxRequestBytes = limits.maxRequestBytes();
        this.maxDriftRequestBytes = drift.maxRequestBytes();
        this.mapper = mapper;
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
            long limit = endpoint.startsWith("drift") || endpoint.startsWith("summaries") ? maxDriftRequestBytes
                    : maxRequestBytes;
            if (length > limit) {
                String detail = payloadTooLargeDetail(length, limit);
                response.setHeader("Connection", "close");
                ProblemDetails.write(response, mapper, meters, ProblemType.PAYLOAD_TOO_LARGE, detail,
                        List.of(new Violation("", detail)), request.getRequestURI());
                return;
            }
            chain.doFilter(request, response);
        } finally {
            int status = response.getStatus();
            meters.countRequest(endpoint, status < 400 ? "success" : status < 500 ? "client_error" : "server_error");
        }
    }
}
