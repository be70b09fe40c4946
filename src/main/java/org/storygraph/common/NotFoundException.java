package org.storygraph.common;

/** The article, story, provider, load or query named does not exist: {@code No article with id 'x'}. */
public class NotFoundException extends StoryGraphException {

    public NotFoundException(String what, String id) {
        super(Kind.NOT_FOUND, Character.toUpperCase(what.charAt(0)) + what.substring(1) + " not found",
                "No " + what + " with id '" + id + "'", null);
    }
}
