package org.storygraph.story;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.storygraph.common.Page;
import org.storygraph.graph.Fulltext;
import org.storygraph.common.ProviderRef;
import org.storygraph.graph.ReadRetry;
import org.storygraph.story.StoryViews.GraphEdge;
import org.storygraph.story.StoryViews.GraphNode;
import org.storygraph.story.StoryViews.StoryArticle;
import org.storygraph.story.StoryViews.StoryDetail;
import org.storygraph.story.StoryViews.StoryGraph;
import org.storygraph.story.StoryViews.StorySummary;

/** Read side of stories: parameterised Cypher, record results. */
@Service
@ReadRetry
public class StoryQueries {

    /** Sort orders of the story list. */
    public enum Sort { SIZE, PROVIDERS, RECENCY }

    /** Filters of the story list; null fields do not filter. {@code from}/{@code to}: the story overlaps. */
    public record StoryFilter(Instant from, Instant to, String topic, String provider, Integer minProviders,
            String q) {
    }

    /** Stories with an article whose title or excerpt has all the words (full-text index); at most 10,000. */
    private List<String> storiesMatching(String q) {
        return List.copyOf(client.query("""
                CALL db.index.fulltext.queryNodes('article_text', $q) YIELD node
                MATCH (node)-[:IN_STORY]->(s:Story)
                RETURN DISTINCT s.id LIMIT 10000
                """).bind(Fulltext.allWords(q)).to("q")
                .fetchAs(String.class).all());
    }

    private final Neo4jClient client;

    StoryQueries(Neo4jClient client) {
        this.client = client;
    }

    public Page<StorySummary> stories(StoryFilter filter, Sort sort, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", filter.from() == null ? null : filter.from().atOffset(ZoneOffset.UTC));
        params.put("to", filter.to() == null ? null : filter.to().atOffset(ZoneOffset.UTC));
        params.put("topic", filter.topic());
        params.put("provider", filter.provider() == null ? null : filter.provider().toLowerCase());
        params.put("minProviders", filter.minProviders() == null ? 0 : filter.minProviders());
        params.put("sort", sort.name());
        params.put("ids", filter.q() == null || filter.q().isBlank() ? null : storiesMatching(filter.q()));
        params.put("skip", (long) page * size);
        params.put("limit", size);
        if (filter.from() == null && filter.to() == null && filter.topic() == null && filter.provider() == null
                && filter.minProviders() == null && (filter.q() == null || filter.q().isBlank())) {
            return allStories(sort, page, size);
        }
        long total = client.query("""
                MATCH (s:Story)
                WHERE s.providerCount >= $minProviders
                  AND ($ids IS NULL OR s.id IN $ids)
                  AND ($from IS NULL OR s.lastPublishedAt >= $from)
                  AND ($to IS NULL OR s.firstPublishedAt < $to)
                  AND ($topic IS NULL OR EXISTS { (s)<-[:IN_STORY]-(:Article)-[:TAGGED]->(:Topic {name: $topic}) })
                  AND ($provider IS NULL
                       OR EXISTS { (s)<-[:COVERED]-(:Provider {domain: $provider}) })
                RETURN count(s)
                """).bindAll(params).fetchAs(Long.class).one().orElse(0L);
        List<StorySummary> items = List.copyOf(client.query("""
                MATCH (s:Story)
                WHERE s.providerCount >= $minProviders
                  AND ($ids IS NULL OR s.id IN $ids)
                  AND ($from IS NULL OR s.lastPublishedAt >= $from)
                  AND ($to IS NULL OR s.firstPublishedAt < $to)
                  AND ($topic IS NULL OR EXISTS { (s)<-[:IN_STORY]-(:Article)-[:TAGGED]->(:Topic {name: $topic}) })
                  AND ($provider IS NULL
                       OR EXISTS { (s)<-[:COVERED]-(:Provider {domain: $provider}) })
                WITH s, CASE $sort WHEN 'SIZE' THEN s.size WHEN 'PROVIDERS' THEN s.providerCount END AS key,
                     CASE $sort WHEN 'RECENCY' THEN s.lastPublishedAt END AS time
                ORDER BY key DESC, time DESC, s.lastPublishedAt DESC, s.id
                SKIP $skip LIMIT $limit
                RETURN s {.id, .label, .headline, .topTerms, .size, .providerCount, .firstPublishedAt,
                          .lastPublishedAt} AS s
                """).bindAll(params)
                .fetchAs(StorySummary.class).mappedBy((types, r) -> summary(r.get("s"))).all());
        return Page.of(items, page, size, total);
    }

    /**
     * The unfiltered list (the explorer's first page): the total from the count store and the page in the order
     * of the sort key's range index, so it costs the same at any graph size.
     */
    private Page<StorySummary> allStories(Sort sort, int page, int size) {
        long total = client.query("MATCH (s:Story) RETURN count(s)").fetchAs(Long.class).one().orElse(0L);
        String cypher = switch (sort) {
            case SIZE -> """
                    MATCH (s:Story) WHERE s.size IS NOT NULL
                    WITH s ORDER BY s.size DESC, s.lastPublishedAt DESC, s.id SKIP $skip LIMIT $limit
                    """;
            case PROVIDERS -> """
                    MATCH (s:Story) WHERE s.providerCount IS NOT NULL
                    WITH s ORDER BY s.providerCount DESC, s.lastPublishedAt DESC, s.id SKIP $skip LIMIT $limit
                    """;
            case RECENCY -> """
                    MATCH (s:Story) WHERE s.lastPublishedAt IS NOT NULL
                    WITH s ORDER BY s.lastPublishedAt DESC, s.id SKIP $skip LIMIT $limit
                    """;
        };
        List<StorySummary> items = List.copyOf(client.query(cypher + """
                RETURN s {.id, .label, .headline, .topTerms, .size, .providerCount, .firstPublishedAt,
                          .lastPublishedAt} AS s
                """).bind((long) page * size).to("skip").bind(size).to("limit")
                .fetchAs(StorySummary.class).mappedBy((types, r) -> summary(r.get("s"))).all());
        return Page.of(items, page, size, total);
    }

    public Optional<StoryDetail> story(String id) {
        return client.query("""
                MATCH (s:Story {id: $id})
                RETURN s {.id, .label, .headline, .topTerms, .size, .providerCount, .firstPublishedAt,
                          .lastPublishedAt} AS s,
                       COLLECT {
                           MATCH (a:Article)-[r:IN_STORY]->(s)
                           OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(p:Provider)
                           OPTIONAL MATCH (a)-[:DUPLICATE_OF]->(d:Article)
                           RETURN {id: a.id, url: a.url, title: a.title, publishedAt: a.publishedAt,
                                   provider: p {.domain, .name}, score: r.score, duplicateOf: d.id} AS article
                           ORDER BY a.publishedAt IS NULL, a.publishedAt, a.url
                       } AS articles
                """).bind(id).to("id")
                .fetchAs(StoryDetail.class)
                .mappedBy((types, r) -> new StoryDetail(summary(r.get("s")),
                        r.get("articles").asList(StoryQueries::article)))
                .one();
    }

    public Optional<StorySummary> storyOfArticle(String articleId) {
        return client.query("""
                MATCH (:Article {id: $id})-[:IN_STORY]->(s:Story)
                RETURN s {.id, .label, .headline, .topTerms, .size, .providerCount, .firstPublishedAt,
                          .lastPublishedAt} AS s
                """)
                .bind(articleId).to("id")
                .fetchAs(StorySummary.class).mappedBy((types, r) -> summary(r.get("s"))).one();
    }

    public boolean articleExists(String articleId) {
        return client.query("MATCH (a:Article {id: $id}) RETURN count(a) > 0").bind(articleId).to("id")
                .fetchAs(Boolean.class).one().orElse(false);
    }

    /**
     * The story as a graph: its articles and their providers, PUBLISHED_BY edges, RELATED_TO edges between members
     * and to articles outside the story (included as nodes with {@code inStory: false}), DUPLICATE_OF edges.
     */
    public Optional<StoryGraph> graph(String id) {
        Optional<StoryDetail> detail = story(id);
        if (detail.isEmpty()) {
            return Optional.empty();
        }
        Map<String, GraphNode> nodes = new LinkedHashMap<>();
        List<GraphEdge> edges = new ArrayList<>();
        for (StoryArticle a : detail.get().articles()) {
            nodes.put(a.id(), articleNode(a.id(), a.title(), a.url(), a.publishedAt(), a.provider(), true, a.score()));
            if (a.provider() != null) {
                String pid = "provider:" + a.provider().domain();
                nodes.putIfAbsent(pid, new GraphNode(pid, "provider",
                        a.provider().name() == null ? a.provider().domain() : a.provider().name(),
                        Map.of("domain", a.provider().domain())));
                edges.add(new GraphEdge(a.id() + ">" + pid, a.id(), pid, "PUBLISHED_BY", Map.of()));
            }
            if (a.duplicateOf() != null) {
                edges.add(new GraphEdge(a.id() + ">dup>" + a.duplicateOf(), a.id(), a.duplicateOf(), "DUPLICATE_OF",
                        Map.of()));
            }
        }
        client.query("""
                MATCH (s:Story {id: $id})<-[:IN_STORY]-(a:Article)-[r:RELATED_TO]-(b:Article)
                WITH DISTINCT startNode(r) AS from, endNode(r) AS to, r.rank AS rank
                OPTIONAL MATCH (to)-[:PUBLISHED_BY]->(pt:Provider)
                OPTIONAL MATCH (from)-[:PUBLISHED_BY]->(pf:Provider)
                RETURN from {.id, .title, .url, .publishedAt} AS from, pf {.domain, .name} AS fromProvider,
                       to {.id, .title, .url, .publishedAt} AS to, pt {.domain, .name} AS toProvider, rank
                ORDER BY from.id, rank
                """).bind(id).to("id").fetch().all().forEach(row -> {
            for (String end : List.of("from", "to")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> n = (Map<String, Object>) row.get(end);
                @SuppressWarnings("unchecked")
                Map<String, Object> p = (Map<String, Object>) row.get(end + "Provider");
                nodes.putIfAbsent((String) n.get("id"), articleNode((String) n.get("id"), (String) n.get("title"),
                        (String) n.get("url"), instant(n.get("publishedAt")),
                        p == null ? null : new ProviderRef((String) p.get("domain"), (String) p.get("name")), false,
                        null));
            }
            @SuppressWarnings("unchecked")
            String from = (String) ((Map<String, Object>) row.get("from")).get("id");
            @SuppressWarnings("unchecked")
            String to = (String) ((Map<String, Object>) row.get("to")).get("id");
            edges.add(new GraphEdge(from + ">rel>" + to, from, to, "RELATED_TO", Map.of("rank", row.get("rank"))));
        });
        return Optional.of(new StoryGraph(detail.get().story(), List.copyOf(nodes.values()), edges));
    }

    private static GraphNode articleNode(String id, String title, String url, Instant publishedAt,
            ProviderRef provider, boolean inStory, Double score) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("url", url);
        data.put("publishedAt", publishedAt);
        data.put("provider", provider == null ? null : provider.domain());
        data.put("inStory", inStory);
        if (score != null) {
            data.put("score", score);
        }
        return new GraphNode(id, "article", title, data);
    }

    private static Instant instant(Object value) {
        return value instanceof java.time.temporal.TemporalAccessor t ? Instant.from(t) : null;
    }

    static StorySummary summary(Value s) {
        return new StorySummary(s.get("id").asString(), string(s.get("label")), string(s.get("headline")),
                s.get("topTerms").isNull() ? List.of() : s.get("topTerms").asList(Value::asString),
                s.get("size").asLong(0), s.get("providerCount").asLong(0), time(s.get("firstPublishedAt")),
                time(s.get("lastPublishedAt")));
    }

    private static StoryArticle article(Value v) {
        Value p = v.get("provider");
        return new StoryArticle(v.get("id").asString(), v.get("url").asString(), string(v.get("title")),
                time(v.get("publishedAt")), p.isNull() ? null : new ProviderRef(p.get("domain").asString(),
                        string(p.get("name"))), v.get("score").isNull() ? 0 : v.get("score").asDouble(),
                string(v.get("duplicateOf")));
    }

    private static String string(Value v) {
        return v == null || v.isNull() ? null : v.asString();
    }

    private static Instant time(Value v) {
        return v == null || v.isNull() ? null : v.asOffsetDateTime().toInstant();
    }
}
