package org.storygraph.feeds;

import java.util.List;

import org.storygraph.ingest.IngestService;
import org.storygraph.ingest.LoadReport;

/** Where a fetched feed goes: ingest in the service, a stand-in in tests of the polling alone. */
@FunctionalInterface
interface FeedIngest {

    /** What loading one response did: articles created and updated, or why nothing of it could be read. */
    record Outcome(int created, int updated, String error) {
    }

    Outcome load(String feedUrl, byte[] body, String contentType);

    /**
     * Hands the response to {@link IngestService#loadUploads} as an upload named after the feed URL (ending in
     * {@code .xml} when the URL does not name a feed file, so that ingest picks its RSS/Atom reader by name).
     * Ingest is idempotent: articles already in the graph are left as they are.
     */
    static FeedIngest into(IngestService ingest) {
        return (url, body, contentType) -> {
            LoadReport report = ingest.loadUploads(List.of(new IngestService.Upload(uploadName(url), body, contentType)));
            String error = null;
            if (report.filesLoaded() + report.filesUnchanged() == 0 && !report.failures().isEmpty()) {
                LoadReport.FileFailure f = report.failures().getFirst();
                error = (f.line() > 0 ? "line " + f.line() + ": " : "") + f.reason();
            }
            return new Outcome(report.articlesCreated(), report.articlesUpdated(), error);
        };
    }

    static String uploadName(String url) {
        String path = url.replaceFirst("[?#].*$", "").toLowerCase(java.util.Locale.ROOT);
        boolean named = path.endsWith(".rss") || path.endsWith(".atom") || path.endsWith(".xml");
        return named ? url : url + "#feed.xml";
    }
}
