package org.storygraph.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404 as an RFC 9457 problem: {@code No article with id 'x'}. */
public class NotFoundException extends ErrorResponseException {

    public NotFoundException(String what, String id) {
        super(HttpStatus.NOT_FOUND, problem(what, id), null);
    }

    private static ProblemDetail problem(String what, String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No " + what + " with id '" + id + "'");
        problem.setTitle(Character.toUpperCase(what.charAt(0)) + what.substring(1) + " not found");
        return problem;
    }
}
