package org.storygraph.ingest;

/** A file that cannot be loaded; {@code line} is 1-based, or 0 when no line applies. */
class BadFileException extends Exception {

    private final int line;

    BadFileException(int line, String reason) {
        super(reason);
        this.line = line;
    }

    int line() {
        return line;
    }
}
