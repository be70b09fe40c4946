package org.storygraph.jobs;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.springframework.stereotype.Component;
import org.storygraph.graph.Convert;
import org.storygraph.graph.Graph;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code (:Job)} nodes: one per job, its state, progress, request, result and error. */
@Component
class JobStore {

    private final Graph graph;
    private final JsonMapper json;

    JobStore(Graph graph, JsonMapper json) {
        this.graph = graph;
        this.json = json;
    }

    /** A job that waits for a worker ({@code queued}), or that starts at once ({@code running}, started now). */
    void create(String id, JobKind kind, String unit, Object request, String owner, Instant now, boolean running) {
        graph.write(tx -> tx.run("""
                CREATE (j:Job {id: $id, kind: $kind, state: $state, unit: $unit, done: 0, total: 0,
                               request: $request, owner: $owner, createdAt: $now, startedAt: $startedAt,
                               cancelRequested: false})
                """, Map.of("id", id, "kind", kind.value(), "unit", unit, "request", json.writeValueAsString(request),
                "owner", owner, "now", Convert.utc(now), "state", running ? "running" : "queued",
                "startedAt", running ? Convert.utc(now) : Values.NULL)).consume());
    }

    /** Queued → running; false when the job is no longer queued (cancelled while it waited). */
    boolean start(String id, Instant now) {
        return graph.write(tx -> tx.run("""
                MATCH (j:Job {id: $id}) WHERE j.state = 'queued'
                SET j.state = 'running', j.startedAt = $now
                RETURN count(j) AS n
                """, Map.of("id", id, "now", Convert.utc(now))).single().get("n").asLong() > 0);
    }

    void progress(String id, long done, long total) {
        graph.write(tx -> tx.run("MATCH (j:Job {id: $id}) SET j.done = $done, j.total = $total",
                Map.of("id", id, "done", done, "total", total)).consume());
    }

    void finish(String id, JobState state, long done, long total, Object result, String error, String resultFile,
            String resultType, Instant now) {
        Map<String, Object> set = new HashMap<>();
        set.put("state", state.value());
        set.put("done", done);
        set.put("total", total);
        set.put("result", result == null ? null : json.writeValueAsString(result));
        set.put("error", error);
        set.put("resultFile", resultFile);
        set.put("resultType", resultType);
        set.put("finishedAt", Convert.utc(now));
        graph.write(tx -> tx.run("MATCH (j:Job {id: $id}) SET j += $set", Map.of("id", id, "set", set)).consume());
    }

    /** Marks the job cancel-requested; a queued one is cancelled at once. Empty for an unknown id. */
    Optional<Job> requestCancel(String id, Instant now) {
        return graph.write(tx -> tx.run("""
                MATCH (j:Job {id: $id})
                FOREACH (_ IN CASE WHEN j.state IN ['queued', 'running'] THEN [1] ELSE [] END |
                    SET j.cancelRequested = true)
                FOREACH (_ IN CASE WHEN j.state = 'queued' THEN [1] ELSE [] END |
                    SET j.state = 'cancelled', j.finishedAt = $now)
                RETURN j
                """, Map.of("id", id, "now", Convert.utc(now))).list(this::job).stream().findFirst());
    }

    Optional<Job> find(String id) {
        return graph.one("MATCH (j:Job {id: $id}) RETURN j", Map.of("id", id), this::job);
    }

    /** The stored file of a job's result and its content type, when it has one. */
    Optional<String[]> resultFile(String id) {
        return graph.one("""
                MATCH (j:Job {id: $id}) WHERE j.resultFile IS NOT NULL
                RETURN j.resultFile AS file, j.resultType AS type
                """, Map.of("id", id), r -> new String[] {r.get("file").asString(), Convert.string(r.get("type"))});
    }

    /** Newest first, optionally of one state and/or kind. */
    List<Job> list(JobState state, JobKind kind, int page, int size) {
        return graph.list("""
                MATCH (j:Job)
                WHERE ($state IS NULL OR j.state = $state) AND ($kind IS NULL OR j.kind = $kind)
                RETURN j ORDER BY j.createdAt DESC, j.id DESC SKIP $skip LIMIT $limit
                """, filter(state, kind, Map.of("skip", (long) page * size, "limit", size)), this::job);
    }

    long count(JobState state, JobKind kind) {
        return graph.count("""
                MATCH (j:Job)
                WHERE ($state IS NULL OR j.state = $state) AND ($kind IS NULL OR j.kind = $kind)
                RETURN count(j)
                """, filter(state, kind, Map.of()));
    }

    /** Job nodes per state (every state present, zero when none). */
    Map<JobState, Long> countByState() {
        Map<JobState, Long> counts = new java.util.EnumMap<>(JobState.class);
        for (JobState s : JobState.values()) {
            counts.put(s, 0L);
        }
        graph.list("MATCH (j:Job) RETURN j.state AS state, count(*) AS n", Map.of(), r -> r)
                .forEach(r -> counts.put(JobState.of(r.get("state").asString()), r.get("n").asLong()));
        return counts;
    }

    /** Jobs left queued or running by another process are marked interrupted; returns how many. */
    long markInterrupted(String owner, Instant now) {
        return graph.write(tx -> tx.run("""
                MATCH (j:Job) WHERE j.state IN ['queued', 'running'] AND coalesce(j.owner, '') <> $owner
                SET j.state = 'interrupted', j.finishedAt = $now,
                    j.error = 'the process running it stopped before it ended (' + j.state + ' at start-up)'
                RETURN count(j) AS n
                """, Map.of("owner", owner, "now", Convert.utc(now))).single().get("n").asLong());
    }

    private static Map<String, Object> filter(JobState state, JobKind kind, Map<String, Object> more) {
        Map<String, Object> params = new HashMap<>(more);
        params.put("state", state == null ? null : state.value());
        params.put("kind", kind == null ? null : kind.value());
        return params;
    }

    private Job job(Record r) {
        Value j = r.get("j");
        long done = j.get("done").asLong(0);
        long total = j.get("total").asLong(0);
        String id = j.get("id").asString();
        return new Job(id, j.get("kind").asString(), j.get("state").asString(),
                new Job.Progress(done, total, Convert.string(j.get("unit")),
                        total > 0 ? (int) Math.min(100, done * 100 / total) : null),
                Convert.instant(j.get("createdAt")), Convert.instant(j.get("startedAt")),
                Convert.instant(j.get("finishedAt")), j.get("cancelRequested").asBoolean(false),
                tree(j.get("request")), tree(j.get("result")), Convert.string(j.get("error")),
                j.get("resultFile").isNull() ? null : "/api/jobs/" + id + "/result");
    }

    private JsonNode tree(Value v) {
        return v.isNull() ? null : json.readTree(v.asString());
    }
}
