package org.storygraph.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 400 as an RFC 9457 problem naming the parameter at fault. */
public class BadRequestException extends ErrorResponseException {

    public BadRequestException(String parameter, String detail) {
        super(HttpStatus.BAD_REQUEST, problem(parameter, detail), null);
    }

    private static ProblemDetail problem(String parameter, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Bad request parameter");
        if (parameter != null) {
            problem.setProperty("parameter", parameter);
        }
        return problem;
    }
}
