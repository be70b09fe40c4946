package org.storygraph.feeds;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;
import org.storygraph.graph.Convert;
import org.storygraph.graph.Graph;

/** The {@code (:Feed)} nodes: the feed list and each feed's polling state. */
@Component
class FeedStore {

    private final Graph graph;

    FeedStore(Graph graph) {
        this.graph = graph;
    }

    /** Adds a feed (due at once), or changes the interval of one already there; true when it is new. */
    boolean add(String url, Duration every, Instant now) {
        return graph.write(tx -> tx.run("""
                MERGE (f:Feed {url: $url})
                ON CREATE SET f.created = true, f.failures = 0, f.articles = 0, f.nextFetchAt = $now, f.addedAt = $now
                ON MATCH SET f.created = false
                SET f.every = $every
                WITH f, f.created AS created
                REMOVE f.created
                RETURN created
                """, Map.of("url", url, "every", every.toSeconds(), "now", Convert.utc(now)))
                .single().get("created").asBoolean());
    }

    boolean remove(String url) {
        return graph.write(tx -> tx.run("MATCH (f:Feed {url: $url}) DELETE f RETURN count(*) AS n",
                Map.of("url", url)).single().get("n").asLong() > 0);
    }

    List<Feed> all() {
        return graph.list("MATCH (f:Feed) RETURN f ORDER BY f.url", Map.of(), FeedStore::feed);
    }

    Optional<Feed> find(String url) {
        return graph.one("MATCH (f:Feed {url: $url}) RETURN f", Map.of("url", url), FeedStore::feed);
    }

    /** Feeds whose next fetch is due at {@code now}, the most overdue first. */
    List<Feed> due(Instant now) {
        return graph.list("""
                MATCH (f:Feed) WHERE f.nextFetchAt IS NULL OR f.nextFetchAt <= $now
                RETURN f ORDER BY f.nextFetchAt, f.url
                """, Map.of("now", Convert.utc(now)), FeedStore::feed);
    }

    /** Records a poll's outcome; null values remove the property (a feed that stopped sending an ETag). */
    void record(String url, Instant fetchedAt, Integer status, String error, int failures, Instant next,
            long articlesAdded, String etag, String lastModified, String hash) {
        Map<String, Object> set = new HashMap<>();
        set.put("lastFetchAt", Convert.utc(fetchedAt));
        set.put("lastStatus", status);
        set.put("lastError", error);
        set.put("failures", failures);
        set.put("nextFetchAt", Convert.utc(next));
        set.put("etag", etag);
        set.put("lastModified", lastModified);
        set.put("lastHash", hash);
        graph.write(tx -> tx.run("""
                MATCH (f:Feed {url: $url})
                SET f += $set, f.articles = coalesce(f.articles, 0) + $added
                """, Map.of("url", url, "set", set, "added", articlesAdded)).consume());
    }

    private static Feed feed(Record r) {
        Value f = r.get("f");
        Value every = f.get("every");
        return new Feed(f.get("url").asString(), every.isNull() ? null : Duration.ofSeconds(every.asLong()),
                Convert.string(f.get("etag")), Convert.string(f.get("lastModified")),
                Convert.instant(f.get("lastFetchAt")), Convert.integer(f.get("lastStatus")),
                Convert.string(f.get("lastError")), f.get("failures").asInt(0), Convert.instant(f.get("nextFetchAt")),
                f.get("articles").asLong(0), Convert.string(f.get("lastHash")));
    }
}
