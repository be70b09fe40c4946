package org.storygraph.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.storygraph.GraphFixtures;
import org.storygraph.JobPolling;
import org.storygraph.StoryGraphTest;

import tools.jackson.databind.JsonNode;

@StoryGraphTest
class JobsApiTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    GraphFixtures graph;
    @Autowired
    Neo4jClient client;
    @Autowired
    JobService jobs;
    @Autowired
    JobRecovery recovery;

    @BeforeEach
    void empty() {
        graph.clear();
    }

    @AfterEach
    void noHookNorRunningJob() throws InterruptedException {
        jobs.progressHook = null;
        // the next test empties the graph: no job of this one may still be writing
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while ((jobs.list(JobState.RUNNING, null, 0, 1).total() > 0 || jobs.list(JobState.QUEUED, null, 0, 1).total() > 0)
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @Test
    void aLoadByPathIsAJobWithProgressAndTheLoadReportAsResult() throws Exception {
        String id = JobPolling.accepted(mvc.post().uri("/api/ingest").header("X-API-Key", StoryGraphTest.API_KEY)
                .contentType(MediaType.APPLICATION_JSON).content("{\"paths\":[\"seeds\"],\"batchSize\":2}")
                .exchange());
        JsonNode job = JobPolling.awaitFinished(mvc, id);
        assertThat(job.get("state").asString()).isEqualTo("done");
        assertThat(job.get("kind").asString()).isEqualTo("ingest");
        assertThat(job.at("/request/paths/0").asString()).isEqualTo("seeds");
        assertThat(job.at("/progress/unit").asString()).isEqualTo("files");
        assertThat(job.at("/progress/done").asLong()).isEqualTo(5);
        assertThat(job.at("/progress/total").asLong()).isEqualTo(5);
        assertThat(job.at("/progress/percent").asInt()).isEqualTo(100);
        assertThat(job.get("createdAt").isNull()).isFalse();
        assertThat(job.get("startedAt").isNull()).isFalse();
        assertThat(job.get("finishedAt").isNull()).isFalse();
        assertThat(job.at("/result/id").asString()).isEqualTo(id);
        assertThat(job.at("/result/filesLoaded").asInt()).isEqualTo(5);
        assertThat(job.at("/result/articlesCreated").asInt()).isEqualTo(27);
        assertThat(job.at("/result/stopped").isNull()).isTrue();
        assertThat(graph.count("MATCH (j:Job {state: 'done'}) RETURN count(j)")).isEqualTo(1);
    }

    @Test
    void workRunInTheCallersThreadIsRecordedRunningFromItsFirstWriteAndDoneAfter() {
        String[] seen = new String[3];
        String result = jobs.runHere(JobKind.RECLUSTER, "articles", Map.of("from", "test"), context -> {
            Job running = jobs.job(context.id());
            seen[0] = running.id();
            seen[1] = running.state();
            seen[2] = String.valueOf(running.startedAt() != null && running.createdAt() != null
                    && !running.startedAt().isBefore(running.createdAt()));
            return "ok";
        });
        assertThat(result).isEqualTo("ok");
        assertThat(seen[1]).isEqualTo("running");
        assertThat(seen[2]).isEqualTo("true");
        Job done = jobs.job(seen[0]);
        assertThat(done.state()).isEqualTo("done");
        assertThat(done.finishedAt()).isNotNull();
        assertThat(graph.count("MATCH (j:Job {state: 'queued'}) RETURN count(j)")).isZero();
    }

    @Test
    void listsJobsNewestFirstFilteredByStateAndKind() throws Exception {
        String load = JobPolling.accepted(mvc.post().uri("/api/ingest").header("X-API-Key", StoryGraphTest.API_KEY)
                .contentType(MediaType.APPLICATION_JSON).content("{\"paths\":[\"seeds\"]}").exchange());
        JobPolling.awaitFinished(mvc, load);
        String recluster = JobPolling.accepted(mvc.post().uri("/api/stories/recluster")
                .header("X-API-Key", StoryGraphTest.API_KEY).exchange());
        JobPolling.awaitFinished(mvc, recluster);

        assertThat(mvc.get().uri("/api/jobs")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.total", v -> v.assertThat().isEqualTo(2))
                .hasPathSatisfying("$.items[0].id", v -> v.assertThat().isEqualTo(recluster))
                .hasPathSatisfying("$.items[1].id", v -> v.assertThat().isEqualTo(load));
        assertThat(mvc.get().uri("/api/jobs?kind=ingest&state=done")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.total", v -> v.assertThat().isEqualTo(1))
                .hasPathSatisfying("$.items[0].id", v -> v.assertThat().isEqualTo(load));
        assertThat(mvc.get().uri("/api/jobs?state=running")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.total", v -> v.assertThat().isEqualTo(0));
        assertThat(mvc.get().uri("/api/jobs?size=1&page=1")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.items[0].id", v -> v.assertThat().isEqualTo(load))
                .hasPathSatisfying("$.totalPages", v -> v.assertThat().isEqualTo(2));
        assertThat(mvc.get().uri("/api/jobs?state=sleeping")).hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get().uri("/api/jobs?kind=backup")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void cancellingARunningLoadStopsItAtTheNextBatchAndKeepsWhatWasCommitted() throws Exception {
        CountDownLatch atFirstBatch = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // holds the load right after its first batch (one file) was committed, until the test has cancelled it
        jobs.progressHook = context -> {
            if (context.done() == 1) {
                atFirstBatch.countDown();
                await(release);
            }
        };
        String id = JobPolling.accepted(mvc.post().uri("/api/ingest").header("X-API-Key", StoryGraphTest.API_KEY)
                .contentType(MediaType.APPLICATION_JSON).content("{\"paths\":[\"seeds\"],\"batchSize\":1}")
                .exchange());
        assertThat(atFirstBatch.await(60, TimeUnit.SECONDS)).isTrue();

        assertThat(mvc.delete().uri("/api/jobs/{id}", id)).hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.delete().uri("/api/jobs/{id}", id).header("X-API-Key", "wrong"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.delete().uri("/api/jobs/{id}", id).header("X-API-Key", StoryGraphTest.API_KEY))
                .hasStatus(HttpStatus.ACCEPTED).bodyJson()
                .hasPathSatisfying("$.state", v -> v.assertThat().isEqualTo("running"))
                .hasPathSatisfying("$.cancelRequested", v -> v.assertThat().isEqualTo(true));
        release.countDown();

        JsonNode job = JobPolling.awaitFinished(mvc, id);
        assertThat(job.get("state").asString()).isEqualTo("cancelled");
        assertThat(job.at("/result/stopped").asString()).isEqualTo("cancelled after 1 of 5 files");
        assertThat(job.at("/result/filesRead").asInt()).isEqualTo(1);
        assertThat(job.at("/result/filesLoaded").asInt()).isEqualTo(1);
        assertThat(job.at("/progress/done").asLong()).isEqualTo(1);
        assertThat(job.at("/progress/total").asLong()).isEqualTo(5);
        // the committed batch stays: one file and its articles, not the other four
        assertThat(graph.count("MATCH (f:SourceFile) RETURN count(f)")).isEqualTo(1);
        long articles = graph.count("MATCH (a:Article) RETURN count(a)");
        assertThat(articles).isPositive().isLessThan(27);
        assertThat(job.at("/result/articlesCreated").asLong()).isEqualTo(articles);
        // cancelling a finished job changes nothing
        assertThat(mvc.delete().uri("/api/jobs/{id}", id).header("X-API-Key", StoryGraphTest.API_KEY))
                .hasStatusOk().bodyJson().hasPathSatisfying("$.state", v -> v.assertThat().isEqualTo("cancelled"));
    }

    @Test
    void aQueuedJobIsCancelledAtOnceAndNeverRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        // occupies the one worker (storygraph.jobs.concurrency = 1), so the next job waits in the queue
        Job blocker = jobs.submit(JobKind.EXPORT, "articles", Map.of("test", "blocker"), context -> {
            await(release);
            return Map.of("ok", true);
        });
        try {
            String id = JobPolling.accepted(mvc.post().uri("/api/stories/recluster")
                    .header("X-API-Key", StoryGraphTest.API_KEY).exchange());
            assertThat(mvc.get().uri("/api/jobs/{id}", id)).hasStatusOk().bodyJson()
                    .hasPathSatisfying("$.state", v -> v.assertThat().isEqualTo("queued"));
            assertThat(mvc.delete().uri("/api/jobs/{id}", id).header("X-API-Key", StoryGraphTest.API_KEY))
                    .hasStatusOk().bodyJson()
                    .hasPathSatisfying("$.state", v -> v.assertThat().isEqualTo("cancelled"));
            release.countDown();
            assertThat(JobPolling.awaitFinished(mvc, blocker.id()).get("state").asString()).isEqualTo("done");
            JsonNode job = JobPolling.awaitFinished(mvc, id);
            assertThat(job.get("state").asString()).isEqualTo("cancelled");
            assertThat(job.get("startedAt").isNull()).isTrue();
            assertThat(job.get("result").isNull()).isTrue();
        } finally {
            release.countDown();
        }
    }

    @Test
    void jobsLeftRunningByAnEarlierProcessAreInterruptedAtStartUp() throws Exception {
        client.query("""
                CREATE (:Job {id: 'earlier-running', kind: 'ingest', state: 'running', unit: 'files', done: 3,
                              total: 10, owner: 'a-process-that-died', createdAt: datetime('2026-01-01T10:00:00Z'),
                              startedAt: datetime('2026-01-01T10:00:01Z'), cancelRequested: false, request: '{}'}),
                       (:Job {id: 'earlier-queued', kind: 'recluster', state: 'queued', unit: 'articles', done: 0,
                              total: 0, owner: 'a-process-that-died', createdAt: datetime('2026-01-01T10:00:02Z'),
                              cancelRequested: false, request: '{}'}),
                       (:Job {id: 'earlier-done', kind: 'ingest', state: 'done', unit: 'files', done: 1, total: 1,
                              owner: 'a-process-that-died', createdAt: datetime('2026-01-01T09:00:00Z'),
                              cancelRequested: false, request: '{}', result: '{"filesLoaded": 1}'})
                """).run();

        assertThat(recovery.markInterrupted()).isEqualTo(2);

        assertThat(mvc.get().uri("/api/jobs/earlier-running")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.state", v -> v.assertThat().isEqualTo("interrupted"))
                .hasPathSatisfying("$.error", v -> v.assertThat().asString().contains("running at start-up"))
                .hasPathSatisfying("$.finishedAt", v -> v.assertThat().isNotNull())
                .hasPathSatisfying("$.progress.done", v -> v.assertThat().isEqualTo(3))
                .hasPathSatisfying("$.progress.percent", v -> v.assertThat().isEqualTo(30));
        assertThat(mvc.get().uri("/api/jobs/earlier-queued")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.state", v -> v.assertThat().isEqualTo("interrupted"));
        assertThat(mvc.get().uri("/api/jobs/earlier-done")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.state", v -> v.assertThat().isEqualTo("done"))
                .hasPathSatisfying("$.result.filesLoaded", v -> v.assertThat().isEqualTo(1));
        assertThat(mvc.get().uri("/api/jobs?state=interrupted")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.total", v -> v.assertThat().isEqualTo(2));

        // the gauges count Job nodes by state
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new JobMetrics(jobs).bindTo(registry);
        assertThat(registry.get("storygraph.jobs").tag("state", "interrupted").gauge().value()).isEqualTo(2);
        assertThat(registry.get("storygraph.jobs").tag("state", "done").gauge().value()).isEqualTo(1);
        assertThat(registry.get("storygraph.jobs").tag("state", "running").gauge().value()).isZero();
    }

    @Test
    void anUnknownJobIsA404() {
        assertThat(mvc.get().uri("/api/jobs/no-such-job")).hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.delete().uri("/api/jobs/no-such-job").header("X-API-Key", StoryGraphTest.API_KEY))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/jobs/no-such-job/result")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/loads/no-such-load")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void theOpenApiDescriptionShowsTheJobEndpointsAndShape() {
        assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.paths['/api/jobs'].get.parameters[*].name",
                        v -> v.assertThat().asList().contains("state", "kind", "page", "size"))
                .hasPathSatisfying("$.paths['/api/jobs/{id}']",
                        v -> v.assertThat().asMap().containsKeys("get", "delete"))
                .hasPathSatisfying("$.paths['/api/ingest'].post.responses",
                        v -> v.assertThat().asMap().containsKey("202"))
                .hasPathSatisfying("$.paths['/api/stories/recluster'].post.responses",
                        v -> v.assertThat().asMap().containsKey("202"))
                .hasPathSatisfying("$.paths['/api/exports'].post.responses",
                        v -> v.assertThat().asMap().containsKey("202"))
                .hasPathSatisfying("$.components.schemas.Job.properties",
                        v -> v.assertThat().asMap().containsKeys("id", "kind", "state", "progress", "createdAt",
                                "startedAt", "finishedAt", "cancelRequested", "request", "result", "error",
                                "resultUrl"))
                .hasPathSatisfying("$.components.schemas.Progress.properties",
                        v -> v.assertThat().asMap().containsKeys("done", "total", "unit", "percent"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
