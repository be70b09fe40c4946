package org.storygraph.ingest;

/**
 * One input format: YAML front matter ({@link FrontMatterParser}), CSV, JSON Lines, RSS/Atom. A reader turns the
 * bytes of one file (or one fetched feed response) into the articles it holds. A reader never touches the graph:
 * identity, "earliest time wins" and "richer record wins" are applied by {@link BatchWriter} for every format alike.
 */
interface ItemReader {

    /** Whether this reader takes a file of this name (and, for uploads and feeds, HTTP content type; may be null). */
    boolean accepts(String fileName, String contentType);

    /**
     * Reads one file.
     *
     * @param path  the file's identity in reports (absolute path, {@code upload:NAME} or a feed URL)
     * @param bytes its content
     * @return its items; items that could not be read are in {@link ParsedFile#failures()} with their line, the
     *         others still load
     * @throws BadFileException when nothing of the file can be read (not the format, too large, unsafe XML, ...)
     */
    ParsedFile read(String path, byte[] bytes) throws BadFileException;
}
