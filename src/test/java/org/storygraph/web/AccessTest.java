package org.storygraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.storygraph.StoryGraphTest;

/**
 * Access on the embedded database: API keys as Bearer tokens or X-API-Key, several keys at once, and the per-client
 * limits on saved-query runs (small ones here, in a context of its own, so no other test is limited). Each test uses
 * client addresses of its own.
 */
@StoryGraphTest
@TestPropertySource(properties = {
        "storygraph.web.api-keys=second-key, third-key",
        "storygraph.web.query-limits.max-concurrent=1",
        "storygraph.web.query-limits.per-minute=3",
        "storygraph.queries.dir=src/test/resources/saved-queries-test"})
class AccessTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    QueryRunLimitFilter limits;

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void acceptsEveryConfiguredKeyAsBearerTokenOrXApiKey() {
        for (String key : new String[] {StoryGraphTest.API_KEY, "second-key", "third-key"}) {
            assertThat(mvc.post().uri("/api/queries/reload").header("Authorization", "Bearer " + key)).as(key)
                    .hasStatusOk();
            assertThat(mvc.post().uri("/api/queries/reload").header("X-API-Key", key)).as(key).hasStatusOk();
        }
        assertThat(mvc.post().uri("/api/queries/reload").header("Authorization", "bearer second-key")).hasStatusOk();
    }

    @Test
    void aMissingOrWrongKeyIsA401WithWwwAuthenticateBearer() {
        for (var request : new org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder[] {
                mvc.post().uri("/api/queries/reload"),
                mvc.post().uri("/api/queries/reload").header("Authorization", "Bearer wrong-key"),
                mvc.post().uri("/api/queries/reload").header("Authorization", "Basic c2Vjb25kLWtleQ=="),
                mvc.post().uri("/api/queries/reload").header("X-API-Key", "second-ke"),
                mvc.post().uri("/api/queries/reload").header("Authorization", "Bearer ")}) {
            var result = request.exchange();
            assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson().extractingPath("$.title").isEqualTo("API key required");
            assertThat(result.getResponse().getHeader("WWW-Authenticate")).startsWith("Bearer");
        }
    }

    @Test
    void theRunBeyondTheLimitPerMinuteIsA429WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            assertThat(mvc.post().uri("/api/queries/many-rows/run").with(from("10.0.1.1"))).hasStatusOk();
        }
        var refused = mvc.post().uri("/api/queries/many-rows/run").with(from("10.0.1.1")).exchange();
        assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                .extractingPath("$.detail").asString().contains("3 per minute");
        assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After"))).isBetween(1L, 60L);
        // CSV and a failed run count alike: the limit is per run, not per result
        assertThat(mvc.post().uri("/api/queries/many-rows/run").accept("text/csv").with(from("10.0.1.1")))
                .hasStatus(HttpStatus.TOO_MANY_REQUESTS).hasHeader("Retry-After", refused.getResponse()
                        .getHeader("Retry-After"));
        // another client is not affected, nor are other endpoints of this one
        assertThat(mvc.post().uri("/api/queries/many-rows/run").with(from("10.0.1.2"))).hasStatusOk();
        assertThat(mvc.get().uri("/api/queries").with(from("10.0.1.1"))).hasStatusOk();
    }

    @Test
    void aRunWhileTheClientsOtherRunIsGoingIsA429() {
        // a run in flight for this address (the filter's own limiter, as a slow run would hold it)
        QueryRunLimiter.Decision inFlight = limits.limiter().tryStart("10.0.2.1");
        assertThat(inFlight.granted()).isTrue();
        var refused = mvc.post().uri("/api/queries/many-rows/run").with(from("10.0.2.1")).exchange();
        assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS).hasHeader("Retry-After", "1")
                .bodyJson().extractingPath("$.detail").asString().contains("at once");
        // whatever the method: a GET of the run path is limited before it reaches any handler
        assertThat(mvc.get().uri("/api/queries/many-rows/run").with(from("10.0.2.1")))
                .hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        inFlight.permit().close();
        assertThat(mvc.post().uri("/api/queries/many-rows/run").with(from("10.0.2.1"))).hasStatusOk();
        assertThat(limits.limiter().running("10.0.2.1")).as("released after the response").isZero();
    }

    @Test
    void aRunThatFailsReleasesItsPlace() {
        assertThat(mvc.post().uri("/api/queries/slow/run").with(from("10.0.3.1")))
                .hasStatus(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(limits.limiter().running("10.0.3.1")).isZero();
        assertThat(mvc.post().uri("/api/queries/nope/run").with(from("10.0.3.1"))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/api/queries/many-rows/run").with(from("10.0.3.1"))).hasStatusOk();
    }

    @Test
    void openApiDescribesKeysAndLimits() {
        assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.components.securitySchemes.bearer.scheme", v -> v.assertThat().isEqualTo("bearer"))
                .hasPathSatisfying("$.components.securitySchemes.apiKey.name", v -> v.assertThat().isEqualTo("X-API-Key"))
                .hasPathSatisfying("$.paths['/api/queries/{name}/run'].post.responses['429'].headers['Retry-After']",
                        v -> v.assertThat().isNotNull())
                .hasPathSatisfying("$.paths['/api/queries/reload'].post.responses['401']",
                        v -> v.assertThat().isNotNull())
                .hasPathSatisfying("$.paths['/api/queries/reload'].post.security[*]",
                        v -> v.assertThat().asList().hasSize(2))
                .hasPathSatisfying("$.components.schemas.ProblemDetail", v -> v.assertThat().isNotNull());
    }
}
