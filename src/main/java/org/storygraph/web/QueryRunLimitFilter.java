package org.storygraph.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.storygraph.common.Json;

/**
 * Applies {@link QueryRunLimits} to every saved-query run ({@code /api/queries/NAME/run}, whatever the method, so
 * the {@code POST} with a JSON body and any {@code GET} variant share one budget): a run holds a permit of its
 * client address until its response is written; a refused one is a {@code 429} problem with {@code Retry-After}.
 */
@Component
class QueryRunLimitFilter extends OncePerRequestFilter {

    private static final Pattern RUN = Pattern.compile("/api/queries/[^/]+/run");

    private final QueryRunLimits limits;
    private final QueryRunLimiter limiter;
    private final Json json;

    QueryRunLimitFilter(QueryRunLimits limits, Json json) {
        this.limits = limits;
        this.limiter = new QueryRunLimiter(limits, System::nanoTime);
        this.json = json;
    }

    /** The limiter, for tests that need to see runs in flight. */
    QueryRunLimiter limiter() {
        return limiter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !limits.enabled() || request.getMethod().equals("OPTIONS") || !RUN.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        QueryRunLimiter.Decision decision = limiter.tryStart(request.getRemoteAddr());
        if (!decision.granted()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.refusal().retryAfterSeconds()));
            FilterProblems.write(response, json, HttpStatus.TOO_MANY_REQUESTS, "Too many saved-query runs",
                    decision.refusal().reason() + "; retry after " + decision.refusal().retryAfterSeconds() + " s");
            return;
        }
        try (QueryRunLimiter.Permit permit = decision.permit()) {
            chain.doFilter(request, response);
        }
    }
}
