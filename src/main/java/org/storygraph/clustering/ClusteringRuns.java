package org.storygraph.clustering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import org.storygraph.common.ArticleIds;
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
    private final StoryWriter writer;
    private final String parameters;
    private final String model;
    private final Supplier<String> modelChecksum;
    private final String codeVersion;

    ClusteringRuns(Graph graph, StoryWriter writer, StoryProperties properties, String model, Supplier<String> modelChecksum,
            String codeVersion) {
        this.graph = graph;
        this.writer = writer;
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

    /**
     * What the batches of one incremental run did to stories: for each story touched, the stories that existed before
     * the run and are now part of it (none for a story the run created), and the sizes of those before the run.
     */
    static final class Track {
        final Map<String, Set<String>> origins = new LinkedHashMap<>();
        final Map<String, Integer> previousSizes = new HashMap<>();

        void created(String id) {
            origins.put(id, new TreeSet<>());
        }

        void joined(String target, List<String> stories, Map<String, StoryWriter.StoryState> states) {
            Set<String> from = new TreeSet<>();
            for (String s : stories) {
                Set<String> earlier = origins.remove(s);
                if (earlier != null) {
                    from.addAll(earlier);
                } else {
                    from.add(s);
                    previousSizes.putIfAbsent(s, states.get(s).buckets().values().stream()
                            .mapToInt(Integer::intValue).sum());
                }
            }
            origins.put(target, from);
        }
    }

    /** Records an incremental run: each story it touched, as created, grown or merged, with its size now. */
    Recorded recordIncremental(Instant started, int articles, Track track) {
        Map<String, Integer> sizes = new HashMap<>();
        graph.read(tx -> tx.run("""
                UNWIND $ids AS id
                MATCH (s:Story {id: id})
                RETURN s.id AS id, COUNT { (s)<-[:IN_STORY]-(:Article) } AS size
                """, Map.of("ids", List.copyOf(track.origins.keySet()))).list())
                .forEach(r -> sizes.put(r.get("id").asString(), r.get("size").asInt()));
        List<StoryChange> changes = new ArrayList<>();
        track.origins.forEach((id, from) -> {
            if (!sizes.containsKey(id)) {
                return;
            }
            String kind = from.isEmpty() ? StoryChange.CREATED
                    : from.size() == 1 && from.contains(id) ? StoryChange.GROWN : StoryChange.MERGED;
            List<String> fromIds = new ArrayList<>(from);
            fromIds.sort(Comparator.comparing((String f) -> !f.equals(id)).thenComparing(f -> f));
            changes.add(new StoryChange(0, kind, id, fromIds, sizes.get(id),
                    track.previousSizes.getOrDefault(id, 0)));
        });
        return record(INCREMENTAL, started, articles, changes);
    }

    /**
     * After a recluster rebuilt the stories: gives each the id of the story it continues ({@link StoryIdMatcher}),
     * keeps the creation time of every kept id and the last-change time of every story whose members and label are
     * as before, and records the run with its changes.
     *
     * @param before the stories before the recluster
     */
    Recorded recordRecluster(Instant started, int articles, Map<String, StoryWriter.Snapshot> before) {
        Map<String, StoryWriter.Snapshot> after = writer.snapshot();
        Map<String, Set<String>> oldMembers = new HashMap<>();
        before.forEach((id, snap) -> oldMembers.put(id, snap.members()));
        Map<String, Set<String>> newMembers = new HashMap<>();
        after.forEach((id, snap) -> newMembers.put(id, snap.members()));
        StoryIdMatcher.Outcome outcome = StoryIdMatcher.match(oldMembers, newMembers,
                (key, n) -> ArticleIds.of(key + "#" + n));
        Set<String> changed = new TreeSet<>();
        outcome.changes().forEach(c -> changed.add(c.storyId()));
        List<StoryWriter.Kept> kept = new ArrayList<>();
        outcome.ids().forEach((key, id) -> {
            StoryWriter.Snapshot old = before.get(id);
            if (old != null) {
                boolean same = !changed.contains(id) && Objects.equals(old.label(), after.get(key).label());
                kept.add(new StoryWriter.Kept(key, id, old.createdAt(), same ? old.updatedAt() : null));
            } else if (!key.equals(id)) {
                kept.add(new StoryWriter.Kept(key, id, null, null));
            }
        });
        writer.rename(kept);
        return record(RECLUSTER, started, articles, outcome.changes());
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
            run.put("modelChecksum", modelChecksum.get());
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
