package org.storygraph.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.storygraph.common.Json;

/** RFC 9457 problems written by servlet filters, which run before (and outside) {@link ProblemDetailsAdvice}. */
final class FilterProblems {

    private FilterProblems() {
    }

    static void write(HttpServletResponse response, Json json, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.mapper().writeValueAsBytes(problem));
    }
}
