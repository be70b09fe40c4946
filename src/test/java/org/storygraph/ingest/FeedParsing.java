package org.storygraph.ingest;

import java.util.List;

/**
 * The RSS/Atom reader for tests outside ingest (the feed poller's), without the graph: the canonical URLs of a
 * response's items, or an {@link IllegalArgumentException} saying why the response cannot be read at all.
 */
public final class FeedParsing {

    private FeedParsing() {
    }

    public static List<String> urls(String path, byte[] bytes) {
        try {
            return new FeedItemReader().read(path, bytes).items().stream().map(i -> i.article().url()).toList();
        } catch (BadFileException e) {
            throw new IllegalArgumentException((e.line() > 0 ? "line " + e.line() + ": " : "") + e.getMessage());
        }
    }

    public static byte[] fixture(String name) {
        return FeedItemReaderTest.fixture(name);
    }
}
