package dev.divergence.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request carrying a configured API key in {@code X-API-Key}. Keys are compared as SHA-256 digests
 * with {@link MessageDigest#isEqual} against every configured key (constant time, no early exit), and never
 * logged. A request without the header passes on unauthenticated (a bearer token may still authenticate it); a
 * wrong key is left unauthenticated too, and the entry point answers 401.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    private final List<byte[]> digests;

    ApiKeyAuthenticationFilter(List<String> keys) {
        this.digests = keys.stream().filter(k -> !k.isBlank()).map(ApiKeyAuthenticationFilter::sha256).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key != null && !digests.isEmpty() && matches(sha256(key))) {
            UsernamePasswordAuthenticationToken auth = UsernamePasswordAuthenticationToken.authenticated("api-key",
                    null, AuthorityUtils.createAuthorityList("ROLE_API"));
            SecurityContextHolder.getContext().setAuthentication(auth);
        }
        chain.doFilter(request, response);
    }

    private boolean matches(byte[] candidate) {
        boolean found = false;
        for (byte[] digest : digests) {
            found |= MessageDigest.isEqual(digest, candidate);
        }
        return found;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
