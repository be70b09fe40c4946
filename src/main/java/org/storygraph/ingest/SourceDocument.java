package org.storygraph.ingest;

import java.io.IOException;

/** A file to load: its identity (absolute path, or upload name) and a way to read its bytes. */
record SourceDocument(String path, long size, Content content) {

    @FunctionalInterface
    interface Content {
        byte[] read() throws IOException;
    }
}
