package org.storygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.storygraph.GraphFixtures;
import org.storygraph.StoryGraphApplication;
import org.storygraph.StoryGraphTest;
import org.storygraph.TestDatabase;

/** {@code storygraph jobs list | show} read the same {@code (:Job)} records as {@code GET /api/jobs}. */
@StoryGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobsCommandTest {

    @Autowired
    GraphFixtures graph;
    @Autowired
    Neo4jClient client;

    @BeforeAll
    void jobs() {
        graph.clear();
        client.query("""
                CREATE (:Job {id: 'job-load', kind: 'ingest', state: 'running', unit: 'files', done: 250, total: 1000,
                              owner: 'x', createdAt: datetime('2026-01-01T10:00:00Z'),
                              startedAt: datetime('2026-01-01T10:00:01Z'), cancelRequested: false,
                              request: '{"paths":["seeds"]}'}),
                       (:Job {id: 'job-recluster', kind: 'recluster', state: 'done', unit: 'articles', done: 27,
                              total: 27, owner: 'x', createdAt: datetime('2026-01-01T11:00:00Z'),
                              startedAt: datetime('2026-01-01T11:00:00Z'), finishedAt: datetime('2026-01-01T11:00:09Z'),
                              cancelRequested: false, request: '{}', result: '{"articles":27,"stories":9}'})
                """).run();
    }

    private record Run(int code, String out, String err) {
    }

    private static Run cli(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--storygraph.neo4j.uri=" + TestDatabase.boltUri())).toArray(String[]::new);
        int code = Cli.run(StoryGraphApplication.class, all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void listsAndShowsTheJobRecords() {
        Run list = cli("jobs", "list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("job-recluster", "recluster", "done", "27/27 articles (100%)")
                .contains("job-load", "ingest", "running", "250/1,000 files (25%)").contains("(2 of 2 jobs)");
        assertThat(list.out().indexOf("job-recluster")).isLessThan(list.out().indexOf("job-load"));

        Run show = cli("jobs", "show", "job-recluster");
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out()).contains("Job job-recluster (recluster): done", "\"stories\" : 9",
                "finished: 2026-01-01T11:00:09Z");

        // a CLI command never marks the service's running jobs interrupted (only the service does, at its start)
        Run json = cli("jobs", "show", "job-load", "--json");
        assertThat(json.out()).contains("\"state\" : \"running\"", "\"percent\" : 25");

        Run missing = cli("jobs", "show", "no-such-job");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("no job no-such-job");

        // the CLI's own load runs in its process and is recorded as a job too
        Run load = cli("load", "seeds/004_b001c2bd3364b9d0.txt");
        assertThat(load.code()).as(load.err()).isZero();
        Run after = cli("jobs", "list");
        assertThat(after.out()).contains("(3 of 3 jobs)").containsPattern("ingest +done +1/1 files \\(100%\\)");
        assertThat(graph.count("MATCH (j:Job {kind: 'ingest', state: 'done'}) "
                + "WHERE j.result CONTAINS '\"filesLoaded\":1' RETURN count(j)"))
                .isEqualTo(1);
    }
}
