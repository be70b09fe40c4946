package org.storygraph.ingest;

import java.time.Instant;
import java.util.List;

/**
 * One article as read from a file: either the file's own item ({@code full}) or a bare entry of its related list.
 *
 * @param url         canonical URL (identity)
 * @param originalUrl the URL exactly as written in the file
 * @param line        line of the item in the file (1-based)
 */
record ArticleRecord(
        String url,
        String originalUrl,
        String title,
        String excerpt,
        Instant publishedAt,
        String type,
        String category,
        Integer quality,
        Integer heat,
        String ampUrl,
        String imageUrl,
        ProviderRecord provider,
        List<String> topics,
        boolean full,
        int line) {

    record ProviderRecord(String domain, String name) {
    }

    /** A related entry of an item, with its position in the list (1 = first). */
    record Related(ArticleRecord article, int rank) {
    }
}
