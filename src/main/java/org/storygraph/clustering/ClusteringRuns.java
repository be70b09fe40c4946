package org.storygraph.clustering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.storygraph.graph.Convert;
import org.storygraph.graph.Graph;

import tools.jackson.databind.json.JsonMapper;

/**
 * Records clustering runs: one {@code (:ClusteringRun)} per incremental batch or recluster, with the model, its
 * checksum, every clustering setting, the code version and the counts, and one
 * {@code (:ClusteringChange)-[:OF_RUN]->(run)} per story it changed, numbered by a sequence that increases across
 * runs (the change feed's event ids). Migration V0009 holds the keys and indexes.
 */
final class ClusteringRuns {

    static final String INCREMENTAL = "incremental";
    static final String RECLUSTER = "recluster";

    private final Graph graph;
    private final String parameters;
    private final String model;
    private final String modelChecksum;
    private final String codeVersion;

    ClusteringRuns(Graph graph, StoryProperties properties, String model, String modelChecksum, String codeVersion) {
        this.graph = graph;
        this.parameters = JsonMapper.builder().build().writeValueAsString(properties);
        this.model = model;
        this.modelChecksum = modelChecksum;
        this.codeVersion = codeVersion;
    }

    /** The code version: the jar's Implementation-Version, else "dev" (run from classes). */
    static String codeVersion() {
        String v = StoryClusterer.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }

    /** A recorded run: its id, when it finished and its changes with their sequence numbers. */
    record Recorded(String id, Instant finishedAt, List<StoryChange> changes) {
    }

    /** Writes one run and its changes in one transaction; the changes get the next sequence numbers. */
    Recorded record(String kind, Instant startedAt, int articlesIn, List<StoryChange> changes) {
        String id = UUID.randomUUID().toString();
        Map<String, Integer> counts = new HashMap<>();
        StoryChange.KINDS.forEach(k -> counts.put(k, 0));
        changes.forEach(c -> counts.merge(c.kind(), 1, Integer::sum));
        return graph.write(tx -> {
            Instant finishedAt = Instant.now();
            long last = tx.run("""
                    MATCH (c:ClusteringChange) WHERE c.sequence IS NOT NULL
                    RETURN c.sequence AS sequence ORDER BY c.sequence DESC LIMIT 1
                    """).list(r -> r.get("sequence").asLong()).stream().findFirst().orElse(0L);
            List<StoryChange> numbered = new ArrayList<>();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (StoryChange c : changes) {
                StoryChange n = c.withSequence(++last);
                numbered.add(n);
                rows.add(Map.of("sequence", n.sequence(), "kind", n.kind(), "storyId", n.storyId(),
                        "fromIds", n.fromIds(), "size", n.size(), "previousSize", n.previousSize()));
            }
            long storiesOut = tx.run("MATCH (s:Story) RETURN count(s) AS n").single().get("n").asLong();
            Map<String, Object> run = new HashMap<>();
            run.put("id", id);
            run.put("startedAt", Convert.utc(startedAt));
            run.put("finishedAt", Convert.utc(finishedAt));
            run.put("kind", kind);
            run.put("model", model);
            run.put("modelChecksum", modelChecksum);
            run.put("parameters", parameters);
            run.put("codeVersion", codeVersion);
            run.put("articlesIn", articlesIn);
            run.put("storiesOut", storiesOut);
            StoryChange.KINDS.forEach(k -> run.put(k, counts.get(k)));
            tx.run("CREATE (r:ClusteringRun) SET r = $run", Map.of("run", run)).consume();
            tx.run("""
                    MATCH (r:ClusteringRun {id: $id})
                    UNWIND $changes AS c
                    CREATE (x:ClusteringChange)-[:OF_RUN]->(r)
                    SET x = c, x.runId = r.id, x.at = r.finishedAt
                    """, Map.of("id", id, "changes", rows)).consume();
            return new Recorded(id, finishedAt, numbered);
        });
    }
}
