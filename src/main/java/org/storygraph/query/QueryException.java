package org.storygraph.query;

import org.storygraph.common.StoryGraphException;

/** Why a saved query did not run; the web layer answers it as an RFC 9457 problem with the status of its kind. */
public class QueryException extends StoryGraphException {

    QueryException(Kind kind, String title, String detail, String parameter) {
        super(kind, title, detail, parameter);
    }

    static QueryException badParameter(String parameter, String detail) {
        return new QueryException(Kind.INVALID, "Bad query parameter", detail, parameter);
    }
}
