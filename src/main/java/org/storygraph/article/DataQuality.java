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
 * failed to load, articles without a story, duplicate copies.
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

    public record QualityReport(long articles, Map<String, Long> implausibleTimes, List<FlaggedArticle> flagged,
            long failedFiles, List<FailedFile> failures, long articlesWithoutStory, long duplicateCopies) {
    }

    /** The totals of the report. */
    private record Counts(long articles, long withoutStory, long duplicates, long failedFiles) {
    }

    /** How many articles carry one time flag. */
    private record FlagCount(String flag, long articles) {
    }

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
        return new QualityReport(counts.articles(), byFlag, flagged, counts.failedFiles(), failures,
                counts.withoutStory(), counts.duplicates());
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

    private static FailedFile failure(Record r) {
        return new FailedFile(r.get("path").asString(), r.get("line").asInt(), string(r.get("error")));
    }
}
