package org.storygraph.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.AccessMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.storygraph.GraphFixtures;
import org.storygraph.StoryGraphTest;
import org.storygraph.bench.CorpusGenerator;
import org.storygraph.graph.Graph;
import org.storygraph.ingest.IngestService;
import org.storygraph.common.UrlCanonicalizer;

/**
 * The {@code (:Provider)-[:COVERED]->(:Story)} relationships that coverage reads always say what the articles say:
 * after incremental loads in which stories grow and merge, after a recluster, and when migration V0005 rebuilds them.
 */
@StoryGraphTest
class ProviderCoverageRelationshipTest {

    /** Per story and provider, from the articles themselves. */
    private static final String FROM_ARTICLES = """
            MATCH (s:Story)<-[:IN_STORY]-(a:Article)-[:PUBLISHED_BY]->(p:Provider)
            WITH s, p, a, CASE WHEN a.timeFlag IS NULL THEN a.publishedAt END AS time
            WITH s, p, count(a) AS articles, count(time) AS timed, min(time) AS first, max(time) AS last
            RETURN s.id + ' ' + p.domain + ' ' + articles + ' ' + (articles - timed) + ' '
                   + coalesce(toString(first), '-') + ' ' + coalesce(toString(last), '-') AS row
            """;
    private static final String FROM_RELATIONSHIPS = """
            MATCH (s:Story)<-[c:COVERED]-(p:Provider)
            RETURN s.id + ' ' + p.domain + ' ' + c.articles + ' ' + c.implausible + ' '
                   + coalesce(toString(c.first), '-') + ' ' + coalesce(toString(c.last), '-') AS row
            """;

    @Autowired
    GraphFixtures graph;
    @Autowired
    IngestService ingest;
    @Autowired
    StoryClusterer clusterer;
    @Autowired
    Neo4jClient client;
    @Autowired
    Graph db;

    private Set<String> rows(String cypher) {
        return new HashSet<>(client.query(cypher).fetchAs(String.class).all());
    }

    private void assertConsistent() {
        Set<String> expected = rows(FROM_ARTICLES);
        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(rows(FROM_RELATIONSHIPS)).isEqualTo(expected);
    }

    /**
     * The stories the last load touched were labelled as a derivation from all members labels them: also the stories
     * that only grew, which are labelled from their members' terms without being derived again (where the head is
     * the same; the generated stories here are all below the 200 members a label reads, so the same members speak).
     */
    private void assertLabelsAsDerivedFromAllMembers(String since) {
        assertThat(graph.count("MATCH (s:Story) WHERE s.size > 200 RETURN count(s)")).isZero();
        Map<String, List<Object>> incremental = labels();
        Set<String> touched = new HashSet<>(client.query(
                "MATCH (s:Story) WHERE s.updatedAt >= datetime($since) RETURN s.id").bind(since).to("since")
                .fetchAs(String.class).all());
        long grown = client.query("MATCH (s:Story) WHERE s.updatedAt >= datetime($since) AND s.createdAt < "
                + "datetime($since) RETURN count(s)").bind(since).to("since").fetchAs(Long.class).one().orElseThrow();
        new StoryWriter(db).refresh(List.copyOf(incremental.keySet()), clusterer::label);
        Map<String, List<Object>> derived = labels();
        int compared = 0;
        for (String id : touched) {
            List<Object> before = incremental.get(id);
            if (before.getFirst().equals(derived.get(id).getFirst())) {
                compared++;
                assertThat(before).as("story %s", id).isEqualTo(derived.get(id));
            }
        }
        assertThat(grown).isGreaterThan(5);
        assertThat(compared).isGreaterThan(touched.size() / 2);
    }

    /** Per story: its headline, label and top terms. */
    private Map<String, List<Object>> labels() {
        Map<String, List<Object>> labels = new java.util.TreeMap<>();
        client.query("MATCH (s:Story) RETURN s.id AS id, [s.headline, s.label, s.topTerms] AS l").fetch().all()
                .forEach(r -> labels.put((String) r.get("id"), (List<Object>) r.get("l")));
        return labels;
    }

    @Test
    void coveredRelationshipsMatchTheArticlesAfterIncrementalLoadsReclusterAndMigration() throws Exception {
        graph.clear();
        // 600 generated articles in four loads: later loads add to, and merge, the stories of earlier ones
        Iterator<CorpusGenerator.Article> it = new CorpusGenerator(600, 3).articles();
        List<List<IngestService.Upload>> loads = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        while (it.hasNext()) {
            CorpusGenerator.Article a = it.next();
            loads.get(a.index() % 4).add(new IngestService.Upload("g" + a.index() + ".txt",
                    CorpusGenerator.toFile(a).getBytes(StandardCharsets.UTF_8)));
        }
        String lastLoad = null;
        for (List<IngestService.Upload> load : loads) {
            if (load == loads.getLast()) {
                // every label current before the last load, so that the labels it writes can be compared below
                new StoryWriter(db).refresh(labels().keySet(), clusterer::label);
                lastLoad = client.query("RETURN toString(datetime()) AS t").fetchAs(String.class).one().orElseThrow();
            }
            assertThat(ingest.loadUploads(load).hasFailures()).isFalse();
        }
        assertThat(graph.count("MATCH (s:Story) WHERE s.size > 1 RETURN count(s)")).isGreaterThan(10);
        assertConsistent();
        assertLabelsAsDerivedFromAllMembers(lastLoad);

        // a member of a story arrives again with an earlier time: its story's times and coverage follow
        CorpusGenerator.Article a = new CorpusGenerator(600, 3).articles().next();
        CorpusGenerator.Article earlier = new CorpusGenerator.Article(a.index(), a.story(), a.url(), a.title(),
                a.excerpt(), a.publishedAt().minus(Duration.ofDays(30)), a.providerName(), a.providerDomain(),
                a.topics(), a.related());
        assertThat(ingest.loadUploads(List.of(new IngestService.Upload("g0-corrected.txt",
                CorpusGenerator.toFile(earlier).getBytes(StandardCharsets.UTF_8)))).hasFailures()).isFalse();
        assertThat(client.query("""
                MATCH (a:Article {url: $url})-[:IN_STORY]->(s:Story)
                WHERE s.firstPublishedAt = a.publishedAt AND a.publishedAt = datetime($time)
                RETURN count(s)""").bindAll(Map.of("url", UrlCanonicalizer.canonicalize(a.url()),
                "time", earlier.publishedAt().toString())).fetchAs(Long.class).one()).contains(1L);
        assertConsistent();

        clusterer.recluster(message -> { });
        assertConsistent();

        client.query("MATCH ()-[c:COVERED]->() DELETE c").run();
        assertThat(rows(FROM_RELATIONSHIPS)).isEmpty();
        String migration = Files.readString(Path.of("cypher/migrations/V0005__provider_story_coverage.cypher"));
        for (String statement : migration.split(";\\s*(\\n|$)")) {
            if (!statement.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("//"))) {
                try (var session = db.session(AccessMode.WRITE)) {
                    session.run(statement).consume(); // auto-commit: the migration uses CALL … IN TRANSACTIONS
                }
            }
        }
        assertConsistent();
    }
}
