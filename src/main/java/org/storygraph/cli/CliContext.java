package org.storygraph.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * What a command runs with: its output streams and the application context (no web server, profile {@code cli}),
 * started when the command first asks for a bean — after its arguments were parsed and checked, so that usage
 * errors and help answer at once. The Spring properties given on the command line ({@code --storygraph.x=y}) are
 * the context's arguments.
 */
public final class CliContext implements AutoCloseable {

    private final Class<?> application;
    private final List<String> properties;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, Object> overrides = new LinkedHashMap<>();
    private ConfigurableApplicationContext context;

    CliContext(Class<?> application, List<String> properties, PrintStream out, PrintStream err) {
        this.application = application;
        this.properties = properties;
        this.out = out;
        this.err = err;
    }

    /** Results (reports, data). */
    public PrintStream out() {
        return out;
    }

    /** Progress and errors. */
    public PrintStream err() {
        return err;
    }

    /** A bean of the application context, which starts on the first call. */
    public <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    /**
     * Runs the command on a fresh embedded database in a temporary directory (removed afterwards), never on the
     * service's data, and without clustering after every load (the command clusters under its own control); an
     * explicitly given {@code --storygraph.neo4j.embedded.data-dir} (an empty one) is used instead and kept, e.g. for
     * the API benchmark. Call before the first {@link #bean}.
     */
    public void freshDatabase() {
        if (context != null) {
            throw new IllegalStateException("the context has started already");
        }
        if (properties.stream().anyMatch(p -> p.startsWith("--storygraph.neo4j.embedded.data-dir="))) {
            overrides.putAll(Map.of("storygraph.neo4j.uri", "", "spring.neo4j.uri", "",
                    "storygraph.story.auto-cluster", "false"));
            return;
        }
        try {
            Path dir = Files.createTempDirectory("storygraph-evaluation");
            dir.toFile().deleteOnExit();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
            overrides.putAll(Map.of("storygraph.neo4j.uri", "", "spring.neo4j.uri", "",
                    "storygraph.neo4j.embedded.data-dir", dir.toString(),
                    "storygraph.story.auto-cluster", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a temporary directory tree, best effort. */
    public static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // best effort: a temporary directory
        }
    }

    private ConfigurableApplicationContext context() {
        if (context == null) {
            SpringApplication app = new SpringApplication(application);
            if (!overrides.isEmpty()) {
                Map<String, Object> settings = Map.copyOf(overrides);
                app.addInitializers(ctx -> ctx.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("cli", settings)));
            }
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setLogStartupInfo(false);
            app.setAdditionalProfiles("cli");
            try {
                context = app.run(properties.toArray(String[]::new));
            } catch (RuntimeException e) {
                throw new StartFailure(e);
            }
        }
        return context;
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
    }

    /** The application context did not start; {@link Cli} explains why. */
    static final class StartFailure extends RuntimeException {
        StartFailure(RuntimeException cause) {
            super(cause);
        }
    }
}
