package org.storygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.storygraph.GraphFixtures;
import org.storygraph.JobPolling;
import org.storygraph.StoryGraphTest;

import tools.jackson.databind.JsonNode;

@StoryGraphTest
class IngestApiTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    GraphFixtures graph;

    @BeforeEach
    void empty() {
        graph.clear();
    }

    @Test
    void refusesWritesWithoutTheApiKey() {
        assertThat(mvc.post().uri("/api/ingest").contentType(MediaType.APPLICATION_JSON).content("{\"paths\":[\"seeds\"]}"))
                .hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.post().uri("/api/ingest").header("X-API-Key", "wrong")
                .contentType(MediaType.APPLICATION_JSON).content("{\"paths\":[\"seeds\"]}"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(graph.count("MATCH (a:Article) RETURN count(a)")).isZero();
    }

    @Test
    void loadsADirectoryOnTheServerInsideTheAllowedRoots() throws Exception {
        String id = JobPolling.accepted(mvc.post().uri("/api/ingest").header("X-API-Key", StoryGraphTest.API_KEY)
                .contentType(MediaType.APPLICATION_JSON).content("{\"paths\":[\"seeds\"]}").exchange());
        JsonNode job = JobPolling.awaitFinished(mvc, id);
        assertThat(job.get("state").asString()).isEqualTo("done");
        assertThat(job.at("/result/filesLoaded").asInt()).isEqualTo(5);
        assertThat(job.at("/result/articlesCreated").asInt()).isEqualTo(27);
        // the load report has the job's id, so /api/loads/{id} reads it from the job
        assertThat(mvc.get().uri("/api/loads/{id}", id)).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.id", v -> v.assertThat().isEqualTo(id))
                .hasPathSatisfying("$.filesLoaded", v -> v.assertThat().isEqualTo(5));
        assertThat(mvc.post().uri("/api/ingest").header("X-API-Key", StoryGraphTest.API_KEY)
                .contentType(MediaType.APPLICATION_JSON).content("{\"paths\":[\"seeds/../pom.xml\"]}"))
                .hasStatus(HttpStatus.FORBIDDEN).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.post().uri("/api/ingest").header("X-API-Key", StoryGraphTest.API_KEY)
                .contentType(MediaType.APPLICATION_JSON).content("{\"paths\":[\"/etc/passwd\"]}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        // whether a file outside exists is not revealed
        assertThat(mvc.post().uri("/api/ingest").header("X-API-Key", StoryGraphTest.API_KEY)
                .contentType(MediaType.APPLICATION_JSON).content("{\"paths\":[\"/etc/no-such-file\"]}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/api/ingest").header("X-API-Key", StoryGraphTest.API_KEY)
                .contentType(MediaType.APPLICATION_JSON).content("{\"paths\":[\"seeds/no-such-file.txt\"]}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.post().uri("/api/ingest").header("X-API-Key", StoryGraphTest.API_KEY)
                .contentType(MediaType.APPLICATION_JSON).content("{\"paths\":[\"seeds\"],\"batchSize\":0}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void loadsUploadedFilesAndReportsTheBadOnes() throws Exception {
        byte[] seed = Files.readAllBytes(Path.of("seeds/004_b001c2bd3364b9d0.txt"));
        var response = mvc.post().uri("/api/ingest").header("X-API-Key", StoryGraphTest.API_KEY)
                .multipart()
                .file(new MockMultipartFile("files", "004.txt", "text/plain", seed))
                .file(new MockMultipartFile("files", "bad.txt", "text/plain", "no front matter".getBytes()))
                .exchange();
        assertThat(response).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.filesLoaded", v -> v.assertThat().isEqualTo(1))
                .hasPathSatisfying("$.filesFailed", v -> v.assertThat().isEqualTo(1))
                .hasPathSatisfying("$.failures[0].file", v -> v.assertThat().isEqualTo("upload:bad.txt"))
                .hasPathSatisfying("$.articlesCreated", v -> v.assertThat().isEqualTo(5));
        String id = response.getResponse().getContentAsString()
                .replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
        assertThat(mvc.get().uri("/api/loads/{id}", id)).hasStatusOk();
        // a small upload is loaded in the request, and recorded as a finished job with the same id
        assertThat(mvc.get().uri("/api/jobs/{id}", id)).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.state", v -> v.assertThat().isEqualTo("done"))
                .hasPathSatisfying("$.kind", v -> v.assertThat().isEqualTo("ingest"))
                .hasPathSatisfying("$.result.filesLoaded", v -> v.assertThat().isEqualTo(1));
    }

    @Test
    void loadsALargeUploadAsAJob() throws Exception {
        byte[] seed = Files.readAllBytes(Path.of("seeds/004_b001c2bd3364b9d0.txt"));
        var request = mvc.post().uri("/api/ingest").header("X-API-Key", StoryGraphTest.API_KEY).multipart();
        // one more than storygraph.ingest.sync-upload.max-files (20)
        for (int i = 0; i < 21; i++) {
            request = request.file(new MockMultipartFile("files", "copy-" + i + ".txt", "text/plain", seed));
        }
        String id = JobPolling.accepted(request.exchange());
        JsonNode job = JobPolling.awaitFinished(mvc, id);
        assertThat(job.get("state").asString()).isEqualTo("done");
        assertThat(job.at("/request/uploads").size()).isEqualTo(21);
        assertThat(job.at("/result/filesLoaded").asInt()).isEqualTo(21);
        assertThat(job.at("/progress/done").asLong()).isEqualTo(21);
        assertThat(graph.count("MATCH (a:Article) RETURN count(a)")).isEqualTo(5);
    }

    @Test
    void acceptsCsvAndJsonLinesUploadsByNameOrContentType() throws Exception {
        byte[] csv = Files.readAllBytes(Path.of("src/test/resources/ingest/formats/mediacloud-api.csv"));
        byte[] jsonl = Files.readAllBytes(Path.of("src/test/resources/ingest/formats/articles.jsonl"));
        var response = mvc.post().uri("/api/ingest").header("X-API-Key", StoryGraphTest.API_KEY)
                .multipart()
                .file(new MockMultipartFile("files", "stories", "text/csv", csv))
                .file(new MockMultipartFile("files", "articles.jsonl", "application/octet-stream", jsonl))
                .exchange();
        assertThat(response).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.filesLoaded", v -> v.assertThat().isEqualTo(2))
                .hasPathSatisfying("$.itemsFailed", v -> v.assertThat().isEqualTo(3))
                .hasPathSatisfying("$.failures[0].file", v -> v.assertThat().isEqualTo("upload:stories"))
                .hasPathSatisfying("$.failures[0].line", v -> v.assertThat().isEqualTo(4));
        // fedscoop, herald (in both files), tribune + its related daily.example.com entry, boston
        assertThat(graph.count("MATCH (a:Article) RETURN count(a)")).isEqualTo(5);
    }
}
