package org.storygraph.graph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neo4j.driver.AccessMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A deliberately small migration runner (neo4j-migrations does not resolve here): applies
 * {@code cypher/migrations/V<n>__*.cypher} from the classpath in version order, records each applied version as a
 * {@code :__StoryGraphMigration} node with its checksum, and refuses to start when an applied file was edited.
 * Statements are separated by a semicolon at the end of a line; each runs in its own auto-commit transaction because
 * schema commands cannot share a transaction with writes.
 */
final class MigrationRunner {

    private static final Logger log = LoggerFactory.getLogger(MigrationRunner.class);
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__(.+)\\.cypher");

    private final Graph graph;
    private final String location;

    MigrationRunner(Graph graph, String location) {
        this.graph = graph;
        this.location = location;
    }

    /** Applies pending migrations; returns the versions applied by this call (empty when up to date). */
    public List<Integer> migrate() {
        List<Migration> migrations = load();
        List<Integer> applied = new ArrayList<>();
        try (var session = graph.session(AccessMode.WRITE)) {
            Map<Integer, String> done = new java.util.HashMap<>();
            session.run("MATCH (m:__StoryGraphMigration) RETURN m.version AS version, m.checksum AS checksum")
                    .forEachRemaining(r -> done.put(r.get("version").asInt(), r.get("checksum").asString()));
            boolean pending = migrations.stream().anyMatch(m -> !done.containsKey(m.version()));
            if (pending) {
                // made with the first migration (before any version node exists), so an up-to-date database skips it
                session.run("CREATE CONSTRAINT storygraph_migration_version IF NOT EXISTS "
                        + "FOR (m:__StoryGraphMigration) REQUIRE m.version IS UNIQUE").consume();
            }
            for (Migration migration : migrations) {
                String previous = done.get(migration.version());
                if (previous != null) {
                    if (!previous.equals(migration.checksum())) {
                        throw new IllegalStateException("Migration V" + migration.version() + " ("
                                + migration.description() + ") was changed after it was applied; add a new "
                                + "migration instead of editing an applied one");
                    }
                    continue;
                }
                long started = System.nanoTime();
                for (String statement : migration.statements()) {
                    session.run(statement).consume();
                }
                // recorded only once its indexes are online, so an up-to-date database need not wait for them
                // (the statements are idempotent: a migration interrupted before it was recorded runs again)
                session.run("CALL db.awaitIndexes(300)").consume();
                session.executeWrite(tx -> tx.run("""
                        CREATE (:__StoryGraphMigration {version: $version, description: $description,
                                checksum: $checksum, appliedAt: datetime()})
                        """, Map.of("version", migration.version(), "description", migration.description(),
                        "checksum", migration.checksum())).consume());
                applied.add(migration.version());
                log.info("Applied migration V{} {} in {} ms", migration.version(), migration.description(),
                        (System.nanoTime() - started) / 1_000_000);
            }
        }
        return applied;
    }

    List<Migration> load() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(location + "/V*.cypher");
            List<Migration> migrations = new ArrayList<>();
            for (Resource resource : resources) {
                Matcher m = FILE_NAME.matcher(resource.getFilename());
                if (!m.matches()) {
                    throw new IllegalStateException("Not a migration file name: " + resource.getFilename());
                }
                String text;
                try (InputStream in = resource.getInputStream()) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                migrations.add(new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '),
                        sha256(text), statements(text)));
            }
            migrations.sort(Comparator.comparingInt(Migration::version));
            List<Migration> distinct = new ArrayList<>();
            for (Migration m : migrations) {
                Migration previous = distinct.isEmpty() ? null : distinct.getLast();
                if (previous != null && previous.version() == m.version()) {
                    // the same file reachable twice on the classpath is one migration; two different files are not
                    if (!previous.checksum().equals(m.checksum())) {
                        throw new IllegalStateException("Two different migrations share version " + m.version());
                    }
                    continue;
                }
                distinct.add(m);
            }
            return distinct;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read migrations from " + location, e);
        }
    }

    static List<String> statements(String text) {
        StringBuilder current = new StringBuilder();
        List<String> statements = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("//") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1).strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static String sha256(String text) {
        try {
            // Line endings are normalised so a checkout with CRLF does not look like an edited migration.
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
