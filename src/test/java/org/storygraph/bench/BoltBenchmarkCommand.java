package org.storygraph.bench;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.storygraph.cli.CliContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code storygraph benchmark-bolt --uri bolt://127.0.0.1:PORT [--threads N] [--duration D]}: the floor of a read
 * over Bolt — {@code RETURN 1} in N threads for D, each call in a session and managed read transaction of its own on
 * the named database, as the service's read path opens them — against a running service's embedded database (its
 * {@code storygraph.neo4j.embedded.bolt-address}). {@code scripts/bench-api.sh} runs it in the same run as its
 * endpoints and prints each endpoint's rate as a ratio of this one. No application context: just the driver.
 */
@Command(name = "benchmark-bolt", description = {"RETURN 1 over the Neo4j Java driver to a running database, in "
        + "N threads for a fixed time, one session and read transaction per call; prints req/s, p50 and p99."})
final class BoltBenchmarkCommand implements Callable<Integer> {

    @Option(names = "--uri", paramLabel = "URI", required = true,
            description = "Bolt URI of the database (e.g. the service's bolt://127.0.0.1:17687)")
    URI uri;

    @Option(names = "--database", paramLabel = "NAME", defaultValue = "neo4j", description = "default ${DEFAULT-VALUE}")
    String database;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "8", description = "default ${DEFAULT-VALUE}")
    int threads;

    @Option(names = "--duration", paramLabel = "D", defaultValue = "10s",
            description = "measured time after a 5 s warm-up, e.g. 10s, 500ms (default ${DEFAULT-VALUE})")
    String duration;

    @Option(names = "--query", paramLabel = "CYPHER", defaultValue = "RETURN 1",
            description = "the read to run (default ${DEFAULT-VALUE}); with --ids, $id takes each id in turn")
    String query;

    @Option(names = "--ids", paramLabel = "FILE",
            description = "ids, one a line, bound as $id in rotation (e.g. a story's Cypher from its feature)")
    java.nio.file.Path ids;

    @Spec
    CommandSpec spec;

    private List<String> idList = List.of();

    private final CliContext cli;

    BoltBenchmarkCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        Duration measured = parseDuration(duration);
        if (ids != null) {
            try {
                idList = java.nio.file.Files.readAllLines(ids).stream().filter(l -> !l.isBlank()).toList();
            } catch (java.io.IOException e) {
                throw new ParameterException(spec.commandLine(), "--ids: cannot read " + ids + ": " + e.getMessage());
            }
            if (idList.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--ids: no ids in " + ids);
            }
        }
        PrintStream out = cli.out();
        Config config = Config.builder().withMaxConnectionPoolSize(Math.max(100, threads)).build();
        try (Driver driver = GraphDatabase.driver(uri, AuthTokens.none(), config)) {
            driver.verifyConnectivity();
            SessionConfig session = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ)
                    .withDatabase(database).build();
            run(driver, session, Duration.ofSeconds(5));
            long[] latencies = run(driver, session, measured);
            double seconds = measured.toNanos() / 1e9;
            out.printf("%s: %d threads, %s: %.2f req/s, p50 %.2fms, p99 %.2fms%n",
                    query.equals("RETURN 1") ? query : "query", threads, duration, latencies.length / seconds,
                    percentile(latencies, 0.50) / 1e6, percentile(latencies, 0.99) / 1e6);
        }
        return 0;
    }

    /** The latencies (ns) of the calls that finished within {@code time}, sorted. */
    private long[] run(Driver driver, SessionConfig config, Duration time) throws InterruptedException {
        long end = System.nanoTime() + time.toNanos();
        List<long[]> perThread = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        int[] counts = new int[threads];
        for (int t = 0; t < threads; t++) {
            int index = t;
            perThread.add(null);
            workers.add(Thread.ofPlatform().start(() -> {
                long[] latencies = new long[4096];
                int n = 0;
                int next = index;
                while (true) {
                    long start = System.nanoTime();
                    if (start >= end) {
                        break;
                    }
                    try (Session session = driver.session(config)) {
                        Map<String, Object> parameters = idList.isEmpty() ? Map.of()
                                : Map.of("id", idList.get(next++ % idList.size()));
                        session.executeRead(tx -> tx.run(query, parameters).list().size());
                    }
                    long done = System.nanoTime();
                    if (done <= end) {
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = done - start;
                    }
                }
                synchronized (perThread) {
                    perThread.set(index, latencies);
                    counts[index] = n;
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join(TimeUnit.NANOSECONDS.toMillis(time.toNanos()) + 60_000);
        }
        int total;
        synchronized (perThread) {
            total = Arrays.stream(counts).sum();
        }
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(perThread.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return all;
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    private Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "--duration: not a duration: '" + text + "'");
        }
    }
}
