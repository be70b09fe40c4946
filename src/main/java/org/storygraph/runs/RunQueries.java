package org.storygraph.runs;

import static org.storygraph.graph.Convert.instant;
import static org.storygraph.graph.Convert.string;
import static org.storygraph.graph.Convert.strings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.neo4j.driver.Record;
import org.springframework.stereotype.Service;
import org.storygraph.common.InvalidParameterException;
import org.storygraph.common.Page;
import org.storygraph.graph.Graph;
import org.storygraph.graph.ReadRetry;
import org.storygraph.runs.RunViews.Change;
import org.storygraph.runs.RunViews.Run;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Read side of clustering runs: parameterised Cypher through {@link Graph}, record results. */
@Service
@ReadRetry
public class RunQueries {

    /** The kinds of change a run records. */
    public static final Set<String> KINDS = Set.of("created", "grown", "merged", "split", "removed");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Graph graph;

    RunQueries(Graph graph) {
        this.graph = graph;
    }

    /** The runs, newest first. */
    public Page<Run> runs(int page, int size) {
        List<Run> items = graph.list("""
                MATCH (r:ClusteringRun)
                RETURN r ORDER BY r.startedAt DESC, r.id SKIP $skip LIMIT $limit
                """, Map.of("skip", (long) page * size, "limit", size), RunQueries::run);
        long total = graph.count("MATCH (r:ClusteringRun) RETURN count(r) AS n", Map.of());
        return Page.of(items, page, size, total);
    }

    public Optional<Run> run(String id) {
        return graph.one("MATCH (r:ClusteringRun {id: $id}) RETURN r", Map.of("id", id), RunQueries::run);
    }

    /** The id of the run that finished last, if any. */
    public Optional<String> latestRunId() {
        return graph.one("""
                MATCH (r:ClusteringRun)
                RETURN r.id AS id ORDER BY r.startedAt DESC, r.id LIMIT 1
                """, Map.of(), r -> r.get("id").asString());
    }

    /** A run's changes in sequence order, of one kind when {@code kind} is not null. */
    public Page<Change> changes(String runId, String kind, int page, int size) {
        if (kind != null && !KINDS.contains(kind)) {
            throw new InvalidParameterException("kind", "one of created, grown, merged, split, removed");
        }
        Map<String, Object> params = new HashMap<>();
        params.put("run", runId);
        params.put("kind", kind);
        params.put("skip", (long) page * size);
        params.put("limit", size);
        List<Change> items = graph.list("""
                MATCH (c:ClusteringChange {runId: $run})
                WHERE $kind IS NULL OR c.kind = $kind
                RETURN c ORDER BY c.sequence SKIP $skip LIMIT $limit
                """, params, RunQueries::change);
        long total = graph.count("""
                MATCH (c:ClusteringChange {runId: $run})
                WHERE $kind IS NULL OR c.kind = $kind
                RETURN count(c) AS n
                """, params);
        return Page.of(items, page, size, total);
    }

    /**
     * Stored changes with a sequence number above {@code after}, oldest first: the newest {@code limit} of them when
     * there are more.
     */
    public List<Change> changesAfter(long after, int limit) {
        return graph.list("""
                MATCH (c:ClusteringChange) WHERE c.sequence > $after
                WITH c ORDER BY c.sequence DESC LIMIT $limit
                RETURN c ORDER BY c.sequence
                """, Map.of("after", after, "limit", limit), RunQueries::change);
    }

    private static Run run(Record record) {
        var r = record.get("r");
        Map<String, Object> parameters = r.get("parameters").isNull() ? Map.of()
                : JSON.readValue(r.get("parameters").asString(), new TypeReference<Map<String, Object>>() { });
        return new Run(r.get("id").asString(), r.get("kind").asString(), instant(r.get("startedAt")),
                instant(r.get("finishedAt")), string(r.get("model")), string(r.get("modelChecksum")), parameters,
                string(r.get("codeVersion")), r.get("articlesIn").asLong(0), r.get("storiesOut").asLong(0),
                r.get("created").asLong(0), r.get("grown").asLong(0), r.get("merged").asLong(0),
                r.get("split").asLong(0), r.get("removed").asLong(0));
    }

    private static Change change(Record record) {
        var c = record.get("c");
        return new Change(c.get("sequence").asLong(), c.get("runId").asString(), c.get("kind").asString(),
                c.get("storyId").asString(), strings(c.get("fromIds")), c.get("size").asLong(0),
                c.get("previousSize").asLong(0), instant(c.get("at")));
    }
}
