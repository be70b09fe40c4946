package org.storygraph.outlets;

import static org.storygraph.graph.Convert.string;
import static org.storygraph.graph.Convert.strings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.storygraph.common.InvalidParameterException;
import org.storygraph.common.OutletsProperties;
import org.storygraph.graph.Graph;
import org.storygraph.graph.GraphChanged;
import org.storygraph.outlets.OutletFiles.Format;
import org.storygraph.outlets.OutletFiles.Parsed;

/**
 * Imports outlet files: each outlet named gets exactly the metadata and collection memberships the file gives
 * (a value the file leaves out is removed, except the name, which then stays as the articles gave it), outlets
 * without articles become Provider nodes, and collections left empty are removed. One write transaction; an outlet
 * that already has what the file says is not written, so importing the same file again changes nothing.
 */
@Service
public class OutletImport {

    /** What the graph holds of an outlet before the import. */
    private record Current(String name, String country, String language, String mediaType, String owner,
            Set<String> collections) {
    }

    private final Graph graph;
    private final OutletFiles files;
    private final ApplicationEventPublisher events;

    OutletImport(Graph graph, OutletsProperties properties, ApplicationEventPublisher events) {
        this.graph = graph;
        this.files = new OutletFiles(new OutletFields(properties::providerKey));
        this.events = events;
    }

    /** Imports a file; its format from the extension ({@code .csv}, {@code .yaml}, {@code .yml}), else sniffed. */
    public ImportReport importFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidParameterException("file", "cannot read " + file + ": " + e.getMessage());
        }
        return importText(file.getFileName().toString(), null, text);
    }

    /**
     * Imports the text of a file.
     *
     * @param fileName    the file's name, or null (its extension may say the format)
     * @param contentType the media type it came with, or null ({@code text/csv}, {@code application/yaml})
     */
    public ImportReport importText(String fileName, String contentType, String text) {
        Format format = Format.of(fileName, contentType);
        Parsed parsed = files.read(text, format == null ? Format.sniff(text) : format);
        ImportReport report = graph.write(tx -> write(tx, fileName, parsed));
        if (report.created() + report.updated() + report.collectionsRemoved() > 0) {
            events.publishEvent(new GraphChanged("outlets"));
        }
        return report;
    }

    private static ImportReport write(TransactionContext tx, String fileName, Parsed parsed) {
        List<OutletRow> rows = parsed.outlets();
        Map<String, Current> current = new HashMap<>();
        tx.run("""
                MATCH (p:Provider) WHERE p.domain IN $domains
                RETURN p.domain AS domain, p.name AS name, p.country AS country, p.language AS language,
                       p.mediaType AS mediaType, p.owner AS owner,
                       COLLECT { MATCH (p)-[:IN_COLLECTION]->(c:Collection) RETURN c.name } AS collections
                """, Map.of("domains", rows.stream().map(OutletRow::domain).toList()))
                .forEachRemaining(r -> current.put(r.get("domain").asString(), current(r)));
        Set<String> existingCollections = new HashSet<>();
        tx.run("MATCH (c:Collection) RETURN c.name AS name")
                .forEachRemaining(r -> existingCollections.add(r.get("name").asString()));

        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<Map<String, Object>> writes = new ArrayList<>();
        Set<String> collections = new TreeSet<>();
        for (OutletRow row : rows) {
            collections.addAll(row.collections());
            Current before = current.get(row.domain());
            String name = row.name() != null ? row.name() : before != null && before.name() != null ? before.name()
                    : row.domain();
            Current after = new Current(name, row.country(), row.language(), row.mediaType(), row.owner(),
                    new HashSet<>(row.collections()));
            if (before == null) {
                created++;
            } else if (before.equals(after)) {
                unchanged++;
                continue;
            } else {
                updated++;
            }
            Map<String, Object> w = new HashMap<>();
            w.put("domain", row.domain());
            w.put("name", name);
            w.put("country", row.country());
            w.put("language", row.language());
            w.put("mediaType", row.mediaType());
            w.put("owner", row.owner());
            w.put("collections", row.collections());
            writes.add(w);
        }
        tx.run("""
                UNWIND $rows AS row
                MERGE (p:Provider {domain: row.domain})
                SET p.name = row.name, p.country = row.country, p.language = row.language,
                    p.mediaType = row.mediaType, p.owner = row.owner
                WITH p, row
                OPTIONAL MATCH (p)-[old:IN_COLLECTION]->(c:Collection) WHERE NOT c.name IN row.collections
                DELETE old
                """, Map.of("rows", writes)).consume();
        tx.run("""
                UNWIND $rows AS row
                MATCH (p:Provider {domain: row.domain})
                UNWIND row.collections AS name
                MERGE (c:Collection {name: name})
                MERGE (p)-[:IN_COLLECTION]->(c)
                """, Map.of("rows", writes)).consume();
        int removed = tx.run("""
                MATCH (c:Collection) WHERE NOT EXISTS { (c)<-[:IN_COLLECTION]-() }
                DELETE c
                """).consume().counters().nodesDeleted();
        int collectionsCreated = (int) collections.stream().filter(c -> !existingCollections.contains(c)).count();
        int rowsRejected = (int) parsed.rejected().stream().mapToInt(ImportReport.RejectedRow::line).distinct()
                .count();
        return new ImportReport(fileName, parsed.format().name().toLowerCase(java.util.Locale.ROOT), parsed.rows(),
                created, updated, unchanged, List.copyOf(collections), collectionsCreated, removed, rowsRejected,
                parsed.rejected(), parsed.warnings());
    }

    private static Current current(Record r) {
        return new Current(string(r.get("name")), string(r.get("country")), string(r.get("language")),
                string(r.get("mediaType")), string(r.get("owner")), new HashSet<>(strings(r.get("collections"))));
    }
}
