package org.storygraph.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.AuthTokens;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.storygraph.StoryGraphApplication;
import org.storygraph.TestDatabase;

/**
 * Spring Boot's own connection settings select a server like {@code storygraph.neo4j.*} does, in one precedence
 * (storygraph.neo4j.uri, else spring.neo4j.uri, else embedded), and a configured server that does not answer stops
 * start-up with a report naming it. The "server" is the shared test database, reached over Bolt; each test points the
 * embedded data directory at a fresh path and checks that no store was created there.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringNeo4jSettingsTest {

    private static final Map<String, Object> QUIET = Map.of(
            "storygraph.ingest.seeds.load-when-empty", "false",
            "storygraph.feeds.poll", "false",
            "storygraph.story.auto-cluster", "false");

    private static Path freshDataDir(String name) {
        Path dir = Path.of("target", "spring-neo4j-settings", name).toAbsolutePath();
        TestDatabase.deleteRecursively(dir);
        return dir;
    }

    private static ConfigurableApplicationContext start(StandardEnvironment environment, Map<String, Object> properties,
            ApplicationContextInitializer<?>... initializers) {
        Map<String, Object> all = new HashMap<>(QUIET);
        all.putAll(properties);
        var builder = new SpringApplicationBuilder(StoryGraphApplication.class).web(WebApplicationType.NONE)
                .initializers(initializers);
        if (environment != null) {
            builder.environment(environment);
        }
        // as command-line arguments, above application.yml (which sets storygraph.neo4j.uri empty)
        return builder.run(all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
    }

    private static long answer(ConfigurableApplicationContext context) {
        return context.getBean(Neo4jClient.class).query("RETURN 41 + 1 AS n").fetchAs(Long.class).one().orElseThrow();
    }

    @Test
    void springNeo4jUriSelectsTheServerAndNoEmbeddedStoreIsCreated() {
        Path dir = freshDataDir("spring-uri");
        try (var context = start(null, Map.of("spring.neo4j.uri", TestDatabase.boltUri().toString(),
                "storygraph.neo4j.embedded.data-dir", dir.toString()))) {
            assertThat(context.getBeanProvider(EmbeddedNeo4j.class).getIfAvailable()).isNull();
            Neo4jConnectionDetails details = context.getBean(Neo4jConnectionDetails.class);
            assertThat(details.getUri()).isEqualTo(TestDatabase.boltUri());
            assertThat(details.getAuthToken()).isEqualTo(AuthTokens.none());
            assertThat(answer(context)).isEqualTo(42);
        }
        assertThat(dir).doesNotExist();
    }

    @Test
    void springNeo4jEnvironmentVariablesSelectTheServerWithTheirCredentials() {
        Path dir = freshDataDir("env");
        var environment = new StandardEnvironment();
        Map<String, Object> variables = new HashMap<>(environment.getSystemEnvironment());
        variables.put("SPRING_NEO4J_URI", TestDatabase.boltUri().toString());
        variables.put("SPRING_NEO4J_AUTHENTICATION_USERNAME", "reporter");
        variables.put("SPRING_NEO4J_AUTHENTICATION_PASSWORD", "s3cret");
        variables.put("STORYGRAPH_NEO4J_EMBEDDED_DATA_DIR", dir.toString());
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables));
        // the test database has auth disabled, so it accepts any credentials: what is sent is checked on the bean
        try (var context = start(environment, Map.of())) {
            assertThat(context.getBeanProvider(EmbeddedNeo4j.class).getIfAvailable()).isNull();
            Neo4jConnectionDetails details = context.getBean(Neo4jConnectionDetails.class);
            assertThat(details.getUri()).isEqualTo(TestDatabase.boltUri());
            assertThat(details.getAuthToken()).isEqualTo(AuthTokens.basic("reporter", "s3cret"));
            assertThat(((ServerSettings) details).setting()).isEqualTo("spring.neo4j.uri");
            assertThat(answer(context)).isEqualTo(42);
        }
        assertThat(dir).doesNotExist();
    }

    @Test
    void storygraphSettingsWinOverSpringOnes() throws IOException {
        Path dir = freshDataDir("precedence");
        try (var context = start(null, Map.of(
                "storygraph.neo4j.uri", TestDatabase.boltUri().toString(),
                "storygraph.neo4j.username", "owner",
                "storygraph.neo4j.password", "own-password",
                "spring.neo4j.uri", "bolt://127.0.0.1:" + closedPort(),
                "spring.neo4j.authentication.username", "someone-else",
                "spring.neo4j.authentication.password", "other-password",
                "storygraph.neo4j.embedded.data-dir", dir.toString()))) {
            Neo4jConnectionDetails details = context.getBean(Neo4jConnectionDetails.class);
            assertThat(details.getUri()).isEqualTo(TestDatabase.boltUri());
            assertThat(details.getAuthToken()).isEqualTo(AuthTokens.basic("owner", "own-password"));
            assertThat(answer(context)).isEqualTo(42);
        }
        assertThat(dir).doesNotExist();
    }

    @Test
    void springCredentialsApplyToTheStorygraphUriWhenItsOwnPasswordIsUnset() {
        var own = new Neo4jProperties(URI.create("neo4j://db:7687"), "neo4j", null, "neo4j",
                new Neo4jProperties.Embedded(Path.of("x"), null, "127.0.0.1:0", Duration.ZERO));
        var boot = new org.springframework.boot.neo4j.autoconfigure.Neo4jProperties();
        boot.getAuthentication().setUsername("reporter");
        boot.getAuthentication().setPassword("s3cret");
        ServerSettings server = ServerSettings.of(own, boot).orElseThrow();
        assertThat(server.setting()).isEqualTo("storygraph.neo4j.uri");
        assertThat(server.getAuthToken()).isEqualTo(AuthTokens.basic("reporter", "s3cret"));
        assertThat(server.toString()).doesNotContain("s3cret");
    }

    @Test
    void poolAndTimeoutSettingsDoNotCountAsAServer() {
        var own = new Neo4jProperties(null, "neo4j", null, "neo4j",
                new Neo4jProperties.Embedded(Path.of("x"), null, "127.0.0.1:0", Duration.ZERO));
        var boot = new org.springframework.boot.neo4j.autoconfigure.Neo4jProperties();
        boot.getPool().setMaxConnectionPoolSize(64);
        boot.setConnectionTimeout(Duration.ofSeconds(5));
        assertThat(ServerSettings.of(own, boot)).isEmpty();
        boot.setUri(URI.create(""));
        assertThat(ServerSettings.of(own, boot)).as("an emptied URI, as the CLI's fresh database sets").isEmpty();
    }

    @Test
    void aConnectionDetailsBeanOfItsOwnReplacesTheSettings() {
        Path dir = freshDataDir("service-connection");
        Neo4jConnectionDetails container = new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return TestDatabase.boltUri();
            }
        };
        // registered before the configuration is read, as Testcontainers' @ServiceConnection does
        try (var context = start(null, Map.of("storygraph.neo4j.embedded.data-dir", dir.toString()),
                ctx -> ctx.getBeanFactory().registerSingleton("containerConnection", container))) {
            assertThat(context.getBeanProvider(EmbeddedNeo4j.class).getIfAvailable()).isNull();
            assertThat(context.getBean(Neo4jConnectionDetails.class)).isSameAs(container);
            assertThat(answer(context)).isEqualTo(42);
        }
        assertThat(dir).doesNotExist();
    }

    @Test
    void anUnreachableConfiguredServerFailsStartUpQuicklyWithAClearReport(CapturedOutput output) throws IOException {
        Path dir = freshDataDir("unreachable");
        int port = closedPort();
        long started = System.nanoTime();
        assertThatThrownBy(() -> start(null, Map.of("spring.neo4j.uri", "bolt://127.0.0.1:" + port,
                "storygraph.neo4j.embedded.data-dir", dir.toString())).close())
                .hasStackTraceContaining(GraphUnreachableException.class.getName())
                .hasStackTraceContaining("Unable to connect to 127.0.0.1:" + port);
        // the check itself fails at the first refused connection (no driver retries); the rest is context start-up
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("Cannot reach the Neo4j server at bolt://127.0.0.1:" + port
                        + " (configured by spring.neo4j.uri)")
                .contains("leave both storygraph.neo4j.uri and spring.neo4j.uri");
        assertThat(dir).as("no fallback to an embedded database").doesNotExist();
    }

    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
