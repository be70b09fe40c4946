package org.storygraph.common;

/** The text is not a URL StoryGraph can use as an article's identity. */
public class InvalidUrlException extends IllegalArgumentException {
    public InvalidUrlException(String message) {
        super(message);
    }
}
