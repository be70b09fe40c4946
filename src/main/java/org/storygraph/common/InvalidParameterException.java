package org.storygraph.common;

/** A parameter is malformed or out of range; the message says which and why. */
public class InvalidParameterException extends StoryGraphException {

    public InvalidParameterException(String parameter, String detail) {
        super(Kind.INVALID, "Bad request parameter", detail, parameter);
    }
}
