package org.storygraph.web;

import org.storygraph.common.Json;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits request bodies that are not file uploads (JSON parameters of saved queries, ingest paths) to
 * {@code storygraph.web.max-json-body} (default 1MB): larger bodies, or bodies of unknown length beyond it, get a
 * 413 problem before anything reads them. Multipart uploads have their own limits
 * ({@code spring.servlet.multipart.*}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeFilter extends OncePerRequestFilter {

    private final long limit;
    private final Json json;

    RequestSizeFilter(WebProperties properties, Json json) {
        this.limit = properties.maxJsonBody().toBytes();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > limit) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "The request body has " + length + " bytes; at most " + limit + " are accepted here");
            problem.setTitle("Request body too large");
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(json.mapper().writeValueAsBytes(problem));
            return;
        }
        chain.doFilter(length < 0 ? new LimitedBodyRequest(request, limit) : request, response);
    }
}
