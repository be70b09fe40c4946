package org.storygraph.ingest;

import org.storygraph.common.ArticleIds;
import org.storygraph.common.UrlCanonicalizer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.storygraph.graph.Convert;
import org.storygraph.graph.Graph;

/**
 * Writes one batch of parsed files in a single transaction with {@code UNWIND ... MERGE} statements, one per node
 * and relationship kind. Records of the same article inside the batch are merged first (full record over related
 * entry, earliest time), then merged with what the graph holds by the same rules in Cypher, so the order in which
 * files arrive does not change the result. The transaction function may be retried on transient errors (deadlocks
 * between concurrent loads): it only reads the batch and returns fresh results, so a retry is safe.
 * <p>
 * About 400 lines because the in-batch merge rules and the Cypher that applies the same rules against the graph
 * belong side by side: a change to one without the other would make the result depend on file order.
 */
final class BatchWriter {

    private final Graph graph;
    private final UnaryOperator<String> providerKey;

    /**
     * @param providerKey the provider key of a record's domain ({@code OutletsProperties.providerKey}: the domain
     *                    itself, or its registrable domain)
     */
    BatchWriter(Graph graph, UnaryOperator<String> providerKey) {
        this.graph = graph;
        this.providerKey = providerKey;
    }

    /**
     * A parsed file ready to write: its items (one for front matter, one per row or line for CSV and JSON Lines).
     * All items of all files of a batch go through the same in-batch merge, so their order does not matter.
     */
    record Loaded(String path, String hash, long size, List<ParsedItem> items) {

        Loaded {
            items = List.copyOf(items);
        }
    }

    /** A file that failed, recorded for provenance. */
    record Failed(String path, String hash, long size, int line, String reason) {
    }

    record Result(int created, int updated, Map<String, Long> relationships, List<LoadReport.TimeConflict> conflicts,
            List<String> changedUrls) {
    }

    /** Paths among {@code paths} already loaded with exactly this content hash. */
    Map<String, String> loadedHashes(List<String> paths) {
        return graph.read(tx -> {
            Map<String, String> hashes = new HashMap<>();
            tx.run("""
                    MATCH (s:SourceFile) WHERE s.path IN $paths AND s.status = 'loaded'
                    RETURN s.path AS path, s.hash AS hash
                    """, Map.of("paths", paths))
                    .forEachRemaining(r -> hashes.put(r.get("path").asString(), r.get("hash").asString()));
            return hashes;
        });
    }

    /**
     * Writes the batch. Deadlocks and other transient errors are retried by the driver; two loads that MERGE the
     * same new article at the same moment make one of them fail its uniqueness constraint instead — retried here,
     * when the MERGE then finds the node the other load committed.
     */
    Result write(List<Loaded> loaded, List<Failed> failed) {
        Batch batch = Batch.of(loaded, providerKey);
        for (int attempt = 1; ; attempt++) {
            try {
                return graph.write(tx -> write(tx, batch, failed));
            } catch (org.neo4j.driver.exceptions.ClientException e) {
                boolean race = e.code() != null && e.code().contains("ConstraintValidationFailed");
                if (!race || attempt >= 5) {
                    throw e;
                }
                log.debug("Concurrent load created the same node; retrying batch (attempt {})", attempt + 1);
                try {
                    Thread.sleep(20L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BatchWriter.class);

    private Result write(TransactionContext tx, Batch batch, List<Failed> failed) {
        long t0 = System.nanoTime();
        Map<String, Long> rels = new LinkedHashMap<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        tx.run("""
                UNWIND $providers AS p
                MERGE (x:Provider {domain: p.domain})
                ON CREATE SET x.name = p.name
                ON MATCH SET x.name = CASE WHEN p.full THEN p.name ELSE coalesce(x.name, p.name) END
                """, Map.of("providers", batch.providers())).consume();
        tx.run("UNWIND $topics AS name MERGE (:Topic {name: name})", Map.of("topics", batch.topics())).consume();
        long t1 = System.nanoTime();

        int created = 0;
        int updated = 0;
        List<String> createdNow = new ArrayList<>();
        List<LoadReport.TimeConflict> conflicts = new ArrayList<>(batch.conflicts());
        List<String> changed = new ArrayList<>();
        var result = tx.run("""
                UNWIND $rows AS row
                OPTIONAL MATCH (old:Article {url: row.url})
                WITH row, properties(old) AS before
                MERGE (a:Article {url: row.url})
                ON CREATE SET a.id = row.id, a.firstLoadedAt = $now
                SET a.title    = CASE WHEN row.full THEN coalesce(row.title, a.title) ELSE coalesce(a.title, row.title) END,
                    a.excerpt  = CASE WHEN row.full THEN coalesce(row.excerpt, a.excerpt) ELSE coalesce(a.excerpt, row.excerpt) END,
                    a.type     = CASE WHEN row.full THEN coalesce(row.type, a.type) ELSE coalesce(a.type, row.type) END,
                    a.category = CASE WHEN row.full THEN coalesce(row.category, a.category) ELSE coalesce(a.category, row.category) END,
                    a.quality  = CASE WHEN row.full THEN coalesce(row.quality, a.quality) ELSE coalesce(a.quality, row.quality) END,
                    a.heat     = CASE WHEN row.full THEN coalesce(row.heat, a.heat) ELSE coalesce(a.heat, row.heat) END,
                    a.ampUrl   = CASE WHEN row.full THEN coalesce(row.ampUrl, a.ampUrl) ELSE coalesce(a.ampUrl, row.ampUrl) END,
                    a.imageUrl = CASE WHEN row.full THEN coalesce(row.imageUrl, a.imageUrl) ELSE coalesce(a.imageUrl, row.imageUrl) END,
                    a.full     = row.full OR coalesce(a.full, false),
                    a.host     = row.host,
                    a.publishedAt = CASE
                        WHEN a.publishedAt IS NULL THEN row.publishedAt
                        WHEN row.publishedAt IS NOT NULL AND row.publishedAt < a.publishedAt THEN row.publishedAt
                        ELSE a.publishedAt END,
                    a.originalUrls = coalesce(a.originalUrls, [])
                        + [u IN row.originalUrls WHERE NOT u IN coalesce(a.originalUrls, [])]
                // implausible times are kept but flagged, and left out of first-reporter, lag and time windows
                SET a.timeFlag = CASE
                        WHEN a.publishedAt IS NULL THEN 'missing'
                        WHEN a.publishedAt < datetime('1990-01-01T00:00:00Z') THEN 'before-1990'
                        WHEN a.publishedAt > datetime.transaction() + duration('P1D') THEN 'future'
                        END
                RETURN row.url AS url, row.file AS file, before IS NULL AS created,
                       before IS NOT NULL AND before <> properties(a) AS updated,
                       before.publishedAt AS previous, row.publishedAt AS incoming
                """, Map.of("rows", batch.rows(), "now", now));
        while (result.hasNext()) {
            var r = result.next();
            String url = r.get("url").asString();
            if (r.get("created").asBoolean()) {
                created++;
                changed.add(url);
                createdNow.add(url);
            } else if (r.get("updated").asBoolean()) {
                updated++;
                changed.add(url);
            }
            Value previous = r.get("previous");
            Value incoming = r.get("incoming");
            if (!previous.isNull() && !incoming.isNull()) {
                Instant p = Convert.instant(previous);
                Instant i = Convert.instant(incoming);
                if (!p.equals(i)) {
                    conflicts.add(new LoadReport.TimeConflict(url, p.isBefore(i) ? p : i, p.isBefore(i) ? i : p,
                            r.get("file").asString()));
                }
            }
        }

        long t2 = System.nanoTime();
        // Articles created by this batch have no relationships yet: theirs are CREATEd, without the existence
        // checks MERGE makes; articles that existed go through MERGE.
        Set<String> createdUrls = new HashSet<>(createdNow);
        List<Map<String, Object>> fresh = new ArrayList<>();
        List<Map<String, Object>> existing = new ArrayList<>();
        for (Map<String, Object> row : batch.rows()) {
            (createdUrls.contains((String) row.get("url")) ? fresh : existing).add(row);
        }
        long publishedCreated = tx.run("""
                UNWIND $rows AS row
                MATCH (a:Article {url: row.url})
                MATCH (p:Provider {domain: row.provider})
                CREATE (a)-[:PUBLISHED_BY]->(p)
                """, Map.of("rows", fresh)).consume().counters().relationshipsCreated();
        publishedCreated += tx.run("""
                UNWIND $rows AS row
                MATCH (a:Article {url: row.url})
                WHERE row.full OR NOT EXISTS { (a)-[:PUBLISHED_BY]->() }
                MATCH (p:Provider {domain: row.provider})
                OPTIONAL MATCH (a)-[old:PUBLISHED_BY]->(other:Provider) WHERE other <> p
                DELETE old
                MERGE (a)-[:PUBLISHED_BY]->(p)
                """, Map.of("rows", existing)).consume().counters().relationshipsCreated();
        rels.put("PUBLISHED_BY", publishedCreated);
        long t3 = System.nanoTime();
        long taggedCreated = tx.run("""
                UNWIND $rows AS row
                MATCH (a:Article {url: row.url})
                UNWIND row.topics AS topic
                MATCH (t:Topic {name: topic})
                CREATE (a)-[:TAGGED]->(t)
                """, Map.of("rows", fresh)).consume().counters().relationshipsCreated();
        taggedCreated += tx.run("""
                UNWIND $rows AS row
                MATCH (a:Article {url: row.url})
                UNWIND row.topics AS topic
                MATCH (t:Topic {name: topic})
                MERGE (a)-[:TAGGED]->(t)
                """, Map.of("rows", existing)).consume().counters().relationshipsCreated();
        rels.put("TAGGED", taggedCreated);
        long t4 = System.nanoTime();
        List<Map<String, Object>> freshLinks = new ArrayList<>();
        List<Map<String, Object>> existingLinks = new ArrayList<>();
        for (Map<String, Object> link : batch.related()) {
            (createdUrls.contains((String) link.get("from")) || createdUrls.contains((String) link.get("to"))
                    ? freshLinks : existingLinks).add(link);
        }
        long relatedCreated = tx.run("""
                UNWIND $related AS r
                MATCH (a:Article {url: r.from})
                MATCH (b:Article {url: r.to})
                CREATE (a)-[:RELATED_TO {rank: r.rank}]->(b)
                """, Map.of("related", freshLinks)).consume().counters().relationshipsCreated();
        relatedCreated += tx.run("""
                UNWIND $related AS r
                MATCH (a:Article {url: r.from})
                MATCH (b:Article {url: r.to})
                MERGE (a)-[x:RELATED_TO]->(b)
                ON CREATE SET x.rank = r.rank
                ON MATCH SET x.rank = CASE WHEN r.rank < x.rank THEN r.rank ELSE x.rank END
                """, Map.of("related", existingLinks)).consume().counters().relationshipsCreated();
        rels.put("RELATED_TO", relatedCreated);

        long t5 = System.nanoTime();
        List<Map<String, Object>> files = new ArrayList<>(batch.files());
        for (Failed f : failed) {
            Map<String, Object> m = new HashMap<>();
            m.put("path", f.path());
            m.put("hash", f.hash());
            m.put("size", f.size());
            m.put("status", "failed");
            m.put("error", f.reason());
            m.put("line", f.line());
            m.put("urls", List.of());
            files.add(m);
        }
        rels.put("CONTAINED", (long) tx.run("""
                UNWIND $files AS f
                MERGE (s:SourceFile {path: f.path})
                SET s.hash = f.hash, s.size = f.size, s.status = f.status, s.error = f.error,
                    s.errorLine = f.line, s.loadedAt = $now
                WITH s, f
                CALL (s, f) {
                    UNWIND f.urls AS u
                    MATCH (a:Article {url: u})
                    MERGE (s)-[:CONTAINED]->(a)
                }
                """, Map.of("files", files, "now", now)).consume().counters().relationshipsCreated());
        long t6 = System.nanoTime();
        if (log.isDebugEnabled()) {
            log.debug("batch of {} rows: providers+topics {} ms, articles {} ms, published {} ms, tagged {} ms, "
                    + "related {} ms, files {} ms", batch.rows().size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                    (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000, (t5 - t4) / 1_000_000, (t6 - t5) / 1_000_000);
        }
        rels.values().removeIf(v -> v == 0);
        return new Result(created, updated, rels, conflicts, changed);
    }

    /**
     * The record with its provider keyed by {@code providerKey}; a name that was only the domain (no name given)
     * becomes the key.
     */
    private static ArticleRecord keyed(ArticleRecord r, UnaryOperator<String> providerKey) {
        String domain = r.provider().domain();
        String key = providerKey.apply(domain);
        if (key.equals(domain)) {
            return r;
        }
        String name = r.provider().name() == null || r.provider().name().equals(domain) ? key : r.provider().name();
        return new ArticleRecord(r.url(), r.originalUrl(), r.title(), r.excerpt(), r.publishedAt(), r.type(),
                r.category(), r.quality(), r.heat(), r.ampUrl(), r.imageUrl(),
                new ArticleRecord.ProviderRecord(key, name), r.topics(), r.full(), r.line());
    }

    /** The batch in the shape the statements take: one row per distinct article, providers, topics, edges. */
    private record Batch(List<Map<String, Object>> rows, List<Map<String, Object>> providers, List<String> topics,
            List<Map<String, Object>> related, List<Map<String, Object>> files,
            List<LoadReport.TimeConflict> conflicts) {

        static Batch of(List<Loaded> loaded, UnaryOperator<String> providerKey) {
            Map<String, Row> rows = new LinkedHashMap<>();
            Map<String, Map<String, Object>> providers = new LinkedHashMap<>();
            Set<String> topics = new LinkedHashSet<>();
            Map<String, Map<String, Object>> related = new LinkedHashMap<>();
            List<Map<String, Object>> files = new ArrayList<>();
            List<LoadReport.TimeConflict> conflicts = new ArrayList<>();
            for (Loaded file : loaded) {
                Set<String> contained = new LinkedHashSet<>();
                for (ParsedItem item : file.items()) {
                    contained.add(item.article().url());
                    List<ArticleRecord> records = new ArrayList<>();
                    records.add(item.article());
                    item.related().forEach(r -> records.add(r.article()));
                    for (ArticleRecord given : records) {
                        ArticleRecord record = keyed(given, providerKey);
                        Row row = rows.get(record.url());
                        if (row == null) {
                            rows.put(record.url(), new Row(record, file.path()));
                        } else {
                            row.merge(record, file.path(), conflicts);
                        }
                        var provider = record.provider();
                        var known = providers.get(provider.domain());
                        if (known == null || (record.full() && !(Boolean) known.get("full"))) {
                            providers.put(provider.domain(), Map.of("domain", provider.domain(), "name",
                                    provider.name(), "full", record.full()));
                        }
                        topics.addAll(record.topics());
                    }
                    for (ArticleRecord.Related r : item.related()) {
                        String key = item.article().url() + "\n" + r.article().url();
                        var existing = related.get(key);
                        if (existing == null || (Integer) existing.get("rank") > r.rank()) {
                            related.put(key, Map.of("from", item.article().url(), "to", r.article().url(),
                                    "rank", r.rank()));
                        }
                    }
                }
                // provenance: the file contained its items; their related entries hang off them by RELATED_TO
                files.add(Map.of("path", file.path(), "hash", file.hash(), "size", file.size(),
                        "status", "loaded", "line", 0, "urls", List.copyOf(contained)));
            }
            return new Batch(rows.values().stream().map(Row::toMap).toList(), List.copyOf(providers.values()),
                    List.copyOf(topics), List.copyOf(related.values()), files, conflicts);
        }
    }

    /** One article's merged record inside a batch. */
    private static final class Row {
        private ArticleRecord record;
        private Instant publishedAt;
        private final Set<String> originalUrls = new LinkedHashSet<>();
        private final Set<String> topics = new LinkedHashSet<>();
        private String file;

        Row(ArticleRecord record, String file) {
            this.record = record;
            this.publishedAt = record.publishedAt();
            this.file = file;
            originalUrls.add(record.originalUrl());
            topics.addAll(record.topics());
        }

        void merge(ArticleRecord other, String otherFile, List<LoadReport.TimeConflict> conflicts) {
            originalUrls.add(other.originalUrl());
            topics.addAll(other.topics());
            if (other.publishedAt() != null) {
                if (publishedAt == null) {
                    publishedAt = other.publishedAt();
                } else if (!publishedAt.equals(other.publishedAt())) {
                    Instant kept = publishedAt.isBefore(other.publishedAt()) ? publishedAt : other.publishedAt();
                    Instant discarded = kept.equals(publishedAt) ? other.publishedAt() : publishedAt;
                    conflicts.add(new LoadReport.TimeConflict(record.url(), kept, discarded, otherFile));
                    publishedAt = kept;
                }
            }
            // Same rule as the Cypher merge: a full record wins (the later one when both are full); a related
            // entry only fills what is still empty. Between two related entries of one batch, the earlier
            // publication (then the first file by path) speaks first, whatever order the files were read in.
            if (other.full() || !record.full() && speaksBefore(other, otherFile)) {
                record = fillFrom(other, record);
                file = otherFile;
            } else {
                record = fillFrom(record, other);
            }
        }

        private boolean speaksBefore(ArticleRecord other, String otherFile) {
            Instant mine = record.publishedAt();
            Instant theirs = other.publishedAt();
            if (mine != null && theirs != null && !mine.equals(theirs)) {
                return theirs.isBefore(mine);
            }
            if ((mine == null) != (theirs == null)) {
                return mine == null;
            }
            int byFile = otherFile.compareTo(file);
            return byFile != 0 ? byFile < 0 : other.line() < record.line();
        }

        /** {@code primary}'s values, with its empty fields filled from {@code secondary}. */
        private static ArticleRecord fillFrom(ArticleRecord primary, ArticleRecord secondary) {
            return new ArticleRecord(primary.url(), primary.originalUrl(),
                    primary.title() != null ? primary.title() : secondary.title(),
                    primary.excerpt() != null ? primary.excerpt() : secondary.excerpt(),
                    primary.publishedAt(),
                    primary.type() != null ? primary.type() : secondary.type(),
                    primary.category() != null ? primary.category() : secondary.category(),
                    primary.quality() != null ? primary.quality() : secondary.quality(),
                    primary.heat() != null ? primary.heat() : secondary.heat(),
                    primary.ampUrl() != null ? primary.ampUrl() : secondary.ampUrl(),
                    primary.imageUrl() != null ? primary.imageUrl() : secondary.imageUrl(),
                    primary.provider(), primary.topics(), primary.full() || secondary.full(), primary.line());
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new HashMap<>();
            m.put("url", record.url());
            m.put("id", ArticleIds.of(record.url()));
            m.put("originalUrls", List.copyOf(originalUrls));
            m.put("title", record.title());
            m.put("excerpt", record.excerpt());
            m.put("publishedAt", Convert.utc(publishedAt));
            m.put("type", record.type());
            m.put("category", record.category());
            m.put("quality", record.quality());
            m.put("heat", record.heat());
            m.put("ampUrl", record.ampUrl());
            m.put("imageUrl", record.imageUrl());
            m.put("full", record.full());
            m.put("provider", record.provider().domain());
            m.put("host", UrlCanonicalizer.domainOf(record.url()));
            m.put("topics", List.copyOf(topics));
            m.put("file", file);
            return m;
        }
    }
}
