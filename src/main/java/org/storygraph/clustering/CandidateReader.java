package org.storygraph.clustering;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.storygraph.graph.Graph;
import org.storygraph.clustering.StoryWriter.StoryState;

/**
 * The read side of clustering: which articles already have features, each new article's nearest neighbours from
 * the vector index (within the time window), its related links, and the stored state of the stories they touch.
 */
final class CandidateReader {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CandidateReader.class);

    private final Graph graph;
    /** Articles per vector-index query. */
    private static final int SEARCH_ROWS = 1000;

    /** Vector-index searches at once. */
    private static final int SEARCH_THREADS = 2;

    private final ExecutorService searches = Executors.newFixedThreadPool(SEARCH_THREADS, r -> {
        Thread t = new Thread(r, "story-neighbours");
        t.setDaemon(true);
        return t;
    });

    CandidateReader(Graph graph) {
        this.graph = graph;
    }

    /** A nearest neighbour of a batch article; {@code score} is the vector index's [0,1] cosine score. */
    record Neighbour(String url, String neighbour, double score, String story, Map<String, Float> terms) {
    }

    /** A RELATED_TO link (either direction) from a batch article to another article. */
    record Related(String url, Features other) {
    }

    Set<String> urlsWithFeatures(List<String> urls) {
        return new HashSet<>(graph.read(tx -> tx.run("""
                UNWIND $urls AS url
                MATCH (a:Article {url: url}) WHERE a.termKeys IS NOT NULL
                RETURN a.url AS url
                """, Map.of("urls", urls)).list(r -> r.get("url").asString())));
    }

    List<Neighbour> neighbours(List<Features> batch, int k, int windowDays, double duplicateScore) {
        List<Map<String, Object>> dated = new ArrayList<>();
        List<Map<String, Object>> undated = new ArrayList<>();
        for (Features f : batch) {
            Map<String, Object> row = new HashMap<>();
            row.put("url", f.url()); // the query reads the stored embedding: no 384 boxed floats per row over Bolt
            if (f.epochSecond() == Agglomerator.NO_TIME) {
                undated.add(row);
            } else {
                long day = Math.floorDiv(f.epochSecond(), 86400L);
                row.put("lo", day - windowDays);
                row.put("hi", day + windowDays);
                dated.add(row);
            }
        }
        List<Neighbour> result = new ArrayList<>();
        // Ask the approximate index for three times as many and keep the k best (ties by URL): the top k then
        // hardly depends on how the index happened to be built, so reclustering gives the same stories in two
        // databases holding the same articles. The cut to the k best happens in the query, so only k rows per
        // article come back and only their stories are looked up.
        Map<String, Object> params = Map.of("limit", 3 * k + 1, "k", k, "duplicate", duplicateScore);
        // the index searches are independent: the dated articles in equal parts, as many as there are search
        // threads and at most SEARCH_ROWS articles each, all running at once (the embedding model is idle by now):
        // one part would leave a core idle, and a remainder part would run alone at the end; memory stays bounded
        List<CompletableFuture<List<Neighbour>>> parts = new ArrayList<>();
        for (List<Map<String, Object>> rows : parts(dated, SEARCH_THREADS, SEARCH_ROWS)) {
            parts.add(CompletableFuture.supplyAsync(() -> graph.read(tx -> tx.run(WINDOWED, with(params, rows))
                    .list(CandidateReader::neighbour)), searches));
        }
        for (CompletableFuture<List<Neighbour>> part : parts) {
            try {
                result.addAll(part.join());
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        if (!undated.isEmpty()) {
            result.addAll(graph.read(tx -> tx.run(UNDATED, with(params, undated)).list(CandidateReader::neighbour)));
        }
        // each query already returns an article's k best in order; Cypher does not promise to keep a subquery's
        // order in the outer result, so the order the clustering sees is settled here (20 rows an article: cheap)
        return best(result, k);
    }

    /** The columns {@link #neighbour(Record)} reads: terms only for possible copies ({@code $duplicate}). */
    private static final String NEIGHBOUR_COLUMNS = """
            RETURN row.url AS url, n.url AS neighbour, score,
                   [(n)-[:IN_STORY]->(s:Story) | s.id][0] AS story,
                   CASE WHEN score >= $duplicate THEN n.termKeys END AS termKeys,
                   CASE WHEN score >= $duplicate THEN n.termFreqs END AS termFreqs
            """;

    /**
     * Each row's article's k nearest neighbours ({@code $k}) among the {@code $limit} the vector index returns for
     * its embedding (%s: a filter of the index), best first, ties by URL.
     */
    private static final String SEARCH = """
            CYPHER 25
            UNWIND $rows AS row
            MATCH (a:Article {url: row.url})
            CALL (a, row) {
                MATCH (n:Article)
                  SEARCH n IN (VECTOR INDEX article_embedding FOR a.embedding %s LIMIT $limit) SCORE AS score
                WITH n, score WHERE n.url <> row.url
                RETURN n, score ORDER BY score DESC, n.url LIMIT $k
            }
            """ + NEIGHBOUR_COLUMNS;

    /** Within the row's days [{@code row.lo}, {@code row.hi}]. */
    private static final String WINDOWED = SEARCH.formatted("WHERE n.day >= row.lo AND n.day <= row.hi");

    /** Without a window, for articles without a time. */
    private static final String UNDATED = SEARCH.formatted("");

    private static Map<String, Object> with(Map<String, Object> params, List<Map<String, Object>> rows) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("rows", rows);
        return all;
    }

    /**
     * {@code rows} in consecutive parts of equal size (±1): at least {@code threads} parts (fewer only when there
     * are fewer rows), a multiple of {@code threads}, none longer than {@code maxRows}.
     */
    static <T> List<List<T>> parts(List<T> rows, int threads, int maxRows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        int count = Math.ceilDiv(rows.size(), maxRows);
        count = Math.min(rows.size(), Math.ceilDiv(count, threads) * threads);
        List<List<T>> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            parts.add(rows.subList((int) ((long) rows.size() * i / count),
                    (int) ((long) rows.size() * (i + 1) / count)));
        }
        return parts;
    }

    /** The k nearest per article, by score then URL. */
    static List<Neighbour> best(List<Neighbour> all, int k) {
        Map<String, List<Neighbour>> byArticle = new LinkedHashMap<>();
        all.forEach(n -> byArticle.computeIfAbsent(n.url(), x -> new ArrayList<>()).add(n));
        List<Neighbour> best = new ArrayList<>();
        for (List<Neighbour> list : byArticle.values()) {
            list.sort(java.util.Comparator.comparingDouble(Neighbour::score).reversed()
                    .thenComparing(Neighbour::neighbour));
            best.addAll(list.subList(0, Math.min(k, list.size())));
        }
        return best;
    }

    private static Neighbour neighbour(Record r) {
        Map<String, Float> terms = null;
        if (!r.get("termKeys").isNull()) {
            terms = FeatureStore.terms(r);
        }
        return new Neighbour(r.get("url").asString(), r.get("neighbour").asString(), r.get("score").asDouble(),
                r.get("story").isNull() ? null : r.get("story").asString(), terms);
    }

    List<Related> related(List<Features> batch) {
        List<String> urls = batch.stream().map(Features::url).toList();
        return graph.read(tx -> tx.run("""
                UNWIND $urls AS url
                MATCH (:Article {url: url})-[:RELATED_TO]-(b:Article)
                WHERE b.embedding IS NOT NULL
                WITH DISTINCT url, b
                OPTIONAL MATCH (b)-[:IN_STORY]->(s:Story)
                RETURN url, b.url AS other, b.id AS id, b.embedding AS embedding,
                       b.termKeys AS termKeys, b.termFreqs AS termFreqs, s.id AS story
                """, Map.of("urls", urls)).list(r -> new Related(r.get("url").asString(),
                new Features(r.get("other").asString(), r.get("id").asString(), Agglomerator.NO_TIME,
                        FeatureStore.floats(r.get("embedding")), FeatureStore.terms(r), Map.of(), List.of(),
                        r.get("story").isNull() ? null : r.get("story").asString()))));
    }

    /** Those of the given story ids that a story has. */
    Set<String> existingStories(Collection<String> ids) {
        return new HashSet<>(graph.read(tx -> tx.run("""
                UNWIND $ids AS id
                MATCH (s:Story {id: id})
                RETURN s.id AS id
                """, Map.of("ids", List.copyOf(ids))).list(r -> r.get("id").asString())));
    }

    Map<String, StoryState> storyStates(Collection<String> ids) {
        Map<String, StoryState> states = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return states;
        }
        graph.read(tx -> tx.run("""
                UNWIND $ids AS id
                MATCH (s:Story {id: id})
                RETURN s.id AS id, s.embeddingSum AS embeddingSum, s.termKeys AS termKeys,
                       s.termWeights AS termWeights, s.termSurfaces AS termSurfaces, s.bucketKeys AS bucketKeys,
                       s.bucketCounts AS bucketCounts, s.topicKeys AS topicKeys, s.topicWeights AS topicWeights,
                       s.firstPublishedAt AS first
                ORDER BY id
                """, Map.of("ids", List.copyOf(ids))).list()).forEach(r -> {
            Map<Long, Integer> buckets = new TreeMap<>();
            List<Long> keys = r.get("bucketKeys").asList(Value::asLong);
            List<Long> counts = r.get("bucketCounts").asList(Value::asLong);
            for (int i = 0; i < keys.size(); i++) {
                buckets.put(keys.get(i), counts.get(i).intValue());
            }
            Map<String, Double> topics = new LinkedHashMap<>();
            if (!r.get("topicKeys").isNull()) {
                List<String> tk = r.get("topicKeys").asList(Value::asString);
                List<Double> tw = r.get("topicWeights").asList(Value::asDouble);
                for (int i = 0; i < tk.size(); i++) {
                    topics.put(tk.get(i), tw.get(i));
                }
            }
            long first = r.get("first").isNull() ? Long.MAX_VALUE : r.get("first").asOffsetDateTime().toEpochSecond();
            states.put(r.get("id").asString(), new StoryState(r.get("id").asString(),
                    FeatureStore.floats(r.get("embeddingSum")), r.get("termKeys").asList(Value::asString),
                    r.get("termWeights").asList(Value::asDouble), r.get("termSurfaces").asList(Value::asString),
                    buckets, topics, first));
        });
        return states;
    }
}
