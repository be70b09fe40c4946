package org.storygraph.ingest;

import java.util.List;

/**
 * The input formats of one load, in the order they are asked: the first reader that {@link ItemReader#accepts}
 * a file's name (or, for uploads, its content type) reads it; a file none accepts (a file named explicitly, with
 * an unknown ending) is read as front matter, as before there were other formats.
 */
final class Readers {

    private final List<ItemReader> readers;
    private final ItemReader fallback;

    Readers(List<ItemReader> readers, ItemReader fallback) {
        this.readers = List.copyOf(readers);
        this.fallback = fallback;
    }

    /**
     * Every format StoryGraph reads. A new format is one line here (and its endings in
     * {@link IngestProperties#include()}).
     */
    static Readers standard(FrontMatterParser frontMatter, ColumnMapping mapping, int maxBytes) {
        return new Readers(List.of(
                frontMatter,
                new CsvItemReader(mapping, maxBytes),
                new JsonLinesItemReader(mapping, maxBytes),
                new FeedItemReader()), frontMatter);
    }

    /** The reader of a file: by name first (a {@code .csv} upload sent as text/plain is CSV), then content type. */
    ItemReader pick(String fileName, String contentType) {
        for (ItemReader reader : readers) {
            if (reader.accepts(fileName, null)) {
                return reader;
            }
        }
        if (contentType != null) {
            for (ItemReader reader : readers) {
                if (reader.accepts("", contentType)) {
                    return reader;
                }
            }
        }
        return fallback;
    }
}
