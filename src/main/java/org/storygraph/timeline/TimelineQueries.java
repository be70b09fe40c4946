package org.storygraph.timeline;

import static org.storygraph.graph.Convert.instant;
import static org.storygraph.graph.Convert.string;
import static org.storygraph.graph.Convert.utc;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;
import org.springframework.stereotype.Component;
import org.storygraph.graph.Graph;
import org.storygraph.graph.NodeKey;

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

    /**
     * What an activity timeline is about: a topic's articles or a provider's. Each kind brings its key and the
     * pattern binding its articles {@code a} from {@code $key}; the rest of the query is {@link #ACTIVITY}.
     */
    enum Anchor {
        TOPIC("topic", NodeKey.TOPIC_NAME, """
                MATCH (:Topic {name: $key})<-[:TAGGED]-(a:Article)
                """),
        PROVIDER("provider", NodeKey.PROVIDER_DOMAIN, """
                MATCH (:Provider {domain: $key})<-[:PUBLISHED_BY]-(a:Article)
                """);

        private final String type;
        private final NodeKey key;
        private final String cypher;

        Anchor(String type, NodeKey key, String match) {
            this.type = type;
            this.key = key;
            this.cypher = match + ACTIVITY;
        }

        /** How the timeline names its subject's kind ({@code topic}, {@code provider}). */
        String type() {
            return type;
        }
    }

    /** An anchor's plausible articles in [$from, $to) (a null bound does not limit), with their stories. */
    private static final String ACTIVITY = """
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
            """;

    private final Graph graph;

    TimelineQueries(Graph graph) {
        this.graph = graph;
    }

    Optional<StoryHead> story(String id) {
        return graph.one("""
                MATCH (s:Story {id: $id})
                RETURN s.id AS id, s.label AS label,
                       COUNT {
                           MATCH (a:Article)-[:IN_STORY]->(s)
                           WHERE a.publishedAt IS NULL OR a.timeFlag IS NOT NULL
                       } AS ignored
                """, Map.of("id", id), TimelineQueries::storyHead);
    }

    /**
     * Unordered: the bucketing does not need an order, and Neo4j 2026.08.1 fails to plan this query with
     * {@code ORDER BY a.publishedAt} when it picks the {@code article_published_at} index ("Conditions started
     * failing after running these phases: insertCachedProperties"), which depends on index statistics.
     */
    List<MemberRow> members(String storyId) {
        return graph.list("""
                MATCH (a:Article)-[:IN_STORY]->(:Story {id: $id})
                WHERE a.publishedAt IS NOT NULL AND a.timeFlag IS NULL
                RETURN a.publishedAt AS publishedAt, [(a)-[:PUBLISHED_BY]->(p:Provider) | p.domain][0] AS provider
                """, Map.of("id", storyId), TimelineQueries::member);
    }

    /** Whether the topic or provider {@code key} exists. */
    boolean exists(Anchor anchor, String key) {
        return graph.exists(anchor.key, key);
    }

    /** The anchor's articles published in [from, to); a null bound does not limit. */
    List<ActivityRow> articles(Anchor anchor, String key, Instant from, Instant to) {
        Map<String, Object> params = new HashMap<>();
        params.put("key", key);
        params.put("from", utc(from));
        params.put("to", utc(to));
        return graph.list(anchor.cypher, params, TimelineQueries::activity);
    }

    private static StoryHead storyHead(Record r) {
        return new StoryHead(r.get("id").asString(), string(r.get("label")), r.get("ignored").asLong());
    }

    private static MemberRow member(Record r) {
        return new MemberRow(instant(r.get("publishedAt")), string(r.get("provider")));
    }

    private static ActivityRow activity(Record r) {
        return new ActivityRow(instant(r.get("publishedAt")), string(r.get("story")), instant(r.get("storyFirst")));
    }
}
