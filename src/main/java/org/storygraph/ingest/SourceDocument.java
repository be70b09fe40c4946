package org.storygraph.ingest;

import java.io.IOException;

/**
 * A file to load: its identity (absolute path, or upload name), a way to read its bytes, and its HTTP content type
 * when it came with one (uploads; null otherwise).
 */
record SourceDocument(String path, long size, Content content, String contentType) {

    SourceDocument(String path, long size, Content content) {
        this(path, size, content, null);
    }

    /** The file name, which picks the reader (with the content type). */
    String fileName() {
        String p = path.startsWith("upload:") ? path.substring("upload:".length()) : path;
        int slash = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
        return p.substring(slash + 1);
    }

    @FunctionalInterface
    interface Content {
        byte[] read() throws IOException;
    }
}
