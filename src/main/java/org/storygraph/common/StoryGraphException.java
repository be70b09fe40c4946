package org.storygraph.common;

/**
 * Why StoryGraph cannot do what was asked, in words a person can act on. Domain code throws it (or a subclass);
 * the web layer turns it into an RFC 9457 problem whose status follows {@link #kind()}, and the CLI prints the
 * message. No feature below the web layer knows HTTP.
 */
public class StoryGraphException extends RuntimeException {

    /** What went wrong, with the HTTP status the web layer answers it with. */
    public enum Kind {
        /** A parameter or input is malformed or out of range. */
        INVALID(400),
        /** The thing named does not exist. */
        NOT_FOUND(404),
        /** The operation is not allowed, e.g. a write in a read-only query. */
        FORBIDDEN(403),
        /** The request is well-formed but its target cannot be used, e.g. a broken saved query. */
        UNPROCESSABLE(422),
        /** The work took longer than its limit. */
        TIMEOUT(504),
        /** The database is busy or unreachable. */
        UNAVAILABLE(503);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        /** The HTTP status code of this kind of problem. */
        public int status() {
            return status;
        }

        /** Whether the asker can fix it (a usage error for the CLI), rather than the service. */
        public boolean askersFault() {
            return status < 500;
        }
    }

    private final Kind kind;
    private final String title;
    private final String parameter;

    /**
     * @param kind      what went wrong
     * @param title     a short summary of the kind of problem, e.g. "Bad request parameter"
     * @param detail    the explanation of this occurrence (the exception's message)
     * @param parameter the parameter at fault, or {@code null}
     */
    public StoryGraphException(Kind kind, String title, String detail, String parameter) {
        super(detail);
        this.kind = kind;
        this.title = title;
        this.parameter = parameter;
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    /** The request parameter at fault, or {@code null}. */
    public String parameter() {
        return parameter;
    }
}
