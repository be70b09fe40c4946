package org.storygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.storygraph.GraphFixtures;
import org.storygraph.StoryGraphTest;

/** The facts of the five seed files, checked against the real (embedded) database. */
@StoryGraphTest
class SeedIngestTest {

    @Autowired
    GraphFixtures graph;
    @Autowired
    IngestService ingest;
    @Autowired
    Neo4jClient client;

    private LoadReport first;

    @BeforeEach
    void loadSeeds() {
        first = graph.seeds();
    }

    @Test
    void loadsTheSeedGraph() {
        assertThat(first.filesRead()).isEqualTo(5);
        assertThat(first.filesLoaded()).isEqualTo(5);
        assertThat(first.filesFailed()).isZero();
        // 5 items + 25 related entries = 30 records of 29 distinct raw URLs (the mic.com item is also a related
        // entry of the fedscoop item); www.timeslive.co.za = timeslive.co.za and ?partner=rss dropped -> 27
        assertThat(graph.count("MATCH (a:Article) RETURN count(a)")).isEqualTo(27);
        assertThat(first.articlesCreated()).isEqualTo(27);
        assertThat(graph.count("MATCH (p:Provider) RETURN count(p)")).isEqualTo(25);
        assertThat(graph.count("MATCH (t:Topic) RETURN count(t)")).isEqualTo(4);
        assertThat(client.query("MATCH (t:Topic) RETURN t.name ORDER BY t.name").fetchAs(String.class).all())
                .containsExactly("AI", "AWS AI", "Computer Vision", "Natural Language Processing");
        // 25 related entries; the two timeslive entries of the npr.org item are one edge
        assertThat(graph.count("MATCH ()-[r:RELATED_TO]->() RETURN count(r)")).isEqualTo(24);
        assertThat(graph.count("MATCH (a:Article)-[:PUBLISHED_BY]->() RETURN count(a)")).isEqualTo(27);
        assertThat(graph.count("MATCH (s:SourceFile {status: 'loaded'}) RETURN count(s)")).isEqualTo(5);
        assertThat(first.relationshipsCreatedByType()).containsEntry("RELATED_TO", 24L)
                .containsEntry("PUBLISHED_BY", 27L);
    }

    @Test
    void micComIsOneArticleWithItsFullRecord() {
        var row = client.query("""
                MATCH (a:Article) WHERE a.url CONTAINS 'mic.com'
                RETURN count(a) AS n, collect(a.full)[0] AS full, collect(a.quality)[0] AS quality,
                       collect(a.type)[0] AS type, collect(a.category)[0] AS category,
                       COUNT { (a)-[:TAGGED]->() } AS topics, COUNT { ()-[:RELATED_TO]->(a) } AS incoming,
                       COUNT { (a)-[:RELATED_TO]->() } AS outgoing
                """).fetch().one().orElseThrow();
        assertThat(row.get("n")).isEqualTo(1L);
        assertThat(row.get("full")).isEqualTo(true);
        // quality 42 in both records; category "news" only in the item's own file
        assertThat(row.get("quality")).isEqualTo(42L);
        assertThat(row.get("category")).isEqualTo("news");
        assertThat(row.get("topics")).isEqualTo(2L);
        assertThat(row.get("incoming")).isEqualTo(1L);
        assertThat(row.get("outgoing")).isEqualTo(4L);
    }

    @Test
    void earliestTimeWinsAndConflictsAreReported() {
        // timeslive: 2020-06-20T22:15Z (www.) and 2020-06-22T06:27Z; fastcompany: 12:43Z on 06-13 (?partner=rss,
        // file 004) and 00:53Z on 06-14 (file 003)
        assertThat(first.conflicts()).extracting(LoadReport.TimeConflict::url).containsExactlyInAnyOrder(
                "https://timeslive.co.za/sunday-times/lifestyle/2020-06-21-racist-practice-of-phrenology-rears-its-lumpy-head-in-facial-recognition-tech",
                "https://fastcompany.com/90516450/ibm-microsoft-and-amazons-face-recognition-bans-dont-go-far-enough");
        assertThat(first.conflicts()).allSatisfy(c -> assertThat(c.kept()).isBefore(c.discarded()));
        OffsetDateTime timeslive = client.query(
                "MATCH (a:Article) WHERE a.url CONTAINS 'timeslive' RETURN a.publishedAt")
                .fetchAs(OffsetDateTime.class).one().orElseThrow();
        assertThat(timeslive.toInstant()).isEqualTo(Instant.parse("2020-06-20T22:15:00Z"));
        Object originals = client.query(
                "MATCH (a:Article) WHERE a.url CONTAINS 'timeslive' RETURN a.originalUrls AS urls")
                .fetch().one().orElseThrow().get("urls");
        assertThat((List<?>) originals).hasSize(2);
    }

    @Test
    void secondLoadChangesNothing() {
        long nodes = graph.count("MATCH (n) RETURN count(n)");
        long relationships = graph.count("MATCH ()-[r]->() RETURN count(r)");
        LoadReport second = ingest.load(List.of(GraphFixtures.SEEDS));
        assertThat(second.filesRead()).isEqualTo(5);
        assertThat(second.filesUnchanged()).isEqualTo(5);
        assertThat(second.filesLoaded()).isZero();
        assertThat(second.articlesCreated()).isZero();
        assertThat(second.articlesUpdated()).isZero();
        assertThat(second.relationshipsCreated()).isZero();
        assertThat(graph.count("MATCH (a:Article) RETURN count(a)")).isEqualTo(27);
        assertThat(graph.count("MATCH (n) RETURN count(n)")).isEqualTo(nodes);
        assertThat(graph.count("MATCH ()-[r]->() RETURN count(r)")).isEqualTo(relationships);
    }

    @Test
    void aBadFileIsReportedAndTheGoodFilesStillLand(@TempDir Path dir) throws Exception {
        graph.clear();
        for (String seed : List.of("000_a45113e434592cae.txt", "004_b001c2bd3364b9d0.txt")) {
            Files.copy(GraphFixtures.SEEDS.resolve(seed), dir.resolve(seed));
        }
        Files.writeString(dir.resolve("bad-yaml.txt"), "---\ntitle: \"x\nwebUrl: [\n---\n");
        Files.writeString(dir.resolve("no-title.txt"), "---\nwebUrl: https://a.com/x\n---\n");
        Files.writeString(dir.resolve("bad-date.txt"), "---\ntitle: X\nwebUrl: https://a.com/x\npublishedDateTime: 2020-13-45\n---\n");
        Files.writeString(dir.resolve("README.md"), "# not an item, skipped when walking a directory\n");

        LoadReport report = ingest.load(List.of(dir, dir.resolve("missing.txt")));

        assertThat(report.filesRead()).isEqualTo(5);
        assertThat(report.filesLoaded()).isEqualTo(2);
        assertThat(report.filesFailed()).isEqualTo(4);
        assertThat(report.failures()).extracting(f -> Path.of(f.file()).getFileName().toString(),
                LoadReport.FileFailure::line).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("bad-date.txt", 4),
                org.assertj.core.groups.Tuple.tuple("bad-yaml.txt", 3),
                org.assertj.core.groups.Tuple.tuple("no-title.txt", 2),
                org.assertj.core.groups.Tuple.tuple("missing.txt", 0));
        // 000: item + 1 related (mic.com); 004: mic.com item + 4 related -> 6 articles
        assertThat(graph.count("MATCH (a:Article) RETURN count(a)")).isEqualTo(6);
        assertThat(graph.count("MATCH (s:SourceFile {status: 'failed'}) RETURN count(s)")).isEqualTo(3);

        LoadReport again = ingest.load(List.of(dir));
        assertThat(again.filesUnchanged()).isEqualTo(2);
        assertThat(again.filesFailed()).isEqualTo(3);
    }

    @Test
    void aRicherRecordFillsABareOneAndNeverTheReverse(@TempDir Path dir) throws Exception {
        graph.clear();
        // the fedscoop item lists mic.com as a bare related entry; load it first, then mic.com's own file
        Files.copy(GraphFixtures.SEEDS.resolve("000_a45113e434592cae.txt"), dir.resolve("a.txt"));
        ingest.load(List.of(dir.resolve("a.txt")));
        assertThat(client.query("MATCH (a:Article) WHERE a.url CONTAINS 'mic.com' RETURN a.category")
                .fetchAs(String.class).one()).isEmpty();

        Files.copy(GraphFixtures.SEEDS.resolve("004_b001c2bd3364b9d0.txt"), dir.resolve("b.txt"));
        LoadReport full = ingest.load(List.of(dir.resolve("b.txt")));
        assertThat(full.articlesUpdated()).isEqualTo(1);
        assertThat(client.query("MATCH (a:Article) WHERE a.url CONTAINS 'mic.com' RETURN a.category")
                .fetchAs(String.class).one()).contains("news");

        // a bare entry with a different title arriving later does not overwrite the full record
        Files.writeString(dir.resolve("c.txt"), """
                ---
                title: "Another item"
                webUrl: https://example.org/another
                publishedDateTime: 2020-06-16T00:00:00Z
                related:
                  - title: "A different headline"
                    webUrl: "https://www.mic.com/p/amazon-is-banning-cops-from-using-its-facial-recognition-tech-for-one-year-22976063"
                    publishedDateTime: 2020-06-15T18:03:00Z
                ---
                """);
        LoadReport bare = ingest.load(List.of(dir.resolve("c.txt")));
        assertThat(bare.articlesUpdated()).isZero();
        assertThat(client.query("MATCH (a:Article) WHERE a.url CONTAINS 'mic.com' RETURN a.title")
                .fetchAs(String.class).one())
                .contains("Amazon is banning cops from using its facial recognition tech for one year");
    }

    @Test
    void betweenTwoBareEntriesOfOneBatchTheEarlierPublicationSpeaksWhateverTheFileOrder(@TempDir Path dir)
            throws Exception {
        // fastcompany's piece is a bare related entry in two seeds: "IBM, Microsoft, and Amazon’s …" at 06-13 12:43
        // (?partner=rss, file 004) and "Why Big Tech's new …" at 06-14 00:53 (file 003). Both orders keep the
        // earlier entry's title, as they keep its time.
        for (String order : List.of("34", "43")) {
            graph.clear();
            Path batch = Files.createDirectories(dir.resolve(order));
            for (int i = 0; i < order.length(); i++) {
                String seed = order.charAt(i) == '3' ? "003_f54bbad40228f4e9.txt" : "004_b001c2bd3364b9d0.txt";
                Files.copy(GraphFixtures.SEEDS.resolve(seed), batch.resolve(i + "-" + seed));
            }
            ingest.load(List.of(batch));
            assertThat(client.query("MATCH (a:Article) WHERE a.url CONTAINS 'fastcompany' RETURN a.title")
                    .fetchAs(String.class).one()).as(order)
                    .contains("IBM, Microsoft, and Amazon’s face recognition bans don’t go far enough");
        }
    }
}
