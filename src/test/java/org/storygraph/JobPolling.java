package org.storygraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** For tests of endpoints that answer with a job: its id from the 202, and the job once it has finished. */
public final class JobPolling {

    private static final Set<String> FINISHED = Set.of("done", "failed", "cancelled", "interrupted");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JobPolling() {
    }

    /** Checks the answer is 202 with {@code Location: /api/jobs/{id}} and the job; returns the job's id. */
    public static String accepted(MvcTestResult response) throws Exception {
        assertThat(response).hasStatus(HttpStatus.ACCEPTED);
        JsonNode job = JSON.readTree(response.getResponse().getContentAsString());
        String id = job.get("id").asString();
        assertThat(response.getResponse().getHeader("Location")).isEqualTo("/api/jobs/" + id);
        assertThat(job.get("state").asString()).isIn("queued", "running", "done");
        return id;
    }

    /**
     * Polls {@code GET /api/jobs/{id}} until the job has finished, and returns it. The limit is generous: the first
     * clustering of a test JVM loads the embedding model, which takes a minute on a busy machine.
     */
    public static JsonNode awaitFinished(MockMvcTester mvc, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            MvcTestResult response = mvc.get().uri("/api/jobs/{id}", id).exchange();
            assertThat(response).hasStatusOk();
            JsonNode job = JSON.readTree(response.getResponse().getContentAsString());
            if (FINISHED.contains(job.get("state").asString())) {
                return job;
            }
            Thread.sleep(20);
        }
        return fail("job " + id + " did not finish within five minutes");
    }
}
