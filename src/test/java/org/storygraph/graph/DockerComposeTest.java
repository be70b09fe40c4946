package org.storygraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.storygraph.ingest.IngestProperties;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml cannot run here (no Docker engine), so its structure is checked, and the app service's
 * environment is bound through Spring's relaxed binding exactly as the container would see it, to prove that it
 * selects server mode and points at the neo4j service with the credentials that service is given.
 */
class DockerComposeTest {

    private static Map<String, Object> services;
    private static Map<String, Object> compose;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws Exception {
        try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
            compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        }
        services = (Map<String, Object>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String name) {
        Map<String, String> env = new HashMap<>();
        ((Map<String, Object>) service(name).get("environment")).forEach((k, v) -> env.put(k, defaults(v.toString())));
        return env;
    }

    /** {@code ${VAR:-default}} as Compose resolves it when VAR is unset. */
    private static String defaults(String value) {
        Matcher m = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}").matcher(value);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void runsAnOfficialNeo4jImageWithHealthCheckAndVolumes() {
        Map<String, Object> neo4j = service("neo4j");
        assertThat(neo4j.get("image").toString()).startsWith("neo4j:2026.08");
        assertThat((Map<String, Object>) neo4j.get("healthcheck")).containsKeys("test", "interval", "retries");
        assertThat((List<String>) neo4j.get("volumes")).anyMatch(v -> v.endsWith(":/data"));
        assertThat((Map<String, Object>) compose.get("volumes")).containsKey("neo4j-data");
        assertThat(environment("neo4j").get("NEO4J_AUTH")).startsWith("neo4j/");
    }

    @Test
    @SuppressWarnings("unchecked")
    void startsTheAppOnlyWhenNeo4jIsHealthyAndChecksTheAppsOwnHealth() {
        Map<String, Object> app = service("app");
        assertThat(app.get("build")).isEqualTo(".");
        assertThat(Files.exists(Path.of("Dockerfile"))).isTrue();
        Map<String, Object> dependsOn = (Map<String, Object>) app.get("depends_on");
        assertThat((Map<String, Object>) dependsOn.get("neo4j")).containsEntry("condition", "service_healthy");
        assertThat(((Map<String, Object>) app.get("healthcheck")).get("test").toString())
                .contains("/actuator/health/readiness");
        assertThat((List<String>) app.get("ports")).contains("8080:8080");
    }

    @Test
    void theAppEnvironmentBindsToServerModeAgainstTheNeo4jService() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new HashMap<>(environment("app"))));
        Binder binder = new Binder(ConfigurationPropertySources.get(environment));
        Neo4jProperties neo4j = binder.bindOrCreate("storygraph.neo4j", Neo4jProperties.class);

        assertThat(neo4j.embeddedMode()).isFalse();
        URI uri = neo4j.uri();
        assertThat(uri.getScheme()).isEqualTo("neo4j");
        assertThat(uri.getHost()).isEqualTo("neo4j").isIn(services.keySet());
        assertThat(uri.getPort()).isEqualTo(7687);
        String auth = environment("neo4j").get("NEO4J_AUTH");
        assertThat(neo4j.username() + "/" + neo4j.password()).isEqualTo(auth);

        IngestProperties ingest = binder.bindOrCreate("storygraph.ingest", IngestProperties.class);
        assertThat(ingest.seeds().dir()).isEqualTo(Path.of("/app/seeds"));
        assertThat(ingest.allowedRoots()).containsExactly(Path.of("/app/seeds"), Path.of("/app/inbox"));
    }
}
