package org.storygraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The default mode end to end: no server URI configured, so the application starts its own embedded database in
 * a data directory, binds Bolt to loopback, migrates the schema, loads the seeds into the empty graph and serves
 * HTTP. Write endpoints are disabled because no API key is configured.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class EmbeddedModeTest {

    private static final Path DATA;

    static {
        DATA = Path.of("target", "embedded-mode-test").toAbsolutePath();
        org.storygraph.TestDatabase.deleteRecursively(DATA);
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("storygraph.neo4j.embedded.data-dir", DATA::toString);
        registry.add("storygraph.neo4j.embedded.page-cache", () -> "32MB");
    }

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedNeo4j embedded;

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startsItsOwnDatabaseOnLoopbackAndLoadsTheSeeds() throws Exception {
        assertThat(embedded.boltUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(embedded.dataDir()).isEqualTo(DATA.toAbsolutePath());
        assertThat(Files.exists(DATA.resolve("data").resolve("databases").resolve("neo4j"))).isTrue();

        assertThat(get("/api/articles?size=1").body()).contains("\"total\":27");
        assertThat(get("/actuator/health").body()).contains("\"neo4j\"").contains("\"status\":\"UP\"");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void disablesWriteEndpointsWithoutAnApiKey() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/ingest"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"paths\":[\"seeds\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("no API key configured");
    }
}
