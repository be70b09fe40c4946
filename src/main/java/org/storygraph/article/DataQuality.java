package org.storygraph.article;

import static org.storygraph.graph.Convert.instant;
import static org.storygraph.graph.Convert.string;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.springframework.stereotype.Service;
import org.storygraph.graph.Graph;
import org.storygraph.graph.ReadRetry;

/**
 * What is wrong with the data: articles with implausible times (missing, before 1990, more than a day in the
 * future — flagged at load time in {@code a.timeFlag} and left out of first-reporter and lag figures), files that
 * failed to load, articles without a story, duplicate copies, providers no outlet file described.
 */
@Service
@ReadRetry
public class DataQuality {

    /** An article whose publication time cannot be trusted, with the reason. */
    public record FlaggedArticle(String id, String url, String title, Instant publishedAt, String flag) {
    }

    /** A file whose last load failed. */
    public record FailedFile(String path, int line, String error) {
    }

    /** A provider with articles but no outlet metadata (neither a media type nor a collection). */
    public record UnknownOutlet(String domain, String name, long articles) {
    }

    /**
     * @param unknownOutlets        providers with articles that no outlet file described (no media type, no
     *                              collection): how many
     * @param unknownOutletArticles ... and how many articles they published
     * @param unknown               those providers, most articles first (at most {@code limit})
     */
    public record QualityReport(long articles, Map<String, Long> implausibleTimes, List<FlaggedArticle> flagged,
            long failedFiles, List<FailedFile> failures, long articlesWithoutStory, long duplicateCopies,
            long unknownOutlets, long unknownOutletArticles, List<UnknownOutlet> unknown) {
    }

    /** The totals of the report. */
    private record Counts(long articles, long withoutStory, long duplicates, long failedFiles) {
    }

    /** How many providers lack outlet metadata, and their articles. */
    private record UnknownTotals(long outlets, long articles) {
    }

    /** How many articles carry one time flag. */
    private record FlagCount(String flag, long articles) {
    }

    /** Providers with articles and no outlet metadata: no media type and no collection. */
    private static final String UNKNOWN_OUTLETS = """
            MATCH (p:Provider) WHERE p.mediaType IS NULL AND NOT EXISTS { (p)-[:IN_COLLECTION]->(:Collection) }
            WITH p, COUNT { (p)<-[:PUBLISHED_BY]-(:Article) } AS articles
            WHERE articles > 0
            """;

    private final Graph graph;

    DataQuality(Graph graph) {
        this.graph = graph;
    }

    public QualityReport report(int limit) {
        Counts counts = graph.one("""
                CALL () { MATCH (a:Article) RETURN count(a) AS articles }
                CALL () { MATCH (a:Article) WHERE NOT (a)-[:IN_STORY]->() RETURN count(a) AS withoutStory }
                CALL () { MATCH (:Article)-[d:DUPLICATE_OF]->() RETURN count(d) AS duplicates }
                CALL () { MATCH (f:SourceFile {status: 'failed'}) RETURN count(f) AS failedFiles }
                RETURN articles, withoutStory, duplicates, failedFiles
                """, Map.of(), DataQuality::counts).orElseThrow();
        Map<String, Long> byFlag = new LinkedHashMap<>();
        for (String flag : List.of("missing", "before-1990", "future")) {
            byFlag.put(flag, 0L);
        }
        graph.list("""
                MATCH (a:Article) WHERE a.timeFlag IS NOT NULL
                RETURN a.timeFlag AS flag, count(a) AS n
                """, Map.of(), DataQuality::flagCount).forEach(f -> byFlag.put(f.flag(), f.articles()));
        List<FlaggedArticle> flagged = graph.list("""
                MATCH (a:Article) WHERE a.timeFlag IS NOT NULL
                RETURN a.id AS id, a.url AS url, a.title AS title, a.publishedAt AS publishedAt, a.timeFlag AS flag
                ORDER BY flag, a.url LIMIT $limit
                """, Map.of("limit", limit), DataQuality::flagged);
        List<FailedFile> failures = graph.list("""
                MATCH (f:SourceFile {status: 'failed'})
                RETURN f.path AS path, coalesce(f.errorLine, 0) AS line, f.error AS error
                ORDER BY f.path LIMIT $limit
                """, Map.of("limit", limit), DataQuality::failure);
        List<UnknownOutlet> unknown = graph.list(UNKNOWN_OUTLETS + """
                RETURN p.domain AS domain, p.name AS name, articles
                ORDER BY articles DESC, domain LIMIT $limit
                """, Map.of("limit", limit), DataQuality::unknownOutlet);
        UnknownTotals unknownTotals = graph.one(UNKNOWN_OUTLETS
                + "RETURN count(p) AS outlets, sum(articles) AS articles", Map.of(), DataQuality::unknownTotals)
                .orElseThrow();
        return new QualityReport(counts.articles(), byFlag, flagged, counts.failedFiles(), failures,
                counts.withoutStory(), counts.duplicates(), unknownTotals.outlets(), unknownTotals.articles(), unknown);
    }

    private static Counts counts(Record r) {
        return new Counts(r.get("articles").asLong(), r.get("withoutStory").asLong(), r.get("duplicates").asLong(),
                r.get("failedFiles").asLong());
    }

    private static FlagCount flagCount(Record r) {
        return new FlagCount(r.get("flag").asString(), r.get("n").asLong());
    }

    private static FlaggedArticle flagged(Record r) {
        return new FlaggedArticle(r.get("id").asString(), r.get("url").asString(), string(r.get("title")),
                instant(r.get("publishedAt")), r.get("flag").asString());
    }

    private static UnknownTotals unknownTotals(Record r) {
        return new UnknownTotals(r.get("outlets").asLong(), r.get("articles").asLong(0));
    }

    private static UnknownOutlet unknownOutlet(Record r) {
        return new UnknownOutlet(r.get("domain").asString(), string(r.get("name")), r.get("articles").asLong());
    }

    private static FailedFile failure(Record r) {
        return new FailedFile(r.get("path").asString(), r.get("line").asInt(), string(r.get("error")));
    }
}
