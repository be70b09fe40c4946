package org.storygraph.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.storygraph.GraphFixtures;
import org.storygraph.JobPolling;
import org.storygraph.StoryGraphTest;

import tools.jackson.databind.JsonNode;

/** {@code POST /api/exports}: the export of a span or of the whole graph as a job, its file at the job's resultUrl. */
@StoryGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportJobTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    GraphFixtures graph;

    @BeforeAll
    void seeds() {
        graph.seeds();
    }

    @Test
    void exportsTheWholeGraphAsAJobWhoseFileIsDownloaded() throws Exception {
        assertThat(mvc.post().uri("/api/exports").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        String id = JobPolling.accepted(mvc.post().uri("/api/exports").header("X-API-Key", StoryGraphTest.API_KEY)
                .contentType(MediaType.APPLICATION_JSON).content("{\"format\":\"csv\"}").exchange());
        JsonNode job = JobPolling.awaitFinished(mvc, id);
        assertThat(job.get("state").asString()).isEqualTo("done");
        assertThat(job.get("kind").asString()).isEqualTo("export");
        assertThat(job.get("resultUrl").asString()).isEqualTo("/api/jobs/" + id + "/result");
        assertThat(job.at("/result/articles").asLong()).isEqualTo(27);
        assertThat(job.at("/progress/done").asLong()).isEqualTo(27);

        MvcTestResult file = mvc.get().uri(job.get("resultUrl").asString()).exchange();
        assertThat(file).hasStatusOk();
        assertThat(file.getResponse().getContentType()).startsWith("text/csv");
        assertThat(file.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"articles.csv\"");
        List<Map<String, String>> rows = Csv.records(file.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(rows).hasSize(27);
        assertThat(job.at("/result/bytes").asLong()).isEqualTo(file.getResponse().getContentAsByteArray().length);
    }

    @Test
    void exportsASpanInAnotherFormat() throws Exception {
        String id = JobPolling.accepted(mvc.post().uri("/api/exports").header("X-API-Key", StoryGraphTest.API_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\":\"2020-06-10\",\"to\":\"2020-06-15\",\"format\":\"graphml\"}").exchange());
        JsonNode job = JobPolling.awaitFinished(mvc, id);
        assertThat(job.get("state").asString()).isEqualTo("done");
        assertThat(job.at("/request/format").asString()).isEqualTo("graphml");
        long articles = graph.count("""
                MATCH (a:Article) WHERE a.publishedAt >= datetime('2020-06-10T00:00:00Z')
                  AND a.publishedAt < datetime('2020-06-15T00:00:00Z') RETURN count(a)""");
        assertThat(job.at("/result/articles").asLong()).isEqualTo(articles).isPositive();
        MvcTestResult file = mvc.get().uri("/api/jobs/{id}/result", id).exchange();
        Imported g = Imported.graphml(file.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(g.nodeCounts()).containsEntry("article", articles);
    }

    @Test
    void refusesABadFormatOrRangeAtOnce() {
        assertThat(mvc.post().uri("/api/exports").header("X-API-Key", StoryGraphTest.API_KEY)
                .contentType(MediaType.APPLICATION_JSON).content("{\"format\":\"xls\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.post().uri("/api/exports").header("X-API-Key", StoryGraphTest.API_KEY)
                .contentType(MediaType.APPLICATION_JSON).content("{\"from\":\"2020-06-15\",\"to\":\"2020-06-10\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }
}
