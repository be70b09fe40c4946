package org.storygraph.graph;

import java.net.URI;

/**
 * The configured Neo4j server could not be reached (or refused the credentials) when the application started. It is
 * never answered by falling back to the embedded database: the data would silently go somewhere else.
 */
public class GraphUnreachableException extends RuntimeException {

    private final URI uri;
    private final String setting;

    GraphUnreachableException(URI uri, String setting, Throwable cause) {
        super("Cannot reach the Neo4j server at " + uri + " (configured by " + setting + "): " + cause.getMessage(),
                cause);
        this.uri = uri;
        this.setting = setting;
    }

    /** The URI the driver tried. */
    public URI uri() {
        return uri;
    }

    /** The setting that named the server ({@code storygraph.neo4j.uri}, {@code spring.neo4j.uri}, ...). */
    public String setting() {
        return setting;
    }
}
