package org.storygraph.web;

import org.storygraph.common.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Write endpoints (any non-GET/HEAD/OPTIONS request under {@code /api/}) need one of the configured API keys
 * ({@code storygraph.web.api-key} and {@code storygraph.web.api-keys}), sent as {@code Authorization: Bearer KEY}
 * or in the {@code X-API-Key} header. Without a configured key they are disabled (403); a missing or wrong key is a
 * 401 problem with {@code WWW-Authenticate: Bearer}. Keys are compared in constant time (SHA-256 digests of equal
 * length, every configured key compared whatever matched) and never logged.
 */
@Component
class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    /** Running a saved query is a read (POST only to carry typed parameters as JSON): open like any GET. */
    private static final Pattern READ_ONLY_POST = Pattern.compile("/api/queries/[^/]+/run");

    private final List<byte[]> keyDigests;
    private final Json json;

    ApiKeyFilter(WebProperties properties, Json json) {
        List<byte[]> digests = new ArrayList<>();
        Stream.concat(Stream.ofNullable(properties.apiKey()), properties.apiKeys().stream())
                .filter(key -> key != null && !key.isBlank())
                .forEach(key -> digests.add(digest(key.strip())));
        this.keyDigests = List.copyOf(digests);
        this.json = json;
    }

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
        if (keyDigests.isEmpty()) {
            FilterProblems.write(response, json, HttpStatus.FORBIDDEN, "Write endpoints are disabled",
                    "This service has no API key configured (storygraph.web.api-key or storygraph.web.api-keys), "
                            + "so it accepts no writes");
            return;
        }
        if (!accepted(given(request))) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"storygraph\"");
            FilterProblems.write(response, json, HttpStatus.UNAUTHORIZED, "API key required",
                    "Send one of the service's API keys as 'Authorization: Bearer KEY' or in the " + HEADER
                            + " header");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The key of the request: the Bearer token if there is one, else the X-API-Key header; null without either. */
    private static String given(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).strip();
        }
        return request.getHeader(HEADER);
    }

    private boolean accepted(String given) {
        if (given == null || given.isEmpty()) {
            return false;
        }
        byte[] digest = digest(given);
        boolean match = false;
        for (byte[] key : keyDigests) { // no early exit: the time does not tell which key (or how many) exist
            match |= MessageDigest.isEqual(key, digest);
        }
        return match;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
