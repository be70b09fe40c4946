package org.storygraph.web;

import org.storygraph.common.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Write endpoints (any non-GET/HEAD/OPTIONS request under {@code /api/}) need the configured API key in the
 * {@code X-API-Key} header. Without a configured key they are disabled (403); a missing or wrong key is a 401.
 * Keys are compared in constant time (digests of equal length) and never logged.
 */
@Component
class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    private final byte[] keyDigest;
    private final Json json;

    ApiKeyFilter(WebProperties properties, Json json) {
        this.keyDigest = properties.apiKey() == null || properties.apiKey().isBlank()
                ? null : digest(properties.apiKey());
        this.json = json;
    }

    /** Running a saved query is a read (POST only to carry typed parameters as JSON): open like any GET. */
    private static final java.util.regex.Pattern READ_ONLY_POST =
            java.util.regex.Pattern.compile("/api/queries/[^/]+/run");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/api/") || method.equals("GET") || method.equals("HEAD")
                || method.equals("OPTIONS") || (method.equals("POST") && READ_ONLY_POST.matcher(path).matches());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (keyDigest == null) {
            reject(response, HttpStatus.FORBIDDEN, "Write endpoints are disabled",
                    "This service has no API key configured (storygraph.web.api-key), so it accepts no writes");
            return;
        }
        String given = request.getHeader(HEADER);
        if (given == null || !MessageDigest.isEqual(keyDigest, digest(given))) {
            response.setHeader("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"");
            reject(response, HttpStatus.UNAUTHORIZED, "API key required",
                    "Send the service's API key in the " + HEADER + " header");
            return;
        }
        chain.doFilter(request, response);
    }

    private void reject(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.mapper().writeValueAsBytes(problem));
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
