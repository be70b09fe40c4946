package org.storygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.storygraph.GraphFixtures;
import org.storygraph.StoryGraphTest;
import org.storygraph.clustering.StoryClusterer;
import org.storygraph.coverage.CoverageService;
import org.storygraph.export.ExportService;

/** CSV and JSON Lines files loaded into the shared database, alone and together with the seeds. */
@StoryGraphTest
class FormatsIngestTest {

    private static final Path FORMATS = ItemReadersTest.FORMATS;

    @Autowired
    GraphFixtures graph;
    @Autowired
    IngestService ingest;
    @Autowired
    Neo4jClient client;
    @Autowired
    ExportService export;
    @Autowired
    StoryClusterer clusterer;
    @Autowired
    CoverageService coverage;

    @Test
    void aMediaCloudCsvMergesWithTheSeedsByCanonicalUrl() {
        graph.seeds();
        LoadReport report = ingest.load(List.of(FORMATS.resolve("mediacloud-search.csv")));
        assertThat(report.filesLoaded()).isEqualTo(1);
        assertThat(report.failures()).isEmpty();
        // 20 rows: 5 are seed items under tracking-parameter URLs, 15 are new
        assertThat(report.articlesCreated()).isEqualTo(15);
        assertThat(graph.count("MATCH (a:Article) RETURN count(a)")).isEqualTo(27 + 15);
        assertThat(graph.count("""
                MATCH (a:Article) WHERE a.url CONTAINS 'fedscoop.com/facial-recognition-federal-law-enforcement'
                RETURN count(a)""")).isEqualTo(1);
        assertThat(graph.count("""
                MATCH (a:Article) WHERE a.url CONTAINS 'fedscoop.com' AND
                      'https://www.fedscoop.com/facial-recognition-federal-law-enforcement/?utm_source=twitter&utm_medium=social'
                      IN a.originalUrls
                RETURN count(a)""")).isEqualTo(1);
        // the seed items keep their related links, excerpts and topics
        assertThat(graph.count("MATCH ()-[r:RELATED_TO]->() RETURN count(r)")).isEqualTo(24);
        assertThat(graph.count("MATCH (a:Article {full: true}) WHERE a.excerpt IS NOT NULL RETURN count(a)"))
                .isGreaterThanOrEqualTo(5);
        assertThat(graph.count("""
                MATCH (s:SourceFile {status: 'loaded'})-[:CONTAINED]->(a:Article)
                WHERE s.path ENDS WITH 'mediacloud-search.csv' RETURN count(a)""")).isEqualTo(20);
        // idempotent
        assertThat(ingest.load(List.of(FORMATS.resolve("mediacloud-search.csv"))).filesUnchanged()).isEqualTo(1);
    }

    @Test
    void aJsonLinesFileWithBadLinesLoadsItsGoodLines() {
        graph.clear();
        LoadReport report = ingest.load(List.of(FORMATS.resolve("articles.jsonl")));
        String path = FORMATS.resolve("articles.jsonl").toAbsolutePath().toString();
        assertThat(report.filesLoaded()).isEqualTo(1);
        assertThat(report.filesFailed()).isZero();
        assertThat(report.itemsFailed()).isEqualTo(2);
        assertThat(report.hasFailures()).isTrue();
        assertThat(report.failures()).extracting(LoadReport.FileFailure::file).containsOnly(path);
        assertThat(report.failures()).extracting(LoadReport.FileFailure::line).containsExactly(3, 6);
        assertThat(report.summary()).contains("items:    2 failed").contains("articles.jsonl:3: line skipped");
        // three items and one related entry
        assertThat(report.articlesCreated()).isEqualTo(4);
        assertThat(graph.count("MATCH ()-[r:RELATED_TO]->() RETURN count(r)")).isEqualTo(1);
        assertThat(graph.count("MATCH (:Article)-[:TAGGED]->(t:Topic) RETURN count(DISTINCT t)")).isEqualTo(2);
    }

    @Test
    void aFileWhoseEveryItemFailsIsAFailedFile(@TempDir Path dir) throws Exception {
        graph.clear();
        Path csv = Files.writeString(dir.resolve("bad.csv"), "title,url\n,https://a.example.com/\nx,not a url\n");
        LoadReport report = ingest.load(List.of(csv));
        assertThat(report.filesFailed()).isEqualTo(1);
        assertThat(report.filesLoaded()).isZero();
        assertThat(report.itemsFailed()).isEqualTo(2);
        assertThat(report.failures()).extracting(LoadReport.FileFailure::line).contains(2, 3);
        assertThat(graph.count("MATCH (s:SourceFile {status: 'failed'}) RETURN count(s)")).isEqualTo(1);
    }

    @Test
    void theArticleCsvExportLoadsBackIntoTheSameArticles(@TempDir Path dir) throws Exception {
        graph.seeds();
        Set<String> before = articles();
        var out = new ByteArrayOutputStream();
        export.span(Instant.parse("1990-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z"),
                ExportService.Format.CSV, out);
        Path csv = Files.write(dir.resolve("export.csv"), out.toByteArray());

        graph.clear();
        LoadReport report = ingest.load(List.of(csv));
        assertThat(report.failures()).isEmpty();
        // articleId, storyId, lagMinutes, duplicateOf: known export columns, not reported
        assertThat(report.warnings()).noneSatisfy(w -> assertThat(w.message()).contains("columns ignored"));
        assertThat(report.articlesCreated()).isEqualTo(27);
        assertThat(articles()).isEqualTo(before);
    }

    /**
     * {@code seed-articles.csv} holds the 27 articles of the seed files by hand, one row each (the items and their
     * related entries, duplicates resolved as the merge rules do: the item's record, else the earliest-published
     * entry's; the earliest time), with excerpts and topics. What a CSV cannot hold is the related links. Checked:
     * the articles (identity, title, time, provider domain and name) are the same, and so are the stories clustered
     * from them (their articles) and each story's coverage (first report time, first reporters, providers).
     */
    @Test
    void aCsvOfTheSeedArticlesGivesTheSameArticlesStoriesAndCoverage() {
        graph.seeds();
        clusterer.clusterPending();
        Set<String> seedArticles = articles();
        Set<String> seedStories = stories();

        graph.clear();
        LoadReport report = ingest.load(List.of(FORMATS.resolve("seed-articles.csv")));
        assertThat(report.failures()).isEmpty();
        clusterer.clusterPending();
        assertThat(articles()).isEqualTo(seedArticles);
        assertThat(stories()).isEqualTo(seedStories);
    }

    private Set<String> articles() {
        return new TreeSet<>(client.query("""
                MATCH (a:Article)-[:PUBLISHED_BY]->(p:Provider)
                RETURN a.url + ' | ' + a.title + ' | ' + toString(a.publishedAt) + ' | ' + p.domain + ' | ' + p.name
                """).fetchAs(String.class).all());
    }

    /** Each story as its articles' URLs and its coverage. */
    private Set<String> stories() {
        Set<String> stories = new TreeSet<>();
        Collection<Map<String, Object>> rows = client.query("""
                MATCH (a:Article)-[:IN_STORY]->(s:Story)
                WITH s, a ORDER BY a.url
                RETURN s.id AS id, collect(a.url) AS urls""").fetch().all();
        for (Map<String, Object> row : rows) {
            var c = coverage.story((String) row.get("id")).orElseThrow();
            List<String> providers = new ArrayList<>(c.providers().stream().map(Object::toString).toList());
            stories.add(row.get("urls") + " first " + c.firstReportAt() + " by " + c.firstReporters() + " of "
                    + c.providerCount() + " providers " + providers);
        }
        return stories;
    }
}
