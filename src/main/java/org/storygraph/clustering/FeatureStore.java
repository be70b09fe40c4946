package org.storygraph.clustering;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.storygraph.graph.Convert;
import org.storygraph.graph.Graph;

/**
 * Reads articles for clustering and gives each its features once: the embedding of "title. excerpt" and the
 * stemmed terms are computed when missing or when the text changed ({@code featureHash}), and stored on the article
 * ({@code embedding} feeds the vector index, {@code day} its filter).
 */
final class FeatureStore {

    private final Graph graph;
    private final SentenceEmbedder embedder;
    private final TermExtractor extractor;
    private long embeddingMillis;

    FeatureStore(Graph graph, SentenceEmbedder embedder, TermExtractor extractor) {
        this.graph = graph;
        this.embedder = embedder;
        this.extractor = extractor;
    }

    /** Milliseconds spent in the embedding model since the last call (for the clustering log). */
    long takeEmbeddingMillis() {
        long ms = embeddingMillis;
        embeddingMillis = 0;
        return ms;
    }

    /** Features of the given articles (those that exist), computing and storing what is missing. */
    List<Features> load(List<String> urls) {
        List<Record> records = graph.read(tx -> tx.run("""
                UNWIND $urls AS url
                MATCH (a:Article {url: url})
                RETURN a.url AS url, a.id AS id, a.title AS title, a.excerpt AS excerpt,
                       CASE WHEN a.timeFlag IS NULL THEN a.publishedAt END AS publishedAt,
                       a.featureHash AS featureHash, a.embedding AS embedding,
                       a.termKeys AS termKeys, a.termFreqs AS termFreqs, a.termSurfaces AS termSurfaces,
                       [(a)-[:TAGGED]->(t:Topic) | t.name] AS topics,
                       [(a)-[:IN_STORY]->(s:Story) | s.id][0] AS story
                """, Map.of("urls", urls)).list());
        List<Features> features = new ArrayList<>(records.size());
        List<Integer> missing = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (Record r : records) {
            String text = text(r.get("title"), r.get("excerpt"));
            String hash = hash(text);
            long time = r.get("publishedAt").isNull() ? Agglomerator.NO_TIME
                    : r.get("publishedAt").asOffsetDateTime().toEpochSecond();
            List<String> topics = r.get("topics").asList(Value::asString);
            String story = Convert.string(r.get("story"));
            if (hash.equals(Convert.string(r.get("featureHash"))) && !r.get("embedding").isNull()) {
                features.add(new Features(r.get("url").asString(), r.get("id").asString(), time,
                        floats(r.get("embedding")), terms(r), surfaces(r), topics, story));
            } else {
                missing.add(features.size());
                texts.add(text);
                hashes.add(hash);
                features.add(new Features(r.get("url").asString(), r.get("id").asString(), time, null, null, null,
                        topics, story));
            }
        }
        if (!missing.isEmpty()) {
            long t0 = System.nanoTime();
            List<float[]> vectors = embedder.embedAll(texts);
            embeddingMillis += (System.nanoTime() - t0) / 1_000_000;
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < missing.size(); i++) {
                int at = missing.get(i);
                Features f = features.get(at);
                TermExtractor.Terms terms = extractor.extract(texts.get(i));
                Features full = new Features(f.url(), f.id(), f.epochSecond(), vectors.get(i), terms.weights(),
                        terms.surfaces(), f.topics(), f.story());
                features.set(at, full);
                rows.add(row(full, hashes.get(i)));
            }
            graph.write(tx -> tx.run("""
                    UNWIND $rows AS row
                    MATCH (a:Article {url: row.url})
                    SET a.embedding = row.embedding, a.termKeys = row.keys, a.termFreqs = row.freqs,
                        a.termSurfaces = row.surfaces, a.day = row.day, a.featureHash = row.hash
                    """, Map.of("rows", rows)).consume());
        }
        return features;
    }

    private static Map<String, Object> row(Features f, String hash) {
        List<String> keys = new ArrayList<>(f.terms().keySet());
        List<Double> freqs = new ArrayList<>();
        List<String> surfaces = new ArrayList<>();
        for (String k : keys) {
            freqs.add((double) f.terms().get(k));
            surfaces.add(f.surfaces().getOrDefault(k, k));
        }
        Map<String, Object> row = new HashMap<>();
        row.put("url", f.url());
        row.put("embedding", Values.value(f.embedding()));
        row.put("keys", keys);
        row.put("freqs", freqs);
        row.put("surfaces", surfaces);
        row.put("day", f.epochSecond() == Agglomerator.NO_TIME ? null : Math.floorDiv(f.epochSecond(), 86400L));
        row.put("hash", hash);
        return row;
    }

    static String text(Value title, Value excerpt) {
        String t = title.isNull() ? "" : title.asString();
        String e = excerpt.isNull() ? "" : excerpt.asString();
        return e.isBlank() ? t : t + ". " + e;
    }

    static float[] floats(Value v) {
        List<Object> list = v.asList();
        float[] f = new float[list.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = ((Number) list.get(i)).floatValue();
        }
        return f;
    }

    private static final String FEATURE_VERSION = "features-2|";

    static Map<String, Float> terms(Record r) {
        Map<String, Float> terms = new LinkedHashMap<>();
        if (r.get("termKeys").isNull()) {
            return terms;
        }
        List<String> keys = r.get("termKeys").asList(Value::asString);
        List<Double> freqs = r.get("termFreqs").asList(Value::asDouble);
        for (int i = 0; i < keys.size(); i++) {
            terms.put(keys.get(i), freqs.get(i).floatValue());
        }
        return terms;
    }

    static Map<String, String> surfaces(Record r) {
        Map<String, String> surfaces = new HashMap<>();
        if (r.get("termKeys").isNull() || r.get("termSurfaces").isNull()) {
            return surfaces;
        }
        List<String> keys = r.get("termKeys").asList(Value::asString);
        List<String> written = r.get("termSurfaces").asList(Value::asString);
        for (int i = 0; i < keys.size() && i < written.size(); i++) {
            surfaces.put(keys.get(i), written.get(i));
        }
        return surfaces;
    }

    /**
     * The text's fingerprint, prefixed with the version of the feature extraction: a change of the extraction (version
     * 2: bigram terms) makes every article's features be computed again.
     */
    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((FEATURE_VERSION + text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
