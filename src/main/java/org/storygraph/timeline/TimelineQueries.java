package org.storygraph.timeline;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The per-article rows timelines are built from: parameterised Cypher, one row per article. Only articles with a
 * plausible time take part: {@code publishedAt} set and no {@code timeFlag} (the flag marks missing, pre-1990 or
 * future times; where it was never set the property is absent, which reads as null).
 */
@Component
class TimelineQueries {

    /** A story as the timeline needs it; {@code ignored} counts members without a plausible time. */
    record StoryHead(String id, String label, long ignored) {
    }

    /** A story member: its time and its provider's domain (null without a provider). */
    record MemberRow(Instant publishedAt, String provider) {
    }

    /**
     * An article of a topic or provider: its time, its story (null when unclustered) and the time of that story's
     * first plausible article.
     */
    record ActivityRow(Instant publishedAt, String story, Instant storyFirst) {
    }

    private final Neo4jClient client;

    TimelineQueries(Neo4jClient client) {
        this.client = client;
    }

    Optional<StoryHead> story(String id) {
        return client.query("""
                MATCH (s:Story {id: $id})
                RETURN s.id AS id, s.label AS label,
                       COUNT {
                           MATCH (a:Article)-[:IN_STORY]->(s)
                           WHERE a.publishedAt IS NULL OR a.timeFlag IS NOT NULL
                       } AS ignored
                """).bindAll(Map.of("id", id))
                .fetchAs(StoryHead.class)
                .mappedBy((types, r) -> new StoryHead(r.get("id").asString(), string(r.get("label")),
                        r.get("ignored").asLong()))
                .one();
    }

    /**
     * Unordered: the bucketing does not need an order, and Neo4j 2026.08.1 fails to plan this query with
     * {@code ORDER BY a.publishedAt} when it picks the {@code article_published_at} index ("Conditions started
     * failing after running these phases: insertCachedProperties"), which depends on index statistics.
     */
    List<MemberRow> members(String storyId) {
        return List.copyOf(client.query("""
                MATCH (a:Article)-[:IN_STORY]->(:Story {id: $id})
                WHERE a.publishedAt IS NOT NULL AND a.timeFlag IS NULL
                RETURN a.publishedAt AS publishedAt, [(a)-[:PUBLISHED_BY]->(p:Provider) | p.domain][0] AS provider
                """).bindAll(Map.of("id", storyId))
                .fetchAs(MemberRow.class)
                .mappedBy((types, r) -> new MemberRow(time(r.get("publishedAt")), string(r.get("provider"))))
                .all());
    }

    boolean topicExists(String name) {
        return client.query("MATCH (t:Topic {name: $name}) RETURN count(t) > 0").bindAll(Map.of("name", name))
                .fetchAs(Boolean.class).one().orElse(false);
    }

    boolean providerExists(String domain) {
        return client.query("MATCH (p:Provider {domain: $domain}) RETURN count(p) > 0")
                .bindAll(Map.of("domain", domain))
                .fetchAs(Boolean.class).one().orElse(false);
    }

    /** Articles tagged {@code name} published in [from, to); a null bound does not limit. */
    List<ActivityRow> topicArticles(String name, Instant from, Instant to) {
        Map<String, Object> params = range(from, to);
        params.put("name", name);
        return List.copyOf(client.query("""
                MATCH (:Topic {name: $name})<-[:TAGGED]-(a:Article)
                WHERE a.publishedAt IS NOT NULL AND a.timeFlag IS NULL
                  AND ($from IS NULL OR a.publishedAt >= $from)
                  AND ($to IS NULL OR a.publishedAt < $to)
                WITH a, [(a)-[:IN_STORY]->(s:Story) | s][0] AS s
                WITH s, collect(a.publishedAt) AS times
                WITH s, times, COLLECT {
                         MATCH (m:Article)-[:IN_STORY]->(s)
                         WHERE m.publishedAt IS NOT NULL AND m.timeFlag IS NULL
                         RETURN m.publishedAt ORDER BY m.publishedAt LIMIT 1
                     } AS first
                UNWIND times AS publishedAt
                RETURN publishedAt, s.id AS story, first[0] AS storyFirst
                """).bindAll(params)
                .fetchAs(ActivityRow.class).mappedBy((types, r) -> activityRow(r.get("publishedAt"), r.get("story"),
                        r.get("storyFirst")))
                .all());
    }

    /** Articles published by {@code domain} in [from, to); a null bound does not limit. */
    List<ActivityRow> providerArticles(String domain, Instant from, Instant to) {
        Map<String, Object> params = range(from, to);
        params.put("domain", domain);
        return List.copyOf(client.query("""
                MATCH (:Provider {domain: $domain})<-[:PUBLISHED_BY]-(a:Article)
                WHERE a.publishedAt IS NOT NULL AND a.timeFlag IS NULL
                  AND ($from IS NULL OR a.publishedAt >= $from)
                  AND ($to IS NULL OR a.publishedAt < $to)
                WITH a, [(a)-[:IN_STORY]->(s:Story) | s][0] AS s
                WITH s, collect(a.publishedAt) AS times
                WITH s, times, COLLECT {
                         MATCH (m:Article)-[:IN_STORY]->(s)
                         WHERE m.publishedAt IS NOT NULL AND m.timeFlag IS NULL
                         RETURN m.publishedAt ORDER BY m.publishedAt LIMIT 1
                     } AS first
                UNWIND times AS publishedAt
                RETURN publishedAt, s.id AS story, first[0] AS storyFirst
                """).bindAll(params)
                .fetchAs(ActivityRow.class).mappedBy((types, r) -> activityRow(r.get("publishedAt"), r.get("story"),
                        r.get("storyFirst")))
                .all());
    }

    private static Map<String, Object> range(Instant from, Instant to) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", utc(from));
        params.put("to", utc(to));
        return params;
    }

    private static ActivityRow activityRow(Value publishedAt, Value story, Value storyFirst) {
        return new ActivityRow(time(publishedAt), string(story), time(storyFirst));
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    private static String string(Value v) {
        return v == null || v.isNull() ? null : v.asString();
    }

    private static Instant time(Value v) {
        return v == null || v.isNull() ? null : v.asOffsetDateTime().toInstant();
    }
}
