package org.storygraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.storygraph.StoryGraphTest;

/** Headers, CORS, body limits and write protection that every client meets. */
@StoryGraphTest
@ExtendWith(OutputCaptureExtension.class)
class WebSecurityTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void sendsSecurityHeadersEverywhere() {
        for (String path : new String[] {"/", "/index.html", "/api/stories", "/api/articles/nope", "/v3/api-docs"}) {
            assertThat(mvc.get().uri(path)).as(path)
                    .hasHeader("X-Content-Type-Options", "nosniff")
                    .hasHeader("X-Frame-Options", "DENY")
                    .hasHeader("Referrer-Policy", "no-referrer")
                    .hasHeader("Content-Security-Policy", SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
        }
        assertThat(SecurityHeadersFilter.CONTENT_SECURITY_POLICY).contains("script-src 'self'")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-eval");
    }

    @Test
    void corsIsOffUnlessConfigured() {
        assertThat(mvc.options().uri("/api/stories").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")).doesNotContainHeader("Access-Control-Allow-Origin");
        assertThat(mvc.get().uri("/api/stories").header("Origin", "https://evil.example"))
                .doesNotContainHeader("Access-Control-Allow-Origin");
    }

    @Test
    void refusesOversizedBodiesBeforeReadingThem() {
        String big = "{\"provider\": \"" + "x".repeat(1_100_000) + "\"}";
        assertThat(mvc.post().uri("/api/queries/largest-stories/run").contentType(MediaType.APPLICATION_JSON)
                .content(big)).hasStatus(HttpStatus.CONTENT_TOO_LARGE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void everyWriteEndpointNeedsTheKey() {
        for (String path : new String[] {"/api/ingest", "/api/stories/recluster", "/api/queries/reload"}) {
            assertThat(mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content("{}")).as(path)
                    .hasStatus(HttpStatus.UNAUTHORIZED);
            assertThat(mvc.post().uri(path).header("X-API-Key", StoryGraphTest.API_KEY + "x")
                    .contentType(MediaType.APPLICATION_JSON).content("{}")).as(path)
                    .hasStatus(HttpStatus.UNAUTHORIZED);
        }
        assertThat(mvc.put().uri("/api/stories")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.delete().uri("/api/articles/x")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void neverLogsTheKeyNorAWrongOne(CapturedOutput output) {
        String wrong = "wrong-key-" + System.nanoTime();
        assertThat(mvc.post().uri("/api/queries/reload").header("X-API-Key", wrong)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post().uri("/api/queries/reload").header("X-API-Key", StoryGraphTest.API_KEY)).hasStatusOk();
        assertThat(output.getAll()).doesNotContain(StoryGraphTest.API_KEY).doesNotContain(wrong);
    }
}
