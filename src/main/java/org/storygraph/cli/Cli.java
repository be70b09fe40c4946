package org.storygraph.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.storygraph.graph.DatabaseInUseException;

/**
 * Runs one command in an application context without a web server:
 * {@code storygraph load seeds/}. The command words are known before the context starts so that a typo or
 * {@code help} answers at once instead of after the database has started.
 */
public final class Cli {

    /** Every command word with a one-line usage; each has a {@link Command} bean of the same name. */
    public static final Map<String, String> COMMANDS = commands(
            "load", "load PATH... [--json]    load files or directories (recursively) into the graph",
            "recluster", "recluster [--checksum]    rebuild all stories from scratch (then print the graph checksum)",
            "generate", "generate --articles N [--seed S] --out DIR\n"
                    + "                            write a synthetic corpus (and its truth.csv) for benchmarks",
            "export-graph", "export-graph [--out FILE]  back up the whole graph as JSON lines (stdout without --out)",
            "import-graph", "import-graph FILE        restore a graph backup into an empty database",
            "checksum", "checksum                 order-independent checksum of the graph's content",
            "benchmark-cluster", "benchmark-cluster [--articles N] [--incremental M] [--seed S]\n"
                    + "                            full and incremental clustering times, embedding speed, heap",
            "benchmark-load", "benchmark-load [--articles N] [--seed S] [--naive M]\n"
                    + "                            loader vs naive SDN saves vs bare CREATE, fresh temporary database",
            "query", "query list | query run NAME [--param k=v ...] [--format json|csv|table]\n"
                    + "                            list or run the saved Cypher queries (read-only, time-limited)",
            "evaluate-clusters", "evaluate-clusters DIR [--truth FILE] [--batches N] [--seed S] [--out FILE] [--errors N]\n"
                    + "                            load a labelled corpus into a fresh embedded database, cluster it, score\n"
                    + "                            the stories against --truth (default DIR/truth.csv: B-cubed, ARI, NMI)\n"
                    + "                            and list the worst merges and splits",
            "export", "export (--story ID | --from T --to T | --leadlag [--from T] [--to T] [--min-shared N])\n"
                    + "                            [--format csv|json|graphml|gexf] [--out FILE]\n"
                    + "                            a story, the articles of [from, to) or the lead/lag network\n"
                    + "                            (stdout without --out)");

    public static final int EXIT_USAGE = 2;
    public static final int EXIT_DATABASE_IN_USE = 3;

    private Cli() {
    }

    public static boolean isCommand(String word) {
        return COMMANDS.containsKey(word) || word.equals("help") || word.equals("--help");
    }

    /** Runs the command in {@code args[0]} and returns the exit code (the caller decides whether to exit). */
    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        String name = args[0];
        if (!COMMANDS.containsKey(name)) {
            usage(name.equals("help") || name.equals("--help") ? out : err);
            return name.equals("help") || name.equals("--help") ? 0 : EXIT_USAGE;
        }
        List<String> all = List.of(Arrays.copyOfRange(args, 1, args.length));
        if (name.equals("generate")) {
            return org.storygraph.bench.GenerateCommand.run(all, out, err);
        }
        List<String> rest = all.stream().filter(a -> !isPropertyOption(a)).toList();
        String[] properties = all.stream().filter(Cli::isPropertyOption).toArray(String[]::new);
        SpringApplication app = new SpringApplication(application);
        Map<String, Object> overrides = contextOverrides(name, List.of(properties));
        if (!overrides.isEmpty()) {
            app.addInitializers(ctx -> ctx.getEnvironment().getPropertySources()
                    .addFirst(new org.springframework.core.env.MapPropertySource("cli-" + name, overrides)));
        }
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        app.setAdditionalProfiles("cli");
        ConfigurableApplicationContext context;
        try {
            context = app.run(properties);
        } catch (RuntimeException e) {
            DatabaseInUseException inUse = find(e, DatabaseInUseException.class);
            if (inUse != null) {
                err.println("storygraph " + name + ": " + (name.equals("export")
                        ? "The database in " + inUse.dataDir() + " is in use by another process (is the StoryGraph "
                                + "service running?). Stop it first, or export through the running service: curl -OJ "
                                + "'http://localhost:8080/api/export?from=2020-06-10&to=2020-06-20&format=gexf' "
                                + "(see docs/exports.md)"
                        : inUse.getMessage()));
                return EXIT_DATABASE_IN_USE;
            }
            // Boot's own failure report is switched off for the CLI (see application.yml), so say it here
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            err.println("storygraph " + name + ": could not start: " + root);
            e.printStackTrace(err);
            return 1;
        }
        try (context) {
            Command command = context.getBeansOfType(Command.class).values().stream()
                    .filter(c -> c.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No command bean named " + name));
            return command.run(rest, out, err);
        }
    }

    /**
     * Settings a command needs in its context. {@code evaluate-clusters} always works on a fresh embedded database
     * in a temporary directory (removed afterwards), never on the service's data, and clusters under its own
     * control (per batch) instead of after every load.
     */
    static Map<String, Object> contextOverrides(String command, List<String> properties) {
        if (!command.equals("evaluate-clusters") && !command.startsWith("benchmark-")) {
            return Map.of();
        }
        if (properties.stream().anyMatch(p -> p.startsWith("--storygraph.neo4j.embedded.data-dir="))) {
            // an explicitly given (empty) data directory is kept afterwards, e.g. for the API benchmark
            return Map.of("storygraph.neo4j.uri", "", "storygraph.story.auto-cluster", "false");
        }
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("storygraph-evaluation");
            dir.toFile().deleteOnExit();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
            return Map.of("storygraph.neo4j.uri", "", "storygraph.neo4j.embedded.data-dir", dir.toString(),
                    "storygraph.story.auto-cluster", "false");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Deletes a temporary directory tree, best effort. */
    public static void deleteQuietly(java.nio.file.Path dir) {
        try (var walk = java.nio.file.Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException | RuntimeException e) {
            // best effort: a temporary directory
        }
    }

    /** {@code --storygraph.neo4j.uri=...}: a configuration property (dotted name), not a command option. */
    static boolean isPropertyOption(String arg) {
        return arg.matches("--[A-Za-z][\\w-]*(\\.[\\w-]+)+=.*");
    }

    public static void usage(PrintStream stream) {
        stream.println("usage: storygraph [COMMAND [ARGS...]]");
        stream.println("  (no command)              start the service (embedded Neo4j, REST API and explorer on :8080)");
        COMMANDS.values().forEach(u -> stream.println("  " + u));
        stream.println("Configuration: --storygraph.neo4j.uri=neo4j://host:7687 etc. or STORYGRAPH_* variables.");
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Map<String, String> commands(String... nameAndUsage) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < nameAndUsage.length; i += 2) {
            map.put(nameAndUsage[i], nameAndUsage[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
