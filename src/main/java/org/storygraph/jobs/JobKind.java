package org.storygraph.jobs;

import java.util.Locale;

import org.storygraph.common.InvalidParameterException;

/** What a job does; written in lower case in the graph and in JSON. */
public enum JobKind {
    /** A load of files (by server paths, or an upload). Progress counts files. */
    INGEST,
    /** A rebuild of every story. Progress counts articles. */
    RECLUSTER,
    /** An export written to a file, downloadable at {@code /api/jobs/{id}/result}. Progress counts articles. */
    EXPORT;

    /** The lower-case name used in the graph and in JSON. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static JobKind parse(String parameter, String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(parameter, "'" + parameter + "' must be ingest, recluster or export");
        }
    }
}
