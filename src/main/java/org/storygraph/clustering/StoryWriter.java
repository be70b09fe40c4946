package org.storygraph.clustering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.storygraph.graph.Convert;
import org.storygraph.graph.Graph;

/** The graph side of clustering: candidate neighbours, related links, story state, and writing the outcome. */
final class StoryWriter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StoryWriter.class);

    private final Graph graph;

    StoryWriter(Graph graph) {
        this.graph = graph;
    }

    record Duplicate(String copy, String original, double cosine) {
    }

    /**
     * What a story is to clustering: sums of its members' vectors, the strongest terms, member counts per time
     * bucket, topic sums. {@code firstEpochSecond} orders stories when two merge (the older one keeps its id).
     */
    record StoryState(String id, float[] embeddingSum, List<String> termKeys, List<Double> termWeights,
            List<String> termSurfaces, Map<Long, Integer> buckets, Map<String, Double> topics, long firstEpochSecond) {
    }

    /** The outcome of one clustering batch. */
    static final class Changes {
        final List<String> created = new ArrayList<>();
        final Map<String, String> absorbed = new LinkedHashMap<>();
        final Map<String, String> members = new LinkedHashMap<>();
        final Map<String, StoryState> states = new LinkedHashMap<>();
        final List<Duplicate> duplicates = new ArrayList<>();
        /** Stories whose members changed (a corrected time, a new title) without joining or leaving. */
        final Set<String> refreshed = new TreeSet<>();
        /**
         * Existing stories that only grew in this batch (new members joined; no other story merged into them), with
         * their strongest stored terms before the batch: updated from their new members alone.
         */
        final Map<String, List<String>> grown = new LinkedHashMap<>();
    }

    /** Turns a story's headline and the terms its members share into its label. */
    interface Labeler {
        StoryLabels.Label label(String headline, List<StoryLabels.Candidate> candidates, int considered, int size);
    }

    /**
     * A story {@code s}'s label terms: words several members share (ranked against the whole graph in Java); of a
     * large story, its 200 members closest to the centroid speak for it. Yields {@code shared} and {@code considered}.
     */
    private static final String LABEL_TERMS = """
            CALL (s) {
                MATCH (x:Article)-[r:IN_STORY]->(s)
                WITH s, x ORDER BY r.score DESC, x.url LIMIT 200
                WITH s, collect(x) AS xs
                UNWIND xs AS x
                UNWIND range(0, size(coalesce(x.termKeys, [])) - 1) AS i
                WITH size(xs) AS considered, x.termKeys[i] AS key, x.termSurfaces[i] AS surface, x
                // a term is written as most of its members write it (then alphabetically): the same whatever
                // order the members come in
                WITH considered, key, surface, count(DISTINCT x) AS writers
                ORDER BY writers DESC, surface
                WITH considered, key, collect(surface)[0] AS surface, sum(writers) AS members
                WHERE members >= 2
                ORDER BY members DESC, key
                RETURN collect({key: key, surface: surface, members: members})[0..200] AS shared,
                       max(considered) AS considered
            }
            """;

    /**
     * Writes one batch's outcome in a single transaction; {@code labeler} turns (headline, terms shared by members)
     * into a label.
     */
    void write(Changes changes, Labeler labeler) {
        List<Map<String, Object>> absorbed = new ArrayList<>();
        changes.absorbed.forEach((gone, into) -> absorbed.add(Map.of("gone", gone, "into", into)));
        List<Map<String, Object>> members = new ArrayList<>();
        changes.members.forEach((url, story) -> members.add(Map.of("url", url, "story", story)));
        List<Map<String, Object>> states = new ArrayList<>();
        for (StoryState s : changes.states.values()) {
            Map<String, Object> m = new HashMap<>();
            m.put("id", s.id());
            m.put("embeddingSum", Values.value(s.embeddingSum()));
            m.put("termKeys", s.termKeys());
            m.put("termWeights", s.termWeights());
            m.put("termSurfaces", s.termSurfaces());
            m.put("bucketKeys", List.copyOf(s.buckets().keySet()));
            m.put("bucketCounts", s.buckets().values().stream().map(Integer::longValue).toList());
            m.put("topicKeys", List.copyOf(s.topics().keySet()));
            m.put("topicWeights", List.copyOf(s.topics().values()));
            states.add(m);
        }
        // stories derived again from all their members: new ones, merged ones, ones whose members changed; the
        // others only grew, and are updated from their new members alone
        Set<String> ids = new TreeSet<>(changes.states.keySet());
        ids.addAll(changes.refreshed);
        Map<String, List<String>> added = new LinkedHashMap<>();
        changes.grown.keySet().stream().filter(id -> !changes.refreshed.contains(id))
                .forEach(id -> added.put(id, new ArrayList<>()));
        changes.members.forEach((url, story) -> {
            List<String> urls = added.get(story);
            if (urls != null) {
                urls.add(url);
            }
        });
        ids.removeAll(added.keySet());
        graph.write(tx -> {
            long w0 = System.nanoTime();
            tx.run("UNWIND $ids AS id MERGE (s:Story {id: id}) ON CREATE SET s.createdAt = datetime()",
                    Map.of("ids", changes.created)).consume();
            tx.run("""
                    UNWIND $absorbed AS m
                    MATCH (gone:Story {id: m.gone})
                    MATCH (into:Story {id: m.into})
                    CALL (gone, into) {
                        MATCH (a:Article)-[r:IN_STORY]->(gone)
                        CREATE (a)-[:IN_STORY {score: r.score}]->(into)
                        DELETE r
                    }
                    DETACH DELETE gone
                    """, Map.of("absorbed", absorbed)).consume();
            tx.run("""
                    UNWIND $members AS m
                    MATCH (a:Article {url: m.url})
                    MATCH (s:Story {id: m.story})
                    OPTIONAL MATCH (a)-[old:IN_STORY]->(other:Story) WHERE other <> s
                    DELETE old
                    MERGE (a)-[:IN_STORY]->(s)
                    """, Map.of("members", members)).consume();
            tx.run("""
                    UNWIND $states AS st
                    MATCH (s:Story {id: st.id})
                    SET s.embeddingSum = st.embeddingSum, s.termKeys = st.termKeys,
                        s.termWeights = st.termWeights, s.termSurfaces = st.termSurfaces,
                        s.bucketKeys = st.bucketKeys, s.bucketCounts = st.bucketCounts,
                        s.topicKeys = st.topicKeys, s.topicWeights = st.topicWeights
                    """, Map.of("states", states)).consume();
            long w1 = System.nanoTime();
            writeDuplicates(tx, changes.duplicates);
            long w2 = System.nanoTime();
            refreshStories(tx, ids, labeler);
            long w3 = System.nanoTime();
            Set<String> relabel = growStories(tx, added, changes);
            relabelStories(tx, relabel, labeler);
            log.debug("Story writes: memberships and states {} ms, duplicates {} ms, heads, sizes, labels and "
                    + "coverage of {} stories derived from all members {} ms, of {} grown stories from their new "
                    + "members {} ms (of which {} labelled again from their members' terms for a new head or new "
                    + "strongest terms)", (w1 - w0) / 1_000_000, (w2 - w1) / 1_000_000, ids.size(),
                    (w3 - w2) / 1_000_000, added.size(), (System.nanoTime() - w3) / 1_000_000, relabel.size());
            return null;
        });
    }

    /**
     * Re-derives the given stories' members' scores, head, size, providers, times and label, and their
     * {@code (:Provider)-[:COVERED]->(:Story)} relationships: one per provider with an article in the story, holding
     * its article count, its first and last plausible publication time and how many of its articles have implausible
     * times. Coverage, provider profiles and the lead/lag network read these instead of every article of every story
     * (cypher/migrations/V0005 builds them for graphs clustered before).
     */
    void refresh(Collection<String> ids, Labeler labeler) {
        if (ids.isEmpty()) {
            return;
        }
        graph.write(tx -> {
            refreshStories(tx, ids, labeler);
            return null;
        });
    }

    private static void refreshStories(TransactionContext tx, Collection<String> ids,
            Labeler labeler) {
        List<Record> heads = tx.run("""
                UNWIND $ids AS id
                MATCH (s:Story {id: id})
                CALL (s) {
                    // scores to 3 decimals, written only where they changed: one article more moves
                    // a large story's centroid too little to rewrite every membership
                    MATCH (a:Article)-[r:IN_STORY]->(s)
                    WITH a, r,
                         round(2 * vector.similarity.cosine(a.embedding, s.embeddingSum) - 1, 3) AS similarity
                    CALL (r, similarity) {
                        WITH r, similarity WHERE r.score IS NULL OR r.score <> similarity
                        SET r.score = similarity
                    }
                    RETURN a AS head ORDER BY similarity DESC, a.url LIMIT 1
                }
                CALL (s) {
                    // one pass per provider: its COVERED relationship (setting a property to the value it has
                    // writes nothing) and the story's provider count and times; members without a provider count
                    // for the times only
                    MATCH (x:Article)-[:IN_STORY]->(s)
                    OPTIONAL MATCH (x)-[:PUBLISHED_BY]->(p:Provider)
                    WITH p, x, CASE WHEN x.timeFlag IS NULL THEN x.publishedAt END AS time
                    WITH p, count(x) AS articles, count(time) AS timed, min(time) AS first, max(time) AS last
                    CALL (s, p, articles, timed, first, last) {
                        WITH * WHERE p IS NOT NULL
                        MERGE (p)-[c:COVERED]->(s)
                        SET c.articles = articles, c.implausible = articles - timed, c.first = first, c.last = last
                    }
                    RETURN count(p) AS providers, min(first) AS first, max(last) AS last, collect(p) AS present
                }
                CALL (s, present) {
                    MATCH (s)<-[gone:COVERED]-(q:Provider) WHERE NOT q IN present
                    DELETE gone
                }
                """ + LABEL_TERMS + """
                SET s.size = COUNT { (s)<-[:IN_STORY]-(:Article) }, s.providerCount = providers, s.firstPublishedAt = first,
                    s.lastPublishedAt = last, s.headline = head.title, s.headlineArticleId = head.id,
                    s.updatedAt = datetime()
                RETURN s.id AS id, head.title AS headline, shared AS candidates, considered, s.size AS size
                """, Map.of("ids", List.copyOf(ids))).list();
        writeLabels(tx, heads, labeler);
    }

    /**
     * Labels grown stories again whose head or strongest terms changed: their head, size, times and coverage are
     * already current ({@link #growStories}); the label takes their members' terms.
     */
    private static void relabelStories(TransactionContext tx, Collection<String> ids, Labeler labeler) {
        if (ids.isEmpty()) {
            return;
        }
        writeLabels(tx, tx.run("""
                UNWIND $ids AS id
                MATCH (s:Story {id: id})
                """ + LABEL_TERMS + """
                RETURN s.id AS id, s.headline AS headline, shared AS candidates, considered, s.size AS size
                """, Map.of("ids", List.copyOf(ids))).list(), labeler);
    }

    private static void writeLabels(TransactionContext tx, List<Record> heads, Labeler labeler) {
        List<Map<String, Object>> labels = new ArrayList<>();
        for (Record r : heads) {
            List<StoryLabels.Candidate> candidates = r.get("candidates").asList(v -> new StoryLabels.Candidate(
                    v.get("key").asString(), v.get("surface").asString(), v.get("members").asInt()));
            int considered = r.get("considered").isNull() ? 0 : r.get("considered").asInt();
            StoryLabels.Label label = labeler.label(r.get("headline").asString(null), candidates, considered,
                    r.get("size").asInt(considered));
            labels.add(Map.of("id", r.get("id").asString(), "label", label.text() == null ? "" : label.text(),
                    "terms", label.terms()));
        }
        tx.run("""
                UNWIND $labels AS l
                MATCH (s:Story {id: l.id})
                SET s.label = l.label, s.topTerms = l.terms
                """, Map.of("labels", labels)).consume();
    }

    /**
     * Updates stories that only grew from their new members alone (no read of the old members): the new members'
     * scores against the moved centroid, size, first and last time, the {@code COVERED} counts and times of the new
     * members' providers, and the head. The stored head is scored again against the new centroid (one article read;
     * its {@code IN_STORY} score is written, so the head's score is always current) and stays unless a new member
     * scores higher (ties: the smaller url, as a full derivation orders them). The old members' scores are not
     * rewritten: an {@code IN_STORY} score is the member's similarity to the story's centroid when it joined or when
     * the story was last derived from all its members (a merge, a changed member, a recluster); a grown story's
     * centroid moves little with each batch. Returns the grown stories whose head or strongest terms changed: their
     * label must be made again from their members' terms ({@link #relabelStories}).
     */
    private static Set<String> growStories(TransactionContext tx, Map<String, List<String>> added, Changes changes) {
        Set<String> relabel = new TreeSet<>();
        if (added.isEmpty()) {
            return relabel;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        added.forEach((id, urls) -> rows.add(Map.of("id", id, "urls", urls)));
        List<Record> grown = tx.run("""
                UNWIND $rows AS g
                MATCH (s:Story {id: g.id})
                CALL (s, g) {
                    UNWIND g.urls AS url
                    MATCH (a:Article {url: url})-[r:IN_STORY]->(s)
                    WITH a, r, round(2 * vector.similarity.cosine(a.embedding, s.embeddingSum) - 1, 3) AS similarity
                    SET r.score = similarity
                    RETURN a AS best, similarity AS bestScore ORDER BY similarity DESC, a.url LIMIT 1
                }
                CALL (s) {
                    OPTIONAL MATCH (h:Article {id: s.headlineArticleId})-[hr:IN_STORY]->(s)
                    WITH h, hr, round(2 * vector.similarity.cosine(h.embedding, s.embeddingSum) - 1, 3) AS similarity
                    CALL (hr, similarity) {
                        WITH hr, similarity WHERE hr IS NOT NULL AND (hr.score IS NULL OR hr.score <> similarity)
                        SET hr.score = similarity
                    }
                    RETURN h AS head, similarity AS headScore
                }
                CALL (s, g) {
                    // the new members per provider: added to its COVERED counts and times (members without a
                    // provider count for the times only)
                    UNWIND g.urls AS url
                    MATCH (x:Article {url: url})
                    OPTIONAL MATCH (x)-[:PUBLISHED_BY]->(p:Provider)
                    WITH p, x, CASE WHEN x.timeFlag IS NULL THEN x.publishedAt END AS time
                    WITH p, count(x) AS articles, count(time) AS timed, min(time) AS first, max(time) AS last
                    CALL (s, p, articles, timed, first, last) {
                        WITH * WHERE p IS NOT NULL
                        MERGE (p)-[c:COVERED]->(s)
                        ON CREATE SET c.articles = 0, c.implausible = 0
                        SET c.articles = c.articles + articles, c.implausible = c.implausible + articles - timed,
                            c.first = CASE WHEN c.first IS NULL OR first < c.first THEN first ELSE c.first END,
                            c.last = CASE WHEN c.last IS NULL OR last > c.last THEN last ELSE c.last END
                    }
                    RETURN sum(articles) AS joined, min(first) AS first, max(last) AS last
                }
                WITH s, head, first, last, joined,
                     CASE WHEN head IS NULL OR bestScore > headScore OR (bestScore = headScore AND best.url < head.url)
                          THEN best ELSE head END AS newHead
                SET s.size = coalesce(s.size, 0) + joined, s.providerCount = COUNT { (s)<-[:COVERED]-() },
                    s.firstPublishedAt = CASE WHEN s.firstPublishedAt IS NULL OR first < s.firstPublishedAt
                                              THEN first ELSE s.firstPublishedAt END,
                    s.lastPublishedAt = CASE WHEN s.lastPublishedAt IS NULL OR last > s.lastPublishedAt
                                             THEN last ELSE s.lastPublishedAt END,
                    s.headline = newHead.title, s.headlineArticleId = newHead.id, s.updatedAt = datetime()
                RETURN s.id AS id, newHead.title AS headline, head IS NULL OR newHead <> head AS headChanged,
                       s.size AS size
                """, Map.of("rows", rows)).list();
        for (Record r : grown) {
            String id = r.get("id").asString();
            StoryState state = changes.states.get(id);
            List<String> before = changes.grown.get(id);
            List<String> after = strongest(state.termKeys());
            if (r.get("headChanged").asBoolean() || !before.equals(after)) {
                relabel.add(id);
            }
        }
        return relabel;
    }

    /** A story's strongest stored terms (stored strongest first): a grown story is labelled again when they change. */
    static List<String> strongest(List<String> termKeys) {
        return List.copyOf(termKeys.subList(0, Math.min(StoryLabels.TOP_TERMS, termKeys.size())));
    }

    /**
     * Keeps duplicate groups flat: every copy points straight at the earliest copy of its group, never along a
     * chain. The groups of the new pairs are read one hop deep (the invariant makes that enough), joined with
     * union-find, and re-pointed.
     */
    private static void writeDuplicates(TransactionContext tx, List<Duplicate> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        Set<String> involved = new TreeSet<>();
        Map<String, Double> cosine = new HashMap<>();
        for (Duplicate d : pairs) {
            involved.add(d.copy());
            involved.add(d.original());
            cosine.merge(d.copy(), d.cosine(), Math::max);
            cosine.merge(d.original(), d.cosine(), Math::max);
        }
        DuplicateGroups groups = new DuplicateGroups();
        Map<String, String> pointsAt = new HashMap<>(); // the DUPLICATE_OF edges the groups have now
        // the groups the involved articles are in now, each read once: its earliest member (the one the others
        // point at, or an article no copy points from) and its copies
        tx.run("""
                UNWIND $urls AS u
                MATCH (x:Article {url: u})
                OPTIONAL MATCH (x)-[:DUPLICATE_OF]->(c:Article)
                WITH DISTINCT coalesce(c, x) AS canonical
                RETURN canonical.url AS canonical,
                       CASE WHEN canonical.timeFlag IS NULL THEN canonical.publishedAt END AS time,
                       COLLECT {
                           MATCH (m:Article)-[:DUPLICATE_OF]->(canonical)
                           RETURN {url: m.url, time: CASE WHEN m.timeFlag IS NULL THEN m.publishedAt END}
                       } AS copies
                """, Map.of("urls", List.copyOf(involved))).list().forEach(r -> {
            String canonical = r.get("canonical").asString();
            groups.member(canonical, epochSecond(r.get("time")));
            r.get("copies").asList(v -> v).forEach(m -> {
                groups.member(m.get("url").asString(), epochSecond(m.get("time")));
                groups.union(m.get("url").asString(), canonical);
                pointsAt.put(m.get("url").asString(), canonical);
            });
        });
        pairs.forEach(d -> groups.union(d.copy(), d.original()));
        List<Map<String, Object>> edges = new ArrayList<>();
        for (DuplicateGroups.Edge e : groups.edges()) {
            if (e.original().equals(pointsAt.get(e.copy())) && !cosine.containsKey(e.copy())) {
                continue; // already there, and no new cosine for it: large syndication groups are not rewritten
            }
            Map<String, Object> m = new HashMap<>(); // cosine may be null for a member re-pointed from a chain
            m.put("copy", e.copy());
            m.put("original", e.original());
            m.put("cosine", cosine.get(e.copy()));
            edges.add(m);
        }
        tx.run("""
                UNWIND $canonicals AS c
                MATCH (:Article {url: c})-[old:DUPLICATE_OF]->()
                DELETE old
                """, Map.of("canonicals", groups.canonicals())).consume();
        tx.run("""
                UNWIND $edges AS e
                MATCH (copy:Article {url: e.copy})
                MATCH (original:Article {url: e.original})
                OPTIONAL MATCH (copy)-[old:DUPLICATE_OF]->(other:Article) WHERE other <> original
                DELETE old
                WITH DISTINCT copy, original, e
                MERGE (copy)-[r:DUPLICATE_OF]->(original)
                SET r.cosine = coalesce(e.cosine, r.cosine, 1.0)
                """, Map.of("edges", edges)).consume();
    }

    /** A plausible time in epoch seconds; {@link Long#MAX_VALUE} for none (sorts last). */
    private static long epochSecond(Value time) {
        Instant t = Convert.instant(time);
        return t == null ? Long.MAX_VALUE : t.getEpochSecond();
    }

    /** A story as a recluster compares it before and after: members, label, when it was created and last changed. */
    record Snapshot(Set<String> members, String label, Object createdAt, Object updatedAt) {
    }

    /** Every story, by id. */
    Map<String, Snapshot> snapshot() {
        Map<String, Snapshot> stories = new HashMap<>();
        try (var session = graph.session(AccessMode.READ)) {
            session.executeRead(tx -> {
                tx.run("""
                        MATCH (s:Story)
                        RETURN s.id AS id, s.label AS label, s.createdAt AS createdAt, s.updatedAt AS updatedAt,
                               [(a:Article)-[:IN_STORY]->(s) | a.url] AS members
                        """).forEachRemaining(r -> stories.put(r.get("id").asString(), new Snapshot(
                        new HashSet<>(r.get("members").asList(Value::asString)),
                        r.get("label").isNull() ? null : r.get("label").asString(),
                        r.get("createdAt").isNull() ? null : r.get("createdAt").asObject(),
                        r.get("updatedAt").isNull() ? null : r.get("updatedAt").asObject())));
                return null;
            });
        }
        return stories;
    }

    /**
     * A rebuilt story's final id ({@code key} is the id clustering gave it), and the creation and last-change times
     * to restore (null: keep the new ones).
     */
    record Kept(String key, String id, Object createdAt, Object updatedAt) {
    }

    /** Renames rebuilt stories to their final ids (in two steps, as new and old ids may overlap) and restores times. */
    void rename(List<Kept> kept) {
        if (kept.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Kept k : kept) {
            Map<String, Object> row = new HashMap<>();
            row.put("key", k.key());
            row.put("id", k.id());
            row.put("createdAt", k.createdAt());
            row.put("updatedAt", k.updatedAt());
            rows.add(row);
        }
        graph.write(tx -> {
            tx.run("""
                    UNWIND $rows AS k
                    MATCH (s:Story {id: k.key})
                    SET s.id = '~renaming~' + k.id
                    """, Map.of("rows", rows)).consume();
            tx.run("""
                    UNWIND $rows AS k
                    MATCH (s:Story {id: '~renaming~' + k.id})
                    SET s.id = k.id, s.createdAt = coalesce(k.createdAt, s.createdAt),
                        s.updatedAt = coalesce(k.updatedAt, s.updatedAt)
                    """, Map.of("rows", rows)).consume();
            return null;
        });
    }

    /** Removes every story and duplicate link (a full recluster starts from here). */
    void deleteAllStories() {
        try (var session = graph.session(AccessMode.WRITE)) {
            // relationships first, in bounded transactions: a large story has thousands of members
            session.run("""
                    MATCH (:Article)-[r:IN_STORY]->(:Story)
                    CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS
                    """).consume();
            session.run("""
                    MATCH (:Provider)-[r:COVERED]->(:Story)
                    CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS
                    """).consume();
            session.run("""
                    MATCH (s:Story)
                    CALL (s) { DETACH DELETE s } IN TRANSACTIONS OF 5000 ROWS
                    """).consume();
            session.run("""
                    MATCH ()-[d:DUPLICATE_OF]->()
                    CALL (d) { DELETE d } IN TRANSACTIONS OF 10000 ROWS
                    """).consume();
        }
    }
}
