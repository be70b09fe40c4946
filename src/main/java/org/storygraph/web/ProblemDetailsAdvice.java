package org.storygraph.web;

import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.storygraph.common.StoryGraphException;

/**
 * Every error is an RFC 9457 {@code application/problem+json} document. Spring MVC's own exceptions (missing or
 * ill-typed parameters, unsupported media types, ...) keep their status codes; parameter type errors name the
 * parameter; the domain's {@link StoryGraphException}s get the status of their kind, their title, detail and the
 * parameter at fault; anything unexpected is a 500 without internals, logged with its stack trace.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid value '" + ex.getValue() + "' for parameter '" + name + "'" + reason(ex));
        problem.setTitle("Bad request parameter");
        problem.setProperty("parameter", name);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String reason(TypeMismatchException ex) {
        Throwable cause = ex.getMostSpecificCause();
        return cause != ex && cause.getMessage() != null ? ": " + cause.getMessage() : "";
    }

    @ExceptionHandler(StoryGraphException.class)
    ProblemDetail domain(StoryGraphException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.kind().status()),
                e.getMessage());
        problem.setTitle(e.title());
        if (e.parameter() != null) {
            problem.setProperty("parameter", e.parameter());
        }
        return problem;
    }


    @ExceptionHandler(ServiceUnavailableException.class)
    ProblemDetail databaseUnavailable(ServiceUnavailableException e) {
        log.warn("Database unavailable: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The graph database is not reachable; try again later");
        problem.setTitle("Database unavailable");
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Bad request");
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged");
        problem.setTitle("Internal error");
        return problem;
    }
}
