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
import org.neo4j.driver.types.MapAccessor;
import org.springframework.stereotype.Component;
import org.storygraph.graph.Convert;
import org.storygraph.graph.Graph;
import org.storygraph.graph.NodeKey;

/**
 * The per-article rows timelines are built from: parameterised Cypher, one row per article, and the per-bucket
 * totals shares are taken of. Only articles with a plausible time take part: {@code publishedAt} set and no
 * {@code timeFlag} (the flag marks missing, pre-1990 or future times; where it was never set the property is
 * absent, which reads as null). Every row says whether its article is a copy or a wire article, the rule of
 * {@link org.storygraph.common.Independence}: a copy has a {@code DUPLICATE_OF} link; a wire article is no copy and
 * its outlet's {@code mediaType} is {@code wire}.
 */
@Component
class TimelineQueries {

    /**
     * A story as the timeline needs it; {@code ignored} counts members without a plausible time, {@code members}
     * are the others.
     */
    record StoryHead(String id, String label, long ignored, List<MemberRow> members) {
    }

    /** A story member: its time, its provider's domain (null without a provider), whether a copy or wire. */
    record MemberRow(Instant publishedAt, String provider, boolean copy, boolean wire) {
    }

    /**
     * An article of a topic, provider or collection: its time, its story (null when unclustered), the time of that
     * story's first plausible article (its first independent one when asked for), whether a copy or wire.
     */
    record ActivityRow(Instant publishedAt, String story, Instant storyFirst, boolean copy, boolean wire) {
    }

    /** All plausible articles of one bucket (of a collection's outlets when filtered), copies and wire among them. */
    record BucketTotal(long articles, long copies, long wire) {
    }

    /**
     * What an activity timeline is about: a topic's articles, a provider's or those of a collection's outlets. Each
     * kind brings its existence query and the pattern binding its articles {@code a} from {@code $key}; the rest of
     * the query is {@link #ACTIVITY}.
     */
    enum Anchor {
        TOPIC("topic", NodeKey.TOPIC_NAME, null, """
                MATCH (:Topic {name: $key})<-[:TAGGED]-(a:Article)
                """),
        PROVIDER("provider", NodeKey.PROVIDER_DOMAIN, null, """
                MATCH (:Provider {domain: $key})<-[:PUBLISHED_BY]-(a:Article)
                """),
        COLLECTION("collection", null, COLLECTION_EXISTS, """
                MATCH (:Collection {name: $key})<-[:IN_COLLECTION]-(:Provider)<-[:PUBLISHED_BY]-(a:Article)
                """);

        private final String type;
        private final NodeKey key;
        private final String exists;
        private final String cypher;

        Anchor(String type, NodeKey key, String exists, String match) {
            this.type = type;
            this.key = key;
            this.exists = exists;
            this.cypher = match + ACTIVITY;
        }

        /** How the timeline names its subject's kind ({@code topic}, {@code provider}). */
        String type() {
            return type;
        }
    }

    private static final String COLLECTION_EXISTS = """
            MATCH (c:Collection {name: $value}) RETURN c LIMIT 1
            """;

    /**
     * An anchor's plausible articles in [$from, $to) (a null bound does not limit), of the outlets of collection
     * $collection when not null, with their stories; a story's first article is its first independent one when
     * $independent.
     */
    private static final String ACTIVITY = """
            WHERE a.publishedAt IS NOT NULL AND a.timeFlag IS NULL
              AND ($from IS NULL OR a.publishedAt >= $from)
              AND ($to IS NULL OR a.publishedAt < $to)
              AND ($collection IS NULL
                   OR EXISTS { (a)-[:PUBLISHED_BY]->(:Provider)-[:IN_COLLECTION]->(:Collection {name: $collection}) })
            WITH a, [(a)-[:IN_STORY]->(s:Story) | s][0] AS s, EXISTS { (a)-[:DUPLICATE_OF]->(:Article) } AS copy
            WITH s, collect({publishedAt: a.publishedAt, copy: copy,
                             wire: NOT copy AND EXISTS { (a)-[:PUBLISHED_BY]->(:Provider {mediaType: 'wire'}) }})
                    AS rows
            WITH s, rows, COLLECT {
                     MATCH (m:Article)-[:IN_STORY]->(s)
                     WHERE m.publishedAt IS NOT NULL AND m.timeFlag IS NULL
                       AND (NOT $independent OR (NOT EXISTS { (m)-[:DUPLICATE_OF]->(:Article) }
                            AND NOT EXISTS { (m)-[:PUBLISHED_BY]->(:Provider {mediaType: 'wire'}) }))
                     RETURN m.publishedAt ORDER BY m.publishedAt LIMIT 1
                 } AS first
            UNWIND rows AS row
            RETURN row.publishedAt AS publishedAt, s.id AS story, first[0] AS storyFirst, row.copy AS copy,
                   row.wire AS wire
            """;

    /**
     * Per bucket [$bounds[i], $bounds[i + 1]): all plausible articles, of collection $collection's outlets when not
     * null, with the copies and wire articles among them. One index range read per bucket.
     */
    private static final String TOTALS = """
            UNWIND range(0, size($bounds) - 2) AS i
            CALL (i) {
                MATCH (a:Article)
                WHERE a.publishedAt >= $bounds[i] AND a.publishedAt < $bounds[i + 1] AND a.timeFlag IS NULL
                  AND ($collection IS NULL
                       OR EXISTS { (a)-[:PUBLISHED_BY]->(:Provider)-[:IN_COLLECTION]->(:Collection {name: $collection}) })
                WITH EXISTS { (a)-[:DUPLICATE_OF]->(:Article) } AS copy,
                     EXISTS { (a)-[:PUBLISHED_BY]->(:Provider {mediaType: 'wire'}) } AS wireOutlet
                RETURN count(*) AS articles, count(CASE WHEN copy THEN 1 END) AS copies,
                       count(CASE WHEN wireOutlet AND NOT copy THEN 1 END) AS wire
            }
            RETURN i, articles, copies, wire ORDER BY i
            """;

    private final Graph graph;

    TimelineQueries(Graph graph) {
        this.graph = graph;
    }

    /**
     * The story with its members, in one round trip; empty when the story is unknown. The members are its articles
     * with a plausible time, unordered: the bucketing does not need an order, and Neo4j 2026.08.1 fails to plan
     * such a query with {@code ORDER BY a.publishedAt} when it picks the {@code article_published_at} index
     * ("Conditions started failing after running these phases: insertCachedProperties"), which depends on index
     * statistics.
     */
    Optional<StoryHead> story(String id) {
        return graph.one("""
                MATCH (s:Story {id: $id})
                RETURN s.id AS id, s.label AS label,
                       COUNT {
                           MATCH (a:Article)-[:IN_STORY]->(s)
                           WHERE a.publishedAt IS NULL OR a.timeFlag IS NOT NULL
                       } AS ignored,
                       COLLECT {
                           MATCH (a:Article)-[:IN_STORY]->(s)
                           WHERE a.publishedAt IS NOT NULL AND a.timeFlag IS NULL
                           WITH a, EXISTS { (a)-[:DUPLICATE_OF]->(:Article) } AS copy
                           RETURN {publishedAt: a.publishedAt,
                                   provider: [(a)-[:PUBLISHED_BY]->(p:Provider) | p.domain][0], copy: copy,
                                   wire: NOT copy AND EXISTS { (a)-[:PUBLISHED_BY]->(:Provider {mediaType: 'wire'}) }}
                       } AS members
                """, Map.of("id", id), TimelineQueries::storyHead);
    }

    /** Whether the topic, provider or collection {@code key} exists. */
    boolean exists(Anchor anchor, String key) {
        return anchor.key != null ? graph.exists(anchor.key, key) : graph.exists(anchor.exists, Map.of("value", key));
    }

    /**
     * The anchor's articles published in [from, to) (a null bound does not limit), only those of the outlets of
     * {@code collection} when not null; stories begin at their first independent article when {@code independent}.
     */
    List<ActivityRow> articles(Anchor anchor, String key, Instant from, Instant to, String collection,
            boolean independent) {
        Map<String, Object> params = new HashMap<>();
        params.put("key", key);
        params.put("from", utc(from));
        params.put("to", utc(to));
        params.put("collection", collection);
        params.put("independent", independent);
        return graph.list(anchor.cypher, params, TimelineQueries::activity);
    }

    /**
     * The totals of the buckets between consecutive {@code bounds}, in order (one fewer than the bounds), of
     * {@code collection}'s outlets when not null, else of the whole graph.
     */
    List<BucketTotal> totals(List<Instant> bounds, String collection) {
        Map<String, Object> params = new HashMap<>();
        params.put("bounds", bounds.stream().map(Convert::utc).toList());
        params.put("collection", collection);
        return graph.list(TOTALS, params, TimelineQueries::total);
    }

    private static StoryHead storyHead(Record r) {
        return new StoryHead(r.get("id").asString(), string(r.get("label")), r.get("ignored").asLong(),
                r.get("members").asList(TimelineQueries::member));
    }

    private static MemberRow member(MapAccessor r) {
        return new MemberRow(instant(r.get("publishedAt")), string(r.get("provider")), r.get("copy").asBoolean(),
                r.get("wire").asBoolean());
    }

    private static ActivityRow activity(Record r) {
        return new ActivityRow(instant(r.get("publishedAt")), string(r.get("story")), instant(r.get("storyFirst")),
                r.get("copy").asBoolean(), r.get("wire").asBoolean());
    }

    private static BucketTotal total(Record r) {
        return new BucketTotal(r.get("articles").asLong(), r.get("copies").asLong(), r.get("wire").asLong());
    }
}
