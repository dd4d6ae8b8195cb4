package dev.divergence.web;

import dev.divergence.config.SecurityProperties;
import dev.divergence.runtime.ServiceMeters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Security for a stateless JSON API: no sessions, CSRF, form login or basic auth; the standard security
 * headers (nosniff, frame denial, no-store, no referrer); CORS only for configured origins. With
 * {@code divergence.security.enabled}, {@code /v1/**} needs an API key or a JWT bearer token, and 401/403 are
 * problem+json like every other error.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // no filter chain without a server
class SecurityConfig {

    /** The detail of a 401 (also the OpenAPI document's example). */
    static final String UNAUTHORIZED_DETAIL = "this endpoint needs an API key in " + ApiKeyAuthenticationFilter.HEADER
            + " or a valid bearer token";
    /** The detail of a 403 (also the OpenAPI document's example). */
    static final String FORBIDDEN_DETAIL = "the credentials are valid but lack the scope this endpoint requires";

    /**
     * No observations of Spring Security's own (one per filter and one per authorization, each with events that
     * become counters): measured under load, they took 30 % of a small request's CPU (issue 18). The request is
     * still observed once, as {@code http.server.requests}.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProperties properties,
            ObjectProvider<JwtDecoder> jwtDecoder, JsonMapper mapper, ServiceMeters meters) throws Exception {
        ProblemResponses problems = new ProblemResponses(mapper, meters);
        http.csrf(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        if (properties.corsAllowedOrigins().isEmpty()) {
            http.cors(c -> c.disable());
        } else {
            http.cors(c -> c.configurationSource(cors(properties.corsAllowedOrigins())));
        }
        if (!properties.enabled()) {
            http.authorizeHttpRequests(a -> a.anyRequest().permitAll());
            return http.build();
        }
        http.addFilterBefore(new ApiKeyAuthenticationFilter(properties.apiKeys()), AnonymousAuthenticationFilter.class);
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(o -> o.jwt(j -> j.decoder(decoder)).authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems));
        }
        String scope = properties.requiredScope();
        http.authorizeHttpRequests(a -> {
            if (scope.isBlank()) {
                a.requestMatchers("/v1/**").authenticated();
            } else {
                a.requestMatchers("/v1/**").hasAnyAuthority("ROLE_API", "SCOPE_" + scope);
            }
            a.anyRequest().permitAll();
        });
        return http.build();
    }

    private static UrlBasedCorsConfigurationSource cors(List<String> origins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Content-Type", "Authorization", ApiKeyAuthenticationFilter.HEADER,
                RequestIdFilter.HEADER));
        cors.setExposedHeaders(List.of(RequestIdFilter.HEADER, "Retry-After"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/v1/**", cors);
        return source;
    }

    /** 401 and 403 as problem+json. */
    static final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

        private final JsonMapper mapper;
        private final ServiceMeters meters;

        ProblemResponses(JsonMapper mapper, ServiceMeters meters) {
            this.mapper = mapper;
            this.meters = meters;
        }

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                throws IOException {
            response.setHeader("WWW-Authenticate", "Bearer, ApiKey header=\"" + ApiKeyAuthenticationFilter.HEADER
                    + "\"");
            write(request, response, ProblemType.UNAUTHORIZED, UNAUTHORIZED_DETAIL);
        }

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
                throws IOException {
            write(request, response, ProblemType.FORBIDDEN, FORBIDDEN_DETAIL);
        }

        private void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail)
                throws IOException {
            ProblemDetails.write(response, mapper, meters, type, detail, List.of(), request.getRequestURI());
        }
    }
}
