package org.storygraph.article;

import static org.storygraph.graph.Convert.instant;
import static org.storygraph.graph.Convert.integer;
import static org.storygraph.graph.Convert.list;
import static org.storygraph.graph.Convert.string;
import static org.storygraph.graph.Convert.strings;
import static org.storygraph.graph.Convert.utc;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;
import org.storygraph.article.ArticleViews.ArticleDetail;
import org.storygraph.article.ArticleViews.ArticleSummary;
import org.storygraph.article.ArticleViews.RelatedLink;
import org.storygraph.article.ArticleViews.TopicSummary;
import org.storygraph.common.InvalidUrlException;
import org.storygraph.common.Page;
import org.storygraph.common.SortFields;
import org.storygraph.common.SortFields.Field;
import org.storygraph.common.SortOrder;
import org.storygraph.common.ProviderRef;
import org.storygraph.common.UrlCanonicalizer;
import org.storygraph.graph.Fulltext;
import org.storygraph.graph.Graph;
import org.storygraph.graph.ReadRetry;

/** Read side of articles, providers and topics: parameterised Cypher through {@link Graph}, record results. */
@Service
@ReadRetry
public class ArticleQueries {

    /** Filters of the article list; null fields do not filter. */
    public record ArticleFilter(String provider, String topic, Instant from, Instant to, String url, String q) {
    }

    /** The filters of the article list on {@code a}; a null parameter does not filter. */
    private static final String FILTERS = """
            WHERE ($provider IS NULL OR EXISTS { (a)-[:PUBLISHED_BY]->(:Provider {domain: $provider}) })
              AND ($topic IS NULL OR EXISTS { (a)-[:TAGGED]->(:Topic {name: $topic}) })
              AND ($from IS NULL OR a.publishedAt >= $from)
              AND ($to IS NULL OR a.publishedAt < $to)
            """;

    // Canonicalisation is deterministic, so any original form of a loaded URL finds its article by key.
    private static final String BY_URL = """
            MATCH (a:Article {url: $url})
            """ + FILTERS;

    private static final String BY_TEXT = """
            CALL db.index.fulltext.queryNodes('article_text', $q) YIELD node AS a, score
            """ + FILTERS;

    private static final String BY_FILTERS = """
            MATCH (a:Article)
            """ + FILTERS;

    private static final String ARTICLE_ROW = """
            RETURN a.id AS id, a.url AS url, a.title AS title, a.publishedAt AS publishedAt,
                   [(a)-[:PUBLISHED_BY]->(p:Provider) | p {.domain, .name}][0] AS provider,
                   [(a)-[:TAGGED]->(t:Topic) | t.name] AS topics
            """;

    private final Graph graph;

    ArticleQueries(Graph graph) {
        this.graph = graph;
    }

    /**
     * Sortable fields of the article list: {@code published} (descending unless asked otherwise) and {@code title}
     * (ascending); articles without the value go last. Default: newest first, or by relevance when words are given.
     */
    public static final SortFields ARTICLE_SORTS = SortFields.of("published",
            Field.desc("published", "a.publishedAt").withNullsLast(), Field.asc("title", "a.title").withNullsLast());

    /** Sortable fields of the topic list: {@code articles} (descending), {@code name} (ascending). */
    public static final SortFields TOPIC_SORTS = SortFields.of("articles", Field.desc("articles", "articles"),
            Field.asc("name", "name"));

    /**
     * A page of articles.
     *
     * @param sort the order, or null for the default: by relevance when {@code q} is given, else newest first
     */
    public Page<ArticleSummary> articles(ArticleFilter filter, SortOrder sort, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("provider", filter.provider() == null ? null : filter.provider().toLowerCase());
        params.put("topic", filter.topic());
        params.put("from", utc(filter.from()));
        params.put("to", utc(filter.to()));
        params.put("skip", (long) page * size);
        params.put("limit", size);
        if (filter.url() != null) {
            params.put("url", canonical(filter.url()));
            return page(BY_URL, params, sort, page, size);
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            params.put("q", Fulltext.allWords(filter.q()));
            return page(BY_TEXT, params, sort, page, size);
        }
        return page(BY_FILTERS, params, sort, page, size);
    }

    private static String canonical(String url) {
        try {
            return UrlCanonicalizer.canonicalize(url);
        } catch (InvalidUrlException e) {
            throw new IllegalArgumentException("Parameter 'url' is not a usable URL: " + e.getMessage());
        }
    }

    /** Runs {@code match} (which binds {@code a}) once for the total and once for the requested page. */
    private Page<ArticleSummary> page(String match, Map<String, Object> params, SortOrder sort, int page,
            int size) {
        long total = graph.count(match + " RETURN count(a) AS total", params);
        String order = params.containsKey("q") && sort == null
                ? "WITH a, score ORDER BY score DESC, a.url SKIP $skip LIMIT $limit\n"
                : "WITH a ORDER BY " + (sort == null ? ARTICLE_SORTS.parse(null) : sort).cypher()
                        + ", a.url SKIP $skip LIMIT $limit\n";
        return Page.of(graph.list(match + order + ARTICLE_ROW, params, ArticleQueries::summary), page, size, total);
    }

    public Optional<ArticleDetail> article(String id) {
        return graph.one("""
                MATCH (a:Article {id: $id})
                RETURN a {.*} AS a,
                       [(a)-[:PUBLISHED_BY]->(p:Provider) | p {.domain, .name}][0] AS provider,
                       [(a)-[:TAGGED]->(t:Topic) | t.name] AS topics,
                       COLLECT {
                           MATCH (a)-[r:RELATED_TO]->(b:Article)
                           OPTIONAL MATCH (b)-[:PUBLISHED_BY]->(p:Provider)
                           RETURN {rank: r.rank, id: b.id, url: b.url, title: b.title, publishedAt: b.publishedAt,
                                   provider: p {.domain, .name}} AS link ORDER BY r.rank
                       } AS related,
                       COLLECT {
                           MATCH (b:Article)-[r:RELATED_TO]->(a)
                           OPTIONAL MATCH (b)-[:PUBLISHED_BY]->(p:Provider)
                           RETURN {rank: r.rank, id: b.id, url: b.url, title: b.title, publishedAt: b.publishedAt,
                                   provider: p {.domain, .name}} AS link ORDER BY b.publishedAt, b.url
                       } AS relatedFrom,
                       COLLECT {
                           // files that had it as their item, or listed it among their item's related entries
                           MATCH (s:SourceFile)-[:CONTAINED]->(a) RETURN s.path AS path
                           UNION
                           MATCH (s:SourceFile)-[:CONTAINED]->(:Article)-[:RELATED_TO]->(a) RETURN s.path AS path
                       } AS sources
                """, Map.of("id", id), ArticleQueries::detail);
    }

    public Page<TopicSummary> topics(SortOrder sort, int page, int size) {
        long total = graph.count("MATCH (t:Topic) RETURN count(t)", Map.of());
        List<TopicSummary> items = graph.list("""
                MATCH (t:Topic)
                WITH t.name AS name, COUNT { (t)<-[:TAGGED]-() } AS articles
                ORDER BY %s, name SKIP $skip LIMIT $limit
                RETURN name, articles
                """.formatted(sort.cypher()), Map.of("skip", (long) page * size, "limit", size),
                ArticleQueries::topicSummary);
        return Page.of(items, page, size, total);
    }

    private static ArticleSummary summary(Record r) {
        return new ArticleSummary(r.get("id").asString(), r.get("url").asString(), string(r.get("title")),
                instant(r.get("publishedAt")), provider(r.get("provider")), strings(r.get("topics")));
    }

    private static ArticleDetail detail(Record r) {
        Value a = r.get("a");
        return new ArticleDetail(a.get("id").asString(), a.get("url").asString(), strings(a.get("originalUrls")),
                string(a.get("title")), string(a.get("excerpt")), instant(a.get("publishedAt")),
                string(a.get("type")), string(a.get("category")), integer(a.get("quality")),
                integer(a.get("heat")), string(a.get("ampUrl")), string(a.get("imageUrl")),
                provider(r.get("provider")), strings(r.get("topics")), list(r.get("related"), ArticleQueries::link),
                list(r.get("relatedFrom"), ArticleQueries::link), strings(r.get("sources")));
    }

    private static RelatedLink link(Value v) {
        return new RelatedLink(v.get("rank").asInt(0), v.get("id").asString(), v.get("url").asString(),
                string(v.get("title")), instant(v.get("publishedAt")), provider(v.get("provider")));
    }

    private static TopicSummary topicSummary(Record r) {
        return new TopicSummary(r.get("name").asString(), r.get("articles").asLong());
    }

    private static ProviderRef provider(Value v) {
        return v == null || v.isNull() ? null : new ProviderRef(v.get("domain").asString(), string(v.get("name")));
    }
}
