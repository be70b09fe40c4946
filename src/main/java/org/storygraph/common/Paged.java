package org.storygraph.common;

/**
 * A page of a longer list, whatever else its response holds: {@link Page}, or a feature's page record that adds
 * fields of its own (the coverage lead/lag page says how it grouped and what {@code independent} left out).
 * {@code web.PageLinks} writes the {@code Link} headers of every response body that is one.
 */
public interface Paged {

    /** The page number, from 0. */
    int page();

    /** Items per page. */
    int size();

    /** Pages in all (0 for an empty list). */
    int totalPages();
}
