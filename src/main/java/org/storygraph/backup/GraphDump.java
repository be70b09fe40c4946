package org.storygraph.backup;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;
import org.storygraph.graph.Graph;

import tools.jackson.databind.json.JsonMapper;

/**
 * The whole graph as JSON lines, and back: a header line, then one line per node ({@code {"n": id, "labels": [...],
 * "props": {...}}}) and one per relationship ({@code {"r": type, "from": id, "to": id, "props": {...}}}), ids being
 * the dump's own numbers. Property types survive ({@link GraphValues}). Schema (constraints, indexes) is not in the
 * dump: migrations create it. Works with the embedded database and with a server alike; for a server,
 * {@code neo4j-admin database dump} is the native alternative (README).
 */
@Service
public class GraphDump {

    private static final int BATCH = 5_000;

    private final Graph graph;
    private final JsonMapper json = JsonMapper.builder().build();

    GraphDump(Graph graph) {
        this.graph = graph;
    }

    public GraphChecksum.Result checksum() {
        return GraphChecksum.of(graph);
    }

    /** Streams the graph (except migration bookkeeping) to {@code out}; returns the graph's checksum. */
    public GraphChecksum.Result export(BufferedWriter out) {
        try (var session = graph.session(AccessMode.READ)) {
            Map<String, Long> ids = new java.util.HashMap<>();
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("format", "storygraph-graph-dump");
            header.put("version", 1);
            header.put("exportedAt", OffsetDateTime.now().toString());
            out.write(json.writeValueAsString(header));
            out.newLine();
            var nodes = session.run("""
                    MATCH (n) WHERE NOT n:__StoryGraphMigration
                    RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props
                    """);
            while (nodes.hasNext()) {
                Record r = nodes.next();
                long id = ids.size();
                ids.put(r.get("id").asString(), id);
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("n", id);
                line.put("labels", r.get("labels").asList(Value::asString));
                line.put("props", props(r.get("props")));
                out.write(json.writeValueAsString(line));
                out.newLine();
            }
            var rels = session.run("""
                    MATCH (a)-[r]->(b) WHERE NOT a:__StoryGraphMigration AND NOT b:__StoryGraphMigration
                    RETURN elementId(a) AS a, type(r) AS type, elementId(b) AS b, properties(r) AS props
                    """);
            while (rels.hasNext()) {
                Record r = rels.next();
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("r", r.get("type").asString());
                line.put("from", ids.get(r.get("a").asString()));
                line.put("to", ids.get(r.get("b").asString()));
                line.put("props", props(r.get("props")));
                out.write(json.writeValueAsString(line));
                out.newLine();
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return checksum();
    }

    private static Map<String, Object> props(Value properties) {
        Map<String, Object> m = new TreeMap<>();
        properties.keys().forEach(k -> m.put(k, GraphValues.toJson(properties.get(k))));
        return m;
    }

    /**
     * Restores a dump into an empty database (only migration bookkeeping may exist); returns the restored graph's
     * checksum.
     *
     * @throws IllegalStateException when the database already holds data
     */
    @SuppressWarnings("unchecked")
    public GraphChecksum.Result restore(BufferedReader in) {
        try (var session = graph.session(AccessMode.WRITE)) {
            long existing = session.run("MATCH (n) WHERE NOT n:__StoryGraphMigration RETURN count(n) AS n")
                    .single().get("n").asLong();
            if (existing > 0) {
                throw new IllegalStateException("import-graph needs an empty database; this one holds " + existing
                        + " nodes");
            }
            session.run("CREATE INDEX storygraph_import_id IF NOT EXISTS FOR (n:__Import) ON (n.__importId)")
                    .consume();
            session.run("CALL db.awaitIndexes(60)").consume();
            String first = in.readLine();
            Map<String, Object> header = first == null ? Map.of() : json.readValue(first, Map.class);
            if (!"storygraph-graph-dump".equals(header.get("format"))) {
                throw new IllegalArgumentException("not a StoryGraph graph dump (no header line)");
            }
            List<Map<String, Object>> nodes = new ArrayList<>();
            List<Map<String, Object>> rels = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Object> row = json.readValue(line, Map.class);
                Map<String, Object> props = new LinkedHashMap<>();
                ((Map<String, Object>) row.get("props")).forEach((k, v) -> props.put(k, GraphValues.fromJson(v)));
                if (row.containsKey("n")) {
                    nodes.add(Map.of("id", ((Number) row.get("n")).longValue(), "labels", row.get("labels"),
                            "props", props));
                    if (nodes.size() == BATCH) {
                        writeNodes(session, nodes);
                    }
                } else {
                    if (!nodes.isEmpty()) {
                        writeNodes(session, nodes);
                    }
                    rels.add(Map.of("from", ((Number) row.get("from")).longValue(),
                            "to", ((Number) row.get("to")).longValue(), "type", row.get("r"), "props", props));
                    if (rels.size() == BATCH) {
                        writeRelationships(session, rels);
                    }
                }
            }
            writeNodes(session, nodes);
            writeRelationships(session, rels);
            session.run("""
                    MATCH (n:__Import)
                    CALL (n) { REMOVE n:__Import, n.__importId } IN TRANSACTIONS OF 10000 ROWS
                    """).consume();
            session.run("DROP INDEX storygraph_import_id IF EXISTS").consume();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return checksum();
    }

    private static void writeNodes(Session session, List<Map<String, Object>> nodes) {
        if (nodes.isEmpty()) {
            return;
        }
        List<Map<String, Object>> batch = List.copyOf(nodes);
        session.executeWrite(tx -> tx.run("""
                CYPHER 25
                UNWIND $rows AS row
                CREATE (n:__Import {__importId: row.id})
                SET n += row.props
                SET n:$(row.labels)
                """, Map.of("rows", batch)).consume());
        nodes.clear();
    }

    private static void writeRelationships(Session session, List<Map<String, Object>> rels) {
        if (rels.isEmpty()) {
            return;
        }
        List<Map<String, Object>> batch = List.copyOf(rels);
        session.executeWrite(tx -> tx.run("""
                CYPHER 25
                UNWIND $rows AS row
                MATCH (a:__Import {__importId: row.from})
                MATCH (b:__Import {__importId: row.to})
                CREATE (a)-[r:$(row.type)]->(b)
                SET r = row.props
                """, Map.of("rows", batch)).consume());
        rels.clear();
    }
}
