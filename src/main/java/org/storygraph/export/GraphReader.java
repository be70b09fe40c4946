package org.storygraph.export;

import static org.storygraph.graph.Convert.instant;
import static org.storygraph.graph.Convert.string;
import static org.storygraph.graph.Convert.utc;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Value;
import org.storygraph.graph.Graph;

/**
 * Streams a selection of articles (one story, or a time span) with their providers, topics and stories into a
 * {@link GraphSink}: node kinds one after another (stories, providers, topics, articles), then edges (PUBLISHED_BY,
 * TAGGED, IN_STORY, then RELATED_TO between two selected articles). Every query runs in one read transaction and is
 * consumed record by record as the driver fetches them, so the export never holds the selection; only the sets of
 * distinct stories, providers and topics are built, inside the database.
 */
final class GraphReader {

    /** The queries of one selection; each returns the columns {@link GraphReader} reads. */
    record Queries(String stories, String providers, String topics, String articles, String memberships,
            String related) {
    }

    static final Queries STORY = new Queries("""
            MATCH (s:Story {id: $story})
            RETURN s.id AS id, s.label AS label, s.headline AS headline, s.size AS size,
                   s.providerCount AS providerCount, s.firstPublishedAt AS firstPublishedAt,
                   s.lastPublishedAt AS lastPublishedAt
            """, """
            MATCH (:Story {id: $story})<-[:IN_STORY]-(:Article)-[:PUBLISHED_BY]->(p:Provider)
            WITH DISTINCT p
            RETURN p.domain AS domain, p.name AS name
            ORDER BY domain
            """, """
            MATCH (:Story {id: $story})<-[:IN_STORY]-(:Article)-[:TAGGED]->(t:Topic)
            WITH DISTINCT t
            RETURN t.name AS name
            ORDER BY name
            """, """
            MATCH (s:Story {id: $story})<-[:IN_STORY]-(a:Article)
            OPTIONAL CALL (a) {
                MATCH (a)-[:PUBLISHED_BY]->(p:Provider)
                RETURN p LIMIT 1
            }
            OPTIONAL CALL (a) {
                MATCH (a)-[:DUPLICATE_OF]->(d:Article)
                RETURN d LIMIT 1
            }
            RETURN a.id AS id, a.url AS url, a.title AS title, a.publishedAt AS publishedAt,
                   a.timeFlag IS NOT NULL AS implausible, p {.domain, .name} AS provider,
                   s {.id, .firstPublishedAt} AS story, d.id AS duplicateOf
            ORDER BY a.publishedAt IS NULL, a.publishedAt, a.url
            """, """
            MATCH (s:Story {id: $story})<-[r:IN_STORY]-(a:Article)
            RETURN a.id AS id, COLLECT { MATCH (a)-[:PUBLISHED_BY]->(p:Provider) RETURN p.domain } AS providers,
                   COLLECT { MATCH (a)-[:TAGGED]->(t:Topic) RETURN t.name } AS topics,
                   [{story: s.id, score: r.score}] AS stories
            ORDER BY a.publishedAt IS NULL, a.publishedAt, a.url
            """, """
            MATCH (s:Story {id: $story})<-[:IN_STORY]-(a:Article)-[r:RELATED_TO]->(b:Article)-[:IN_STORY]->(s)
            RETURN a.id AS source, b.id AS target, r.rank AS rank
            ORDER BY source, rank, target
            """);

    /**
     * Articles published in [$from, $to): the range index on publishedAt finds them in time order, so nothing is
     * sorted, and links are followed from each article (a subquery, so the planner cannot pair every article of
     * the span with every other). An article's provider, story and original are read with
     * {@code OPTIONAL CALL ... LIMIT 1}: Neo4j 2026.08.1 fails to plan {@code [(a)-->(p) | p][0]} (or
     * {@code COLLECT {...}[0]}) next to the index-cached {@code a.publishedAt} ("insertCachedProperties:
     * a.publishedAt should not appear non-cached").
     */
    static final Queries SPAN = new Queries("""
            MATCH (a:Article)-[:IN_STORY]->(s:Story)
            WHERE a.publishedAt >= $from AND a.publishedAt < $to
            WITH DISTINCT s
            RETURN s.id AS id, s.label AS label, s.headline AS headline, s.size AS size,
                   s.providerCount AS providerCount, s.firstPublishedAt AS firstPublishedAt,
                   s.lastPublishedAt AS lastPublishedAt
            ORDER BY firstPublishedAt, id
            """, """
            MATCH (a:Article)-[:PUBLISHED_BY]->(p:Provider)
            WHERE a.publishedAt >= $from AND a.publishedAt < $to
            WITH DISTINCT p
            RETURN p.domain AS domain, p.name AS name
            ORDER BY domain
            """, """
            MATCH (a:Article)-[:TAGGED]->(t:Topic)
            WHERE a.publishedAt >= $from AND a.publishedAt < $to
            WITH DISTINCT t
            RETURN t.name AS name
            ORDER BY name
            """, """
            MATCH (a:Article)
            WHERE a.publishedAt >= $from AND a.publishedAt < $to
            OPTIONAL CALL (a) {
                MATCH (a)-[:PUBLISHED_BY]->(p:Provider)
                RETURN p LIMIT 1
            }
            OPTIONAL CALL (a) {
                MATCH (a)-[:IN_STORY]->(s:Story)
                RETURN s LIMIT 1
            }
            OPTIONAL CALL (a) {
                MATCH (a)-[:DUPLICATE_OF]->(d:Article)
                RETURN d LIMIT 1
            }
            RETURN a.id AS id, a.url AS url, a.title AS title, a.publishedAt AS publishedAt,
                   a.timeFlag IS NOT NULL AS implausible, p {.domain, .name} AS provider,
                   s {.id, .firstPublishedAt} AS story, d.id AS duplicateOf
            ORDER BY publishedAt
            """, """
            MATCH (a:Article)
            WHERE a.publishedAt >= $from AND a.publishedAt < $to
            RETURN a.id AS id, COLLECT { MATCH (a)-[:PUBLISHED_BY]->(p:Provider) RETURN p.domain } AS providers,
                   COLLECT { MATCH (a)-[:TAGGED]->(t:Topic) RETURN t.name } AS topics,
                   COLLECT { MATCH (a)-[r:IN_STORY]->(s:Story) RETURN {story: s.id, score: r.score} } AS stories
            ORDER BY a.publishedAt
            """, """
            MATCH (a:Article)
            WHERE a.publishedAt >= $from AND a.publishedAt < $to
            CALL (a) {
                MATCH (a)-[r:RELATED_TO]->(b:Article)
                WHERE b.publishedAt >= $from AND b.publishedAt < $to
                RETURN b, r
            }
            RETURN a.id AS source, b.id AS target, r.rank AS rank
            ORDER BY a.publishedAt
            """);

    private final Graph graph;

    GraphReader(Graph graph) {
        this.graph = graph;
    }

    static Map<String, Object> storyParameters(String storyId) {
        return Map.of("story", storyId);
    }

    static Map<String, Object> spanParameters(Instant from, Instant to) {
        return Map.of("from", utc(from), "to", utc(to));
    }

    /** Writes the selection into the sink (without closing it). */
    void read(Queries queries, Map<String, Object> parameters, GraphSink sink) {
        try (var session = graph.session(AccessMode.READ); Transaction tx = session.beginTransaction()) {
            Edges edges = new Edges(sink);
            stream(tx.run(queries.stories(), parameters), r -> sink.node(storyNode(r)));
            stream(tx.run(queries.providers(), parameters), r -> sink.node(new GraphSink.Node(
                    new GraphSink.Ref("provider", r.get("domain").asString()),
                    r.get("name").isNull() ? r.get("domain").asString() : r.get("name").asString(),
                    data("domain", r.get("domain").asString(), "name", string(r.get("name"))))));
            stream(tx.run(queries.topics(), parameters), r -> sink.node(new GraphSink.Node(
                    new GraphSink.Ref("topic", r.get("name").asString()), r.get("name").asString(),
                    data("name", r.get("name").asString()))));
            stream(tx.run(queries.articles(), parameters), r -> sink.node(articleNode(r)));
            stream(tx.run(queries.memberships(), parameters), r -> {
                GraphSink.Ref article = new GraphSink.Ref("article", r.get("id").asString());
                for (Value domain : r.get("providers").values()) {
                    edges.add("PUBLISHED_BY", article, new GraphSink.Ref("provider", domain.asString()), Map.of());
                }
                for (Value topic : r.get("topics").values()) {
                    edges.add("TAGGED", article, new GraphSink.Ref("topic", topic.asString()), Map.of());
                }
                for (Value story : r.get("stories").values()) {
                    edges.add("IN_STORY", article, new GraphSink.Ref("story", story.get("story").asString()),
                            data("score", story.get("score").isNull() ? null : story.get("score").asDouble()));
                }
            });
            stream(tx.run(queries.related(), parameters), r -> edges.add("RELATED_TO",
                    new GraphSink.Ref("article", r.get("source").asString()),
                    new GraphSink.Ref("article", r.get("target").asString()),
                    data("rank", r.get("rank").isNull() ? null : r.get("rank").asLong())));
            tx.commit();
        }
    }

    /** Numbers edges {@code e1, e2, ...} in the order they are written. */
    static final class Edges {
        private final GraphSink sink;
        private long count;

        Edges(GraphSink sink) {
            this.sink = sink;
        }

        void add(String type, GraphSink.Ref source, GraphSink.Ref target, Map<String, Object> data) {
            add(type, source, target, null, data);
        }

        void add(String type, GraphSink.Ref source, GraphSink.Ref target, Double weight, Map<String, Object> data) {
            sink.edge(new GraphSink.Edge("e" + (++count), type, source, target, weight, data));
        }
    }

    private static void stream(Result result, Consumer<Record> each) {
        while (result.hasNext()) {
            each.accept(result.next());
        }
    }

    private static GraphSink.Node storyNode(Record r) {
        String label = string(r.get("label"));
        if (label == null || label.isBlank()) {
            label = string(r.get("headline"));
        }
        return new GraphSink.Node(new GraphSink.Ref("story", r.get("id").asString()),
                label == null ? r.get("id").asString() : label,
                data("size", r.get("size").isNull() ? null : r.get("size").asLong(),
                        "providerCount", r.get("providerCount").isNull() ? null : r.get("providerCount").asLong(),
                        "firstPublishedAt", instant(r.get("firstPublishedAt")),
                        "lastPublishedAt", instant(r.get("lastPublishedAt"))));
    }

    /**
     * An article: {@code lagMinutes} are whole minutes after its story's first report (the story's earliest
     * plausible time, as in the coverage view), absent when the article's own time is implausible or it has no
     * story. {@code providerName} is for CSV only.
     */
    private static GraphSink.Node articleNode(Record r) {
        Value provider = r.get("provider");
        Value story = r.get("story");
        Instant published = instant(r.get("publishedAt"));
        Instant first = story.isNull() ? null : instant(story.get("firstPublishedAt"));
        Long lag = !r.get("implausible").asBoolean() && published != null && first != null
                ? Duration.between(first, published).toMinutes() : null;
        String title = string(r.get("title"));
        return new GraphSink.Node(new GraphSink.Ref("article", r.get("id").asString()),
                title == null ? r.get("url").asString() : title,
                data("title", title, "url", r.get("url").asString(), "publishedAt", published,
                        "provider", provider.isNull() ? null : provider.get("domain").asString(),
                        "providerName", provider.isNull() ? null : string(provider.get("name")),
                        "story", story.isNull() ? null : story.get("id").asString(),
                        "lagMinutes", lag, "duplicateOf", string(r.get("duplicateOf"))));
    }

    /** name/value pairs to a map; null values are left out. */
    static Map<String, Object> data(Object... pairs) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                data.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return data;
    }

}
