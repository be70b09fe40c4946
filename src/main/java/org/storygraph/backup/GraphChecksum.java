package org.storygraph.backup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.storygraph.graph.Graph;

import tools.jackson.databind.json.JsonMapper;

/**
 * An order-independent fingerprint of the graph's content: every node's labels and properties, every relationship's
 * type, properties and the contents of its two ends, hashed (SHA-256, first 64 bits) and summed. Internal ids and
 * load-time stamps ({@link #VOLATILE}) do not count, so two loads of the same files into two databases — or a dump
 * restored elsewhere — have the same checksum exactly when they hold the same graph. {@code :Job} nodes (records of
 * background work, with random ids and times) are not content and do not count either, nor do the records of
 * clustering runs ({@code :ClusteringRun}, {@code :ClusteringChange} and the {@code OF_RUN} between them): recording
 * a run changes no story. Story ids do not count either (see {@link #STORY_NAME}).
 */
public final class GraphChecksum {

    /** When something was loaded or built, not what: left out of the checksum. */
    public static final Set<String> VOLATILE = Set.of("firstLoadedAt", "loadedAt", "createdAt", "updatedAt",
            "appliedAt");

    /**
     * A story's id is a name its history gave it, not content: a recluster keeps the ids of the stories each new
     * story continues, so two graphs that hold the same stories (same members, same derived properties) can name
     * them differently after different load histories. Stories are compared by their content and members.
     */
    private static final Set<String> STORY_NAME = Set.of("id");

    /** The checksum with its counts, for a readable report. */
    public record Result(String checksum, long nodes, long relationships) {
        @Override
        public String toString() {
            return checksum + " (" + nodes + " nodes, " + relationships + " relationships)";
        }
    }

    private GraphChecksum() {
    }

    static Result of(Graph graph) {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Long> nodeHash = new HashMap<>();
        long sum = 0;
        long nodes = 0;
        long relationships = 0;
        try (var session = graph.session(AccessMode.READ)) {
            var result = session.run("""
                    MATCH (n) WHERE NOT n:__StoryGraphMigration AND NOT n:Job AND NOT n:ClusteringRun
                                    AND NOT n:ClusteringChange
                    RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties
                    """);
            while (result.hasNext()) {
                Record r = result.next();
                List<String> labels = new ArrayList<>(r.get("labels").asList(Value::asString));
                labels.sort(null);
                long h = hash("node" + labels + canonical(r.get("properties"), json,
                        labels.contains("Story") ? STORY_NAME : Set.of()));
                nodeHash.put(r.get("id").asString(), h);
                sum += h;
                nodes++;
            }
            var rels = session.run("""
                    MATCH (a)-[r]->(b) WHERE NOT a:__StoryGraphMigration AND NOT b:__StoryGraphMigration
                                       AND NOT a:ClusteringChange AND NOT b:ClusteringRun
                    RETURN elementId(a) AS a, type(r) AS type, properties(r) AS properties, elementId(b) AS b
                    """);
            while (rels.hasNext()) {
                Record r = rels.next();
                sum += hash("rel" + r.get("type").asString() + ":" + nodeHash.get(r.get("a").asString()) + ">"
                        + nodeHash.get(r.get("b").asString()) + canonical(r.get("properties"), json, Set.of()));
                relationships++;
            }
        }
        return new Result(String.format("%016x", sum), nodes, relationships);
    }

    private static String canonical(Value properties, JsonMapper json, Set<String> ignored) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        properties.keys().forEach(k -> {
            if (!VOLATILE.contains(k) && !ignored.contains(k)) {
                sorted.put(k, GraphValues.toJson(properties.get(k)));
            }
        });
        return json.writeValueAsString(sorted);
    }

    private static long hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (d[i] & 0xff);
            }
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
