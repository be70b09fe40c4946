package org.storygraph.article;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.storygraph.article.ArticleViews.ArticleDetail;
import org.storygraph.article.ArticleViews.ArticleSummary;
import org.storygraph.common.Page;
import org.storygraph.graph.Fulltext;
import org.storygraph.common.ProviderRef;
import org.storygraph.article.ArticleViews.ProviderSummary;
import org.storygraph.article.ArticleViews.RelatedLink;
import org.storygraph.article.ArticleViews.TopicSummary;
import org.storygraph.graph.ReadRetry;
import org.storygraph.common.InvalidUrlException;
import org.storygraph.common.UrlCanonicalizer;

/** Read side of articles, providers and topics: parameterised Cypher through {@link Neo4jClient}, record results. */
@Service
@ReadRetry
public class ArticleQueries {

    /** Filters of the article list; null fields do not filter. */
    public record ArticleFilter(String provider, String topic, Instant from, Instant to, String url, String q) {
    }

    private static final String ARTICLE_ROW = """
            RETURN a.id AS id, a.url AS url, a.title AS title, a.publishedAt AS publishedAt,
                   [(a)-[:PUBLISHED_BY]->(p:Provider) | p {.domain, .name}][0] AS provider,
                   [(a)-[:TAGGED]->(t:Topic) | t.name] AS topics
            """;

    private final Neo4jClient client;

    ArticleQueries(Neo4jClient client) {
        this.client = client;
    }

    public Page<ArticleSummary> articles(ArticleFilter filter, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("provider", filter.provider() == null ? null : filter.provider().toLowerCase());
        params.put("topic", filter.topic());
        params.put("from", time(filter.from()));
        params.put("to", time(filter.to()));
        params.put("skip", (long) page * size);
        params.put("limit", size);
        if (filter.url() != null) {
            return byUrl(filter, params, page, size);
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            params.put("q", Fulltext.allWords(filter.q()));
            return page(byText(), params, page, size);
        }
        return page(byFilters(), params, page, size);
    }

    private Page<ArticleSummary> byUrl(ArticleFilter filter, Map<String, Object> params, int page, int size) {
        String canonical;
        try {
            canonical = UrlCanonicalizer.canonicalize(filter.url());
        } catch (InvalidUrlException e) {
            throw new IllegalArgumentException("Parameter 'url' is not a usable URL: " + e.getMessage());
        }
        params.put("url", canonical);
        // Canonicalisation is deterministic, so any original form of a loaded URL finds its article by key.
        String match = """
                MATCH (a:Article {url: $url})
                WHERE ($provider IS NULL OR EXISTS { (a)-[:PUBLISHED_BY]->(:Provider {domain: $provider}) })
                  AND ($topic IS NULL OR EXISTS { (a)-[:TAGGED]->(:Topic {name: $topic}) })
                  AND ($from IS NULL OR a.publishedAt >= $from)
                  AND ($to IS NULL OR a.publishedAt < $to)
                """;
        return page(match, params, page, size);
    }

    private static String byText() {
        return """
                CALL db.index.fulltext.queryNodes('article_text', $q) YIELD node AS a, score
                WHERE ($provider IS NULL OR EXISTS { (a)-[:PUBLISHED_BY]->(:Provider {domain: $provider}) })
                  AND ($topic IS NULL OR EXISTS { (a)-[:TAGGED]->(:Topic {name: $topic}) })
                  AND ($from IS NULL OR a.publishedAt >= $from)
                  AND ($to IS NULL OR a.publishedAt < $to)
                """;
    }

    private static String byFilters() {
        return """
                MATCH (a:Article)
                WHERE ($provider IS NULL OR EXISTS { (a)-[:PUBLISHED_BY]->(:Provider {domain: $provider}) })
                  AND ($topic IS NULL OR EXISTS { (a)-[:TAGGED]->(:Topic {name: $topic}) })
                  AND ($from IS NULL OR a.publishedAt >= $from)
                  AND ($to IS NULL OR a.publishedAt < $to)
                """;
    }

    /** Runs {@code match} (which binds {@code a}) once for the total and once for the requested page. */
    private Page<ArticleSummary> page(String match, Map<String, Object> params, int page, int size) {
        long total = client.query(match + " RETURN count(a) AS total").bindAll(params)
                .fetchAs(Long.class).one().orElse(0L);
        String order = params.containsKey("q")
                ? "WITH a, score ORDER BY score DESC, a.url SKIP $skip LIMIT $limit\n"
                : "WITH a ORDER BY a.publishedAt IS NULL, a.publishedAt DESC, a.url SKIP $skip LIMIT $limit\n";
        List<ArticleSummary> items = List.copyOf(client.query(match + order + ARTICLE_ROW).bindAll(params)
                .fetchAs(ArticleSummary.class)
                .mappedBy((types, record) -> summary(record)).all());
        return Page.of(items, page, size, total);
    }

    public Optional<ArticleDetail> article(String id) {
        return client.query("""
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
                """).bind(id).to("id")
                .fetchAs(ArticleDetail.class)
                .mappedBy((types, record) -> {
                    Value a = record.get("a");
                    return new ArticleDetail(a.get("id").asString(), a.get("url").asString(),
                            a.get("originalUrls").asList(Value::asString), string(a.get("title")),
                            string(a.get("excerpt")), instant(a.get("publishedAt")), string(a.get("type")),
                            string(a.get("category")), integer(a.get("quality")), integer(a.get("heat")),
                            string(a.get("ampUrl")), string(a.get("imageUrl")), provider(record.get("provider")),
                            record.get("topics").asList(Value::asString),
                            record.get("related").asList(ArticleQueries::link),
                            record.get("relatedFrom").asList(ArticleQueries::link),
                            record.get("sources").asList(Value::asString));
                })
                .one();
    }

    public Page<ProviderSummary> providers(String q, int page, int size) {
        Map<String, Object> params = Map.of("q", q == null ? "" : q.toLowerCase(), "skip", (long) page * size,
                "limit", size);
        String match = """
                MATCH (p:Provider)
                WHERE $q = '' OR p.domain CONTAINS $q OR toLower(p.name) CONTAINS $q
                """;
        long total = client.query(match + "RETURN count(p)").bindAll(params).fetchAs(Long.class).one().orElse(0L);
        List<ProviderSummary> items = List.copyOf(client.query(match + """
                WITH p, COUNT { (p)<-[:PUBLISHED_BY]-() } AS articles
                ORDER BY articles DESC, p.domain SKIP $skip LIMIT $limit
                RETURN p.domain AS domain, p.name AS name, articles
                """).bindAll(params).fetchAs(ProviderSummary.class)
                .mappedBy((types, r) -> new ProviderSummary(r.get("domain").asString(), string(r.get("name")),
                        r.get("articles").asLong()))
                .all());
        return Page.of(items, page, size, total);
    }

    public List<TopicSummary> topics() {
        return List.copyOf(client.query("""
                MATCH (t:Topic)
                WITH t, COUNT { (t)<-[:TAGGED]-() } AS articles
                RETURN t.name AS name, articles ORDER BY articles DESC, name
                """).fetchAs(TopicSummary.class)
                .mappedBy((types, r) -> new TopicSummary(r.get("name").asString(), r.get("articles").asLong()))
                .all());
    }

    private static ArticleSummary summary(org.neo4j.driver.Record record) {
        return new ArticleSummary(record.get("id").asString(), record.get("url").asString(),
                string(record.get("title")), instant(record.get("publishedAt")), provider(record.get("provider")),
                record.get("topics").asList(Value::asString));
    }

    private static RelatedLink link(Value v) {
        return new RelatedLink(v.get("rank").asInt(0), v.get("id").asString(), v.get("url").asString(),
                string(v.get("title")), instant(v.get("publishedAt")), provider(v.get("provider")));
    }

    static ProviderRef provider(Value v) {
        return v == null || v.isNull() ? null : new ProviderRef(v.get("domain").asString(), string(v.get("name")));
    }

    static String string(Value v) {
        return v == null || v.isNull() ? null : v.asString();
    }

    static Integer integer(Value v) {
        return v == null || v.isNull() ? null : v.asInt();
    }

    static Instant instant(Value v) {
        return v == null || v.isNull() ? null : v.asOffsetDateTime().toInstant();
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
