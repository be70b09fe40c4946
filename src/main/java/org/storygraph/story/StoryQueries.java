package org.storygraph.story;

import static org.storygraph.graph.Convert.instant;
import static org.storygraph.graph.Convert.list;
import static org.storygraph.graph.Convert.string;
import static org.storygraph.graph.Convert.strings;
import static org.storygraph.graph.Convert.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;
import org.storygraph.common.Page;
import org.storygraph.common.ProviderRef;
import org.storygraph.common.SortFields;
import org.storygraph.common.SortFields.Field;
import org.storygraph.common.SortOrder;
import org.storygraph.graph.Fulltext;
import org.storygraph.graph.Graph;
import org.storygraph.graph.NodeKey;
import org.storygraph.graph.ReadRetry;
import org.storygraph.story.StoryViews.GraphEdge;
import org.storygraph.story.StoryViews.GraphNode;
import org.storygraph.story.StoryViews.StoryArticle;
import org.storygraph.story.StoryViews.StoryDetail;
import org.storygraph.story.StoryViews.StoryGraph;
import org.storygraph.story.StoryViews.StorySummary;

/** Read side of stories: parameterised Cypher through {@link Graph}, record results. */
@Service
@ReadRetry
public class StoryQueries {

    /**
     * Sortable fields of the story list: {@code size} (articles), {@code providers} and {@code recency} (the last
     * article's time), all descending unless asked otherwise; default {@code size}. Ties go to the most recent
     * story, then the id.
     */
    public static final SortFields SORTS = SortFields.of("size", Field.desc("size", "s.size"),
            Field.desc("providers", "s.providerCount"), Field.desc("recency", "s.lastPublishedAt"));

    /**
     * Filters of the story list; null fields do not filter. {@code from}/{@code to}: the story overlaps.
     * {@code collection}, {@code mediaType}, {@code country}: an outlet that covered it is in that collection (exact
     * name), has that media type or that country (both case-insensitive). {@code changedSince}: the story was created
     * or changed (members, size, label, times) after it.
     */
    public record StoryFilter(Instant from, Instant to, String topic, String provider, Integer minProviders,
            String q, String collection, String mediaType, String country, Instant changedSince) {

        public StoryFilter(Instant from, Instant to, String topic, String provider, Integer minProviders, String q) {
            this(from, to, topic, provider, minProviders, q, null, null, null, null);
        }

        boolean none() {
            return from == null && to == null && topic == null && provider == null && minProviders == null
                    && (q == null || q.isBlank()) && collection == null && mediaType == null && country == null
                    && changedSince == null;
        }
    }

    /** The stories the list's filters select, as {@code s}; a null parameter does not filter. */
    private static final String FILTERED = """
            MATCH (s:Story)
            WHERE s.providerCount >= $minProviders
              AND ($ids IS NULL OR s.id IN $ids)
              AND ($changedSince IS NULL OR s.updatedAt > $changedSince)
              AND ($from IS NULL OR s.lastPublishedAt >= $from)
              AND ($to IS NULL OR s.firstPublishedAt < $to)
              AND ($topic IS NULL OR EXISTS { (s)<-[:IN_STORY]-(:Article)-[:TAGGED]->(:Topic {name: $topic}) })
              AND ($provider IS NULL
                   OR EXISTS { (s)<-[:COVERED]-(:Provider {domain: $provider}) })
              AND ($collection IS NULL
                   OR EXISTS { (s)<-[:COVERED]-(:Provider)-[:IN_COLLECTION]->(:Collection {name: $collection}) })
              AND ($mediaType IS NULL
                   OR EXISTS { (s)<-[:COVERED]-(p:Provider) WHERE toLower(p.mediaType) = toLower($mediaType) })
              AND ($country IS NULL
                   OR EXISTS { (s)<-[:COVERED]-(p:Provider) WHERE toUpper(p.country) = toUpper($country) })
            """;

    /** The columns {@link #summary(Value)} reads, as the map {@code s}. */
    private static final String SUMMARY = """
            RETURN s {.id, .label, .headline, .topTerms, .size, .providerCount, .firstPublishedAt,
                      .lastPublishedAt} AS s
            """;

    /** An end of a RELATED_TO edge of a story graph. */
    private record LinkEnd(String id, String title, String url, Instant publishedAt, ProviderRef provider) {
    }

    /** A RELATED_TO edge touching a story's members. */
    private record Link(LinkEnd from, LinkEnd to, long rank) {
    }

    private final Graph graph;

    StoryQueries(Graph graph) {
        this.graph = graph;
    }

    public Page<StorySummary> stories(StoryFilter filter, SortOrder sort, int page, int size) {
        if (filter.none()) {
            return allStories(sort, page, size);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("from", utc(filter.from()));
        params.put("to", utc(filter.to()));
        params.put("changedSince", utc(filter.changedSince()));
        params.put("topic", filter.topic());
        params.put("provider", filter.provider() == null ? null : filter.provider().toLowerCase());
        params.put("collection", filter.collection());
        params.put("mediaType", filter.mediaType());
        params.put("country", filter.country());
        params.put("minProviders", filter.minProviders() == null ? 0 : filter.minProviders());
        params.put("ids", filter.q() == null || filter.q().isBlank() ? null : storiesMatching(filter.q()));
        params.put("skip", (long) page * size);
        params.put("limit", size);
        long total = graph.count(FILTERED + "RETURN count(s)", params);
        List<StorySummary> items = graph.list(FILTERED + """
                WITH s ORDER BY %s, s.lastPublishedAt DESC, s.id
                SKIP $skip LIMIT $limit
                """.formatted(sort.cypher()) + SUMMARY, params, StoryQueries::summary);
        return Page.of(items, page, size, total);
    }

    /** Stories with an article whose title or excerpt has all the words (full-text index); at most 10,000. */
    private List<String> storiesMatching(String q) {
        return graph.list("""
                CALL db.index.fulltext.queryNodes('article_text', $q) YIELD node
                MATCH (node)-[:IN_STORY]->(s:Story)
                RETURN DISTINCT s.id AS id LIMIT 10000
                """, Map.of("q", Fulltext.allWords(q)), StoryQueries::id);
    }

    /**
     * The unfiltered list (the explorer's first page): the total from the count store and the page in the order
     * of the sort key's range index, so it costs the same at any graph size.
     */
    private Page<StorySummary> allStories(SortOrder sort, int page, int size) {
        long total = graph.count("MATCH (s:Story) RETURN count(s)", Map.of());
        // expressions come from SORTS only; the IS NOT NULL lets the planner walk the first key's range index
        String cypher = """
                MATCH (s:Story) WHERE %s IS NOT NULL
                WITH s ORDER BY %s, s.lastPublishedAt DESC, s.id SKIP $skip LIMIT $limit
                """.formatted(sort.terms().getFirst().expression(), sort.cypher());
        List<StorySummary> items = graph.list(cypher + SUMMARY, Map.of("skip", (long) page * size, "limit", size),
                StoryQueries::summary);
        return Page.of(items, page, size, total);
    }

    public Optional<StoryDetail> story(String id) {
        return graph.one("""
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
                """, Map.of("id", id), StoryQueries::detail);
    }

    public Optional<StorySummary> storyOfArticle(String articleId) {
        return graph.one("""
                MATCH (:Article {id: $id})-[:IN_STORY]->(s:Story)
                """ + SUMMARY, Map.of("id", articleId), StoryQueries::summary);
    }

    public boolean articleExists(String articleId) {
        return graph.exists(NodeKey.ARTICLE_ID, articleId);
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
        List<Link> links = graph.list("""
                MATCH (s:Story {id: $id})<-[:IN_STORY]-(a:Article)-[r:RELATED_TO]-(b:Article)
                WITH DISTINCT startNode(r) AS from, endNode(r) AS to, r.rank AS rank
                OPTIONAL MATCH (to)-[:PUBLISHED_BY]->(pt:Provider)
                OPTIONAL MATCH (from)-[:PUBLISHED_BY]->(pf:Provider)
                RETURN from {.id, .title, .url, .publishedAt} AS from, pf {.domain, .name} AS fromProvider,
                       to {.id, .title, .url, .publishedAt} AS to, pt {.domain, .name} AS toProvider, rank
                ORDER BY from.id, rank
                """, Map.of("id", id), StoryQueries::link);
        for (Link link : links) {
            for (LinkEnd end : List.of(link.from(), link.to())) {
                nodes.putIfAbsent(end.id(), articleNode(end.id(), end.title(), end.url(), end.publishedAt(),
                        end.provider(), false, null));
            }
            String from = link.from().id();
            String to = link.to().id();
            edges.add(new GraphEdge(from + ">rel>" + to, from, to, "RELATED_TO", Map.of("rank", link.rank())));
        }
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

    private static String id(Record r) {
        return r.get("id").asString();
    }

    private static StorySummary summary(Record r) {
        return summary(r.get("s"));
    }

    private static StorySummary summary(Value s) {
        return new StorySummary(s.get("id").asString(), string(s.get("label")), string(s.get("headline")),
                strings(s.get("topTerms")), s.get("size").asLong(0), s.get("providerCount").asLong(0),
                instant(s.get("firstPublishedAt")), instant(s.get("lastPublishedAt")));
    }

    private static StoryDetail detail(Record r) {
        return new StoryDetail(summary(r.get("s")), list(r.get("articles"), StoryQueries::article));
    }

    private static StoryArticle article(Value v) {
        return new StoryArticle(v.get("id").asString(), v.get("url").asString(), string(v.get("title")),
                instant(v.get("publishedAt")), provider(v.get("provider")),
                v.get("score").isNull() ? 0 : v.get("score").asDouble(), string(v.get("duplicateOf")));
    }

    private static Link link(Record r) {
        return new Link(linkEnd(r.get("from"), r.get("fromProvider")), linkEnd(r.get("to"), r.get("toProvider")),
                r.get("rank").asLong());
    }

    private static LinkEnd linkEnd(Value article, Value provider) {
        return new LinkEnd(article.get("id").asString(), string(article.get("title")), string(article.get("url")),
                instant(article.get("publishedAt")), provider(provider));
    }

    private static ProviderRef provider(Value p) {
        return p.isNull() ? null : new ProviderRef(p.get("domain").asString(), string(p.get("name")));
    }
}
