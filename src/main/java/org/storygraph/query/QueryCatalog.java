package org.storygraph.query;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.summary.ResultSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.storygraph.graph.Graph;
import org.storygraph.graph.Neo4jProperties;

/**
 * The saved queries: {@code *.cypher} files of the configured directory (or, when it does not exist, those
 * packaged in the jar), parsed and validated with {@code EXPLAIN} — a query must be read-only and must not use
 * {@code LOAD CSV} (it would read files of the server). A broken file is kept with its error, so it is reported
 * in the catalogue and the health endpoint while the others still serve. {@link #reload()} re-reads everything.
 */
@Component
public class QueryCatalog {

    private static final Logger log = LoggerFactory.getLogger(QueryCatalog.class);

    private final QueryProperties properties;
    private final Graph graph;
    private final Path cacheFile;
    private volatile Map<String, SavedQuery> queries = Map.of();
    private volatile String source = "";

    QueryCatalog(QueryProperties properties, Graph graph, Neo4jProperties neo4j) {
        this.properties = properties;
        this.graph = graph;
        this.cacheFile = properties.validationCache() != null ? properties.validationCache()
                : neo4j.embeddedMode() ? neo4j.embedded().dataDir().resolve("saved-queries.validated") : null;
    }

    /**
     * Validates the catalogue once the application is up (schema migrated), so broken files show at once in the log
     * and the health endpoint — on a background thread, so that a cold query planner does not delay readiness (the
     * first caller of {@link #all()}, {@link #find} or {@link #source()} waits for it). Off with
     * {@code storygraph.queries.validate-at-start=false} (the CLI: a command validates on first use only).
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationStartedEvent.class)
    void loadAtStartUp() {
        if (properties.validateAtStart()) {
            Thread.ofPlatform().name("saved-queries").daemon().start(() -> {
                try {
                    loaded();
                } catch (RuntimeException e) {
                    log.warn("Validating the saved queries at start failed: {}", e.toString());
                }
            });
        }
    }

    public List<SavedQuery> all() {
        return List.copyOf(loaded().values());
    }

    public Optional<SavedQuery> find(String name) {
        return Optional.ofNullable(loaded().get(name));
    }

    /** Where the queries were read from. */
    public String source() {
        loaded();
        return source;
    }

    /** The catalogue, read and validated on the first call (or by the start-up validation, which this waits for). */
    private Map<String, SavedQuery> loaded() {
        if (source.isEmpty()) {
            synchronized (this) {
                if (source.isEmpty()) {
                    reload();
                }
            }
        }
        return queries;
    }

    /** Re-reads and re-validates every saved query; returns the catalogue. */
    public synchronized List<SavedQuery> reload() {
        Map<String, String> files = new TreeMap<>();
        String from;
        Path dir = properties.dir();
        if (Files.isDirectory(dir)) {
            from = dir.toAbsolutePath().normalize().toString();
            try (Stream<Path> list = Files.list(dir)) {
                for (Path p : list.filter(f -> f.getFileName().toString().endsWith(".cypher")).sorted().toList()) {
                    files.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read saved queries from " + dir + ": " + e.getMessage(), e);
            }
        } else {
            from = "classpath:cypher/queries";
            try {
                for (Resource r : new PathMatchingResourcePatternResolver()
                        .getResources("classpath*:cypher/queries/*.cypher")) {
                    try (InputStream in = r.getInputStream()) {
                        files.put(r.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read packaged saved queries: " + e.getMessage(), e);
            }
        }
        Map<String, SavedQuery> read = new LinkedHashMap<>();
        Set<String> duplicates = new HashSet<>();
        for (var file : files.entrySet()) {
            SavedQuery q = QueryFileParser.parse(file.getKey(), file.getValue(), properties.timeout(),
                    properties.maxTimeout(), properties.maxRows());
            if (read.containsKey(q.name())) {
                q = q.withError("another file (" + read.get(q.name()).file() + ") already has the name '"
                        + q.name() + "'");
                read.put(q.name() + "@" + q.file(), q);
                duplicates.add(q.name() + "@" + q.file());
                continue;
            }
            read.put(q.name(), q);
        }
        // EXPLAIN side by side: planning on a cold database is CPU work, so the cores share it (same order after);
        // a query whose file and database are as at an earlier validation takes that outcome from the cache
        List<String> keys = List.copyOf(read.keySet());
        ValidationCache cache = ValidationCache.open(cacheFile);
        String database = cacheFile == null ? "" : databaseIdentity();
        List<SavedQuery> checked = keys.parallelStream().map(read::get)
                .map(q -> q.valid() ? validate(q, cache, database, files.get(q.file())) : q).toList();
        cache.save();
        Map<String, SavedQuery> parsed = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            SavedQuery q = checked.get(i);
            if (!q.valid() && !duplicates.contains(keys.get(i))) {
                log.warn("Saved query {} ({}) is broken: {}", q.name(), q.file(), q.error());
            }
            parsed.put(keys.get(i), q);
        }
        queries = Collections.unmodifiableMap(parsed);
        source = from;
        log.info("Saved queries: {} from {} ({} broken)", parsed.size(), from,
                parsed.values().stream().filter(q -> !q.valid()).count());
        return all();
    }

    /** The outcome for {@code q} from the cache, else {@link #validate(SavedQuery)} (recorded in the cache). */
    private SavedQuery validate(SavedQuery q, ValidationCache cache, String database, String text) {
        if (database == null || text == null) {
            return validate(q);
        }
        String key = ValidationCache.key(q.file(), text, database);
        Optional<String> known = cache.find(key);
        if (known.isPresent()) {
            cache.put(key, known.get());
            return known.get().isEmpty() ? q : q.withError(known.get());
        }
        try {
            SavedQuery checked = check(q);
            cache.put(key, checked.error());
            return checked;
        } catch (ClientException e) {
            if (!e.code().startsWith("Neo.ClientError.Statement.")) {
                return q.withError("EXPLAIN failed: " + firstLine(e.getMessage()));
            }
            // the statement's own fault (syntax, semantics, parameters): it lasts as long as the text does
            SavedQuery broken = q.withError("EXPLAIN failed: " + firstLine(e.getMessage()));
            cache.put(key, broken.error());
            return broken;
        } catch (RuntimeException e) { // the database's (unavailable, timed out): not kept, tried again next time
            return q.withError("EXPLAIN failed: " + firstLine(e.getMessage()));
        }
    }

    /** The database's identity for the cache; null (no cache) when it cannot be read. */
    private String databaseIdentity() {
        try {
            return graph.identity();
        } catch (RuntimeException e) {
            log.debug("No saved-query validation cache: {}", e.toString());
            return null;
        }
    }

    /** EXPLAIN in a read transaction: syntax, parameters, read-only, no LOAD CSV. */
    private SavedQuery validate(SavedQuery q) {
        try {
            return check(q);
        } catch (RuntimeException e) {
            return q.withError("EXPLAIN failed: " + firstLine(e.getMessage()));
        }
    }

    /** {@link #validate(SavedQuery)}, throwing what the database throws. */
    private SavedQuery check(SavedQuery q) {
        Map<String, Object> params = new HashMap<>();
        for (QueryParam p : q.params()) {
            params.put(p.name(), p.defaultValue() == null ? null : ParamTypes.parseText(p.type(), p.defaultValue()));
        }
        ResultSummary summary = graph.read(tx -> tx.run("EXPLAIN " + q.cypher(), params).consume());
        if (summary.queryType() != QueryType.READ_ONLY) {
            return q.withError("the query writes (" + summary.queryType() + "); saved queries must be read-only");
        }
        if (summary.hasPlan() && uses(summary.plan(), "LoadCSV")) {
            return q.withError("LOAD CSV is not allowed in saved queries");
        }
        List<String> undeclared = new ArrayList<>();
        for (String used : parametersUsed(q.cypher())) {
            if (q.params().stream().noneMatch(p -> p.name().equals(used))) {
                undeclared.add(used);
            }
        }
        if (!undeclared.isEmpty()) {
            return q.withError("parameters used but not declared in the header: " + undeclared);
        }
        return q;
    }

    private static boolean uses(Plan plan, String operator) {
        if (plan.operatorType().startsWith(operator)) {
            return true;
        }
        for (Plan child : plan.children()) {
            if (uses(child, operator)) {
                return true;
            }
        }
        return false;
    }

    /** Names used as {@code $name} outside string literals and comments. */
    static List<String> parametersUsed(String cypher) {
        List<String> names = new ArrayList<>();
        boolean inString = false;
        char quote = 0;
        for (int i = 0; i < cypher.length(); i++) {
            char c = cypher.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    inString = false;
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                inString = true;
                quote = c;
            } else if (c == '/' && i + 1 < cypher.length() && cypher.charAt(i + 1) == '/') {
                int nl = cypher.indexOf('\n', i);
                i = nl < 0 ? cypher.length() : nl;
            } else if (c == '$') {
                int j = i + 1;
                while (j < cypher.length() && (Character.isLetterOrDigit(cypher.charAt(j)) || cypher.charAt(j) == '_')) {
                    j++;
                }
                String name = cypher.substring(i + 1, j);
                if (!name.isEmpty() && !names.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
