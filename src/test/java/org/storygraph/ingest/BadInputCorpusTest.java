package org.storygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.test.context.TestPropertySource;
import org.storygraph.GraphFixtures;
import org.storygraph.StoryGraphTest;
import org.storygraph.clustering.StoryClusterer;

/**
 * Every file of the bad-input corpus, loaded for real: the outcome, line and reason (or normalisation and warning)
 * its manifest row documents, and the whole corpus loaded together with the seeds.
 *
 * <p>Automatic clustering is off here (its own context) so that the 10,000-related-items case measures the load, not
 * 10,000 sentence embeddings; the whole-corpus test clusters explicitly afterwards, so odd but loaded articles
 * (year 999999999, look-alike titles, HTML) are also pushed through story clustering.
 */
@StoryGraphTest
@TestPropertySource(properties = "storygraph.story.auto-cluster=false")
class BadInputCorpusTest {

    @Autowired
    GraphFixtures graph;
    @Autowired
    IngestService ingest;
    @Autowired
    Neo4jClient client;
    @Autowired
    StoryClusterer clusterer;

    static List<BadInputs.Case> cases() {
        return BadInputs.manifest();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachFileHasItsDocumentedOutcome(BadInputs.Case c, @TempDir Path dir) throws Exception {
        graph.clear();
        Path file = BadInputs.materialise(c, dir);
        String path = file.toAbsolutePath().normalize().toString();

        LoadReport report = ingest.load(List.of(file));

        assertThat(report.filesRead()).isEqualTo(1);
        if (c.failed()) {
            assertThat(report.filesLoaded()).isZero();
            assertThat(report.failures()).singleElement().satisfies(f -> {
                assertThat(f.file()).isEqualTo(path);
                assertThat(f.line()).as("line").isEqualTo(c.line());
                assertThat(f.reason()).contains(c.expected());
            });
            assertThat(graph.count("MATCH (a:Article) RETURN count(a)")).isZero();
            Map<String, Object> source = client.query(
                    "MATCH (s:SourceFile {path: $path}) RETURN s.status AS status, s.error AS error, s.errorLine AS line")
                    .bind(path).to("path").fetch().one().orElseThrow();
            assertThat(source).containsEntry("status", "failed")
                    .containsEntry("error", report.failures().getFirst().reason())
                    .containsEntry("line", (long) c.line());
            return;
        }
        assertThat(report.failures()).isEmpty();
        assertThat(report.filesLoaded()).isEqualTo(1);
        List<LoadReport.Warning> warnings = report.warnings();
        assertThat(warnings).allSatisfy(w -> assertThat(w.file()).isEqualTo(path));
        if (c.warnings().isEmpty()) {
            assertThat(warnings).as("warnings").isEmpty();
            assertThat(c.line()).as("manifest line of a case without warnings").isZero();
        }
        for (int i = 0; i < c.warnings().size(); i++) {
            String expected = c.warnings().get(i);
            assertThat(warnings).as("a warning containing \"%s\"", expected)
                    .anySatisfy(w -> assertThat(w.message()).contains(expected));
            if (i == 0) {
                assertThat(warnings).filteredOn(w -> w.message().contains(expected))
                        .extracting(LoadReport.Warning::line).as("line").contains(c.line());
            }
        }
        Map<String, Object> article = client.query("""
                MATCH (:SourceFile {path: $path, status: 'loaded'})-[:CONTAINED]->(a:Article {full: true})
                OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(p:Provider)
                RETURN a.url AS url, a.title AS title, a.excerpt AS excerpt, a.publishedAt AS publishedAt,
                       a.timeFlag AS timeFlag, a.quality AS quality, a.heat AS heat, p.domain AS provider,
                       p.name AS providerName, COUNT { (a)-[:RELATED_TO]->() } AS related,
                       COUNT { (a)-[:TAGGED]->() } AS topics
                """).bind(path).to("path").fetch().one().orElseThrow();
        for (String[] property : c.properties()) {
            assertThat(text(article.get(property[0]))).as(property[0]).isEqualTo(property[1]);
        }
    }

    @Test
    void theWholeCorpusLoadsTogetherWithTheSeedsAndNothingElseIsLost(@TempDir Path dir) throws Exception {
        graph.clear();
        // the 10,000-related-items file has its own case: here it would only make the clustering below take minutes
        List<BadInputs.Case> cases = BadInputs.manifest().stream()
                .filter(c -> !c.file().endsWith("related-10000.txt")).toList();
        Path corpus = dir.resolve("bad-inputs");
        Files.createDirectories(corpus);
        for (BadInputs.Case c : cases) {
            Path target = corpus.resolve(c.file());
            if (c.generated()) {
                BadInputs.materialise(c, corpus);
            } else {
                Files.copy(BadInputs.corpus().resolve(c.file()), target);
            }
        }
        Path seeds = dir.resolve("seeds");
        Files.createDirectories(seeds);
        try (var files = Files.list(GraphFixtures.SEEDS)) {
            for (Path seed : files.toList()) {
                Files.copy(seed, seeds.resolve(seed.getFileName()));
            }
        }
        long failed = cases.stream().filter(BadInputs.Case::failed).count();
        long loaded = cases.size() - failed;

        LoadReport report = ingest.load(List.of(dir));

        assertThat(report.filesRead()).isEqualTo(cases.size() + 5);
        assertThat(report.filesFailed()).isEqualTo(failed);
        assertThat(report.filesLoaded()).isEqualTo(loaded + 5);
        for (BadInputs.Case c : cases.stream().filter(BadInputs.Case::failed).toList()) {
            String path = corpus.resolve(c.file()).toAbsolutePath().normalize().toString();
            assertThat(report.failures()).as(c.file()).filteredOn(f -> f.file().equals(path)).singleElement()
                    .satisfies(f -> {
                        assertThat(f.line()).isEqualTo(c.line());
                        assertThat(f.reason()).contains(c.expected());
                    });
        }
        assertThat(report.failures()).noneSatisfy(f -> assertThat(f.reason()).contains("internal error"));
        assertThat(report.failures()).noneSatisfy(f -> assertThat(f.file()).contains("/seeds/"));

        // the seeds' 27 articles all land, the five items with their full records
        Set<String> seedUrls = seedUrls();
        assertThat(seedUrls).hasSize(27);
        assertThat(client.query("MATCH (a:Article) WHERE a.url IN $urls RETURN count(a)").bind(seedUrls).to("urls")
                .fetchAs(Long.class).one()).contains(27L);
        assertThat(client.query("""
                MATCH (s:SourceFile {status: 'loaded'})-[:CONTAINED]->(a:Article {full: true})
                WHERE s.path CONTAINS '/seeds/' RETURN count(DISTINCT a)
                """).fetchAs(Long.class).one()).contains(5L);
        assertThat(graph.count("MATCH (s:SourceFile {status: 'loaded'}) RETURN count(s)")).isEqualTo(loaded + 5);
        assertThat(graph.count("MATCH (s:SourceFile {status: 'failed'}) RETURN count(s)")).isEqualTo(failed);

        // everything that loaded, odd or not, can be clustered into stories
        StoryClusterer.Result clustered = clusterer.clusterPending();
        assertThat(clustered.articles()).isEqualTo(graph.count("MATCH (a:Article) RETURN count(a)"));
        assertThat(graph.count("MATCH (a:Article) WHERE NOT (a)-[:IN_STORY]->() RETURN count(a)")).isZero();

        // and the service carries on: the same load again skips what landed and reports the same failures
        LoadReport again = ingest.load(List.of(dir));
        assertThat(again.filesUnchanged()).isEqualTo(loaded + 5);
        assertThat(again.filesFailed()).isEqualTo(failed);
        assertThat(again.articlesCreated()).isZero();
    }

    /** Canonical URLs of the seed items and their related entries, as the parser reads them. */
    private static Set<String> seedUrls() throws Exception {
        FrontMatterParser parser = new FrontMatterParser(5 * 1024 * 1024, 50, 40);
        Set<String> urls = new HashSet<>();
        try (var files = Files.list(GraphFixtures.SEEDS)) {
            for (Path seed : files.toList()) {
                ParsedItem item = parser.parse(seed.toString(), Files.readAllBytes(seed));
                urls.add(item.article().url());
                item.related().forEach(r -> urls.add(r.article().url()));
            }
        }
        return urls;
    }

    private static String text(Object value) {
        return switch (value) {
            case null -> "null";
            case TemporalAccessor t -> Instant.from(t).toString();
            case Number n -> String.valueOf(n.longValue());
            default -> value.toString();
        };
    }
}
