package org.storygraph.article;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
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

    private final Neo4jClient client;

    DataQuality(Neo4jClient client) {
        this.client = client;
    }

    public QualityReport report(int limit) {
        Map<String, Object> counts = client.query("""
                CALL () { MATCH (a:Article) RETURN count(a) AS articles }
                CALL () { MATCH (a:Article) WHERE NOT (a)-[:IN_STORY]->() RETURN count(a) AS withoutStory }
                CALL () { MATCH (:Article)-[d:DUPLICATE_OF]->() RETURN count(d) AS duplicates }
                CALL () { MATCH (f:SourceFile {status: 'failed'}) RETURN count(f) AS failedFiles }
                RETURN articles, withoutStory, duplicates, failedFiles
                """).fetch().one().orElseThrow();
        Map<String, Long> byFlag = new LinkedHashMap<>();
        for (String flag : List.of("missing", "before-1990", "future")) {
            byFlag.put(flag, 0L);
        }
        client.query("""
                MATCH (a:Article) WHERE a.timeFlag IS NOT NULL
                RETURN a.timeFlag AS flag, count(a) AS n
                """).fetch().all().forEach(r -> byFlag.put((String) r.get("flag"), (Long) r.get("n")));
        List<FlaggedArticle> flagged = List.copyOf(client.query("""
                MATCH (a:Article) WHERE a.timeFlag IS NOT NULL
                RETURN a.id AS id, a.url AS url, a.title AS title, a.publishedAt AS publishedAt, a.timeFlag AS flag
                ORDER BY flag, a.url LIMIT $limit
                """).bind(limit).to("limit").fetchAs(FlaggedArticle.class).mappedBy((types, r) -> new FlaggedArticle(
                r.get("id").asString(), r.get("url").asString(), r.get("title").asString(null),
                time(r.get("publishedAt")), r.get("flag").asString())).all());
        List<FailedFile> failures = List.copyOf(client.query("""
                MATCH (f:SourceFile {status: 'failed'})
                RETURN f.path AS path, coalesce(f.errorLine, 0) AS line, f.error AS error
                ORDER BY f.path LIMIT $limit
                """).bind(limit).to("limit").fetchAs(FailedFile.class).mappedBy((types, r) -> new FailedFile(
                r.get("path").asString(), r.get("line").asInt(), r.get("error").asString(null))).all());
        return new QualityReport((Long) counts.get("articles"), byFlag, flagged, (Long) counts.get("failedFiles"),
                failures, (Long) counts.get("withoutStory"), (Long) counts.get("duplicates"));
    }

    private static Instant time(Value v) {
        return v.isNull() ? null : v.asOffsetDateTime().toInstant();
    }
}
