package org.storygraph.query;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Why a saved query did not run, as an RFC 9457 problem. */
public class QueryException extends ErrorResponseException {

    private final String detail;

    QueryException(HttpStatus status, String title, String detail, String parameter) {
        super(status, problem(status, title, detail, parameter), null);
        this.detail = detail;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, String parameter) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        if (parameter != null) {
            p.setProperty("parameter", parameter);
        }
        return p;
    }

    @Override
    public String getMessage() {
        return detail;
    }

    static QueryException badParameter(String parameter, String detail) {
        return new QueryException(HttpStatus.BAD_REQUEST, "Bad query parameter", detail, parameter);
    }
}
