package org.storygraph.query;

/**
 * A typed parameter of a saved query, from a header line {@code // param: name type = default -- description}.
 *
 * @param type         string, int, float, boolean, date, datetime, duration, or list&lt;one of those&gt;
 * @param defaultValue the default as written in the header (null: the parameter is required)
 */
public record QueryParam(String name, String type, String defaultValue, String description) {

    public boolean required() {
        return defaultValue == null;
    }
}
