package dev.divergence.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Optional authentication and CORS. Off by default: every endpoint is open, as on an internal network behind
 * its own gateway. With {@code enabled}, every {@code /v1} endpoint needs an API key ({@code X-API-Key}) or a
 * JWT bearer token validated by Spring Security's resource server
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, {@code jwk-set-uri} or
 * {@code public-key-location}); health, info, Prometheus and the API documentation stay open.
 *
 * @param enabled whether {@code /v1} requires authentication
 * @param apiKeys accepted API keys (compared in constant time, never logged); empty: API keys are not accepted
 * @param requiredScope a JWT scope every token must carry (answered 403 without it); empty: any valid token
 * @param corsAllowedOrigins origins allowed to call from a browser; empty (the default): CORS is off
 */
@ConfigurationProperties("divergence.security")
public record SecurityProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue List<String> apiKeys,
        @DefaultValue("") String requiredScope,
        @DefaultValue List<String> corsAllowedOrigins) {

    @Override
    public String toString() {
        // keys must never reach a log line
        return "SecurityProperties[enabled=" + enabled + ", apiKeys=" + apiKeys.size() + " configured, requiredScope="
                + requiredScope + ", corsAllowedOrigins=" + corsAllowedOrigins + "]";
    }
}
