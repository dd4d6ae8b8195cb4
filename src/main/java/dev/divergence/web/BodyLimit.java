package dev.divergence.web;

import dev.divergence.config.DriftProperties;
import dev.divergence.config.LimitProperties;

/**
 * The largest request body an endpoint accepts: {@code divergence.drift.max-request-bytes} for {@code /v1/drift}
 * and {@code /v1/summaries}, {@code divergence.limits.max-request-bytes} elsewhere.
 *
 * @param maxRequestBytes the general limit, in bytes
 * @param maxDriftRequestBytes the drift and summaries limit, in bytes
 */
public record BodyLimit(long maxRequestBytes, long maxDriftRequestBytes) {

    /** @return the limits the configuration sets */
    public static BodyLimit of(LimitProperties limits, DriftProperties drift) {
        return new BodyLimit(limits.maxRequestBytes(), drift.maxRequestBytes());
    }

    private static boolean drift(String uri) {
        String endpoint = Endpoints.of(uri);
        return endpoint.startsWith("drift") || endpoint.startsWith("summaries");
    }

    /** @return the largest body, in bytes, the endpoint at this path accepts */
    public long bytesFor(String uri) {
        return drift(uri) ? maxDriftRequestBytes : maxRequestBytes;
    }

    /** @return the name of the property that sets {@link #bytesFor} for this path */
    public String propertyFor(String uri) {
        return drift(uri) ? "divergence.drift.max-request-bytes" : "divergence.limits.max-request-bytes";
    }
}
