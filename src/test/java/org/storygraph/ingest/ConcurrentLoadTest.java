package org.storygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.storygraph.GraphFixtures;
import org.storygraph.StoryGraphTest;
import org.storygraph.bench.CorpusGenerator;

/** Two loads of overlapping files at once make no duplicates, and reads keep answering meanwhile. */
@StoryGraphTest
class ConcurrentLoadTest {

    @Autowired
    IngestService ingest;
    @Autowired
    GraphFixtures graph;
    @Autowired
    MockMvcTester mvc;

    @Test
    void overlappingConcurrentLoadsMakeNoDuplicatesAndQueriesKeepAnswering(@TempDir Path dir) throws Exception {
        graph.clear();
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Iterator<CorpusGenerator.Article> corpus = new CorpusGenerator(1500, 3).articles();
        int i = 0;
        while (corpus.hasNext()) {
            CorpusGenerator.Article article = corpus.next();
            byte[] file = CorpusGenerator.toFile(article).getBytes(StandardCharsets.UTF_8);
            // a: the first 1,000 items; b: items 500..1,499 — 500 files in both, under other names
            if (i < 1000) {
                Files.write(a.resolve("a" + i + ".txt"), file);
            }
            if (i >= 500) {
                Files.write(b.resolve("b" + i + ".txt"), file);
            }
            i++;
        }
        AtomicBoolean loading = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<LoadReport> first = pool.submit(() -> ingest.load(List.of(a)));
            Future<LoadReport> second = pool.submit(() -> ingest.load(List.of(b)));
            Future<?> reader = pool.submit(() -> {
                while (loading.get()) {
                    statuses.add(mvc.get().uri("/api/articles?size=5").exchange().getResponse().getStatus());
                    statuses.add(mvc.get().uri("/api/providers?size=5").exchange().getResponse().getStatus());
                }
            });
            LoadReport r1 = first.get();
            LoadReport r2 = second.get();
            loading.set(false);
            reader.get();
            assertThat(r1.filesFailed() + r2.filesFailed()).isZero();
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).hasSizeGreaterThan(2).containsOnly(200);

        // every item once; every related entry points at an item of the corpus
        assertThat(graph.count("MATCH (a:Article) RETURN count(a)")).isEqualTo(1500);
        assertThat(graph.count("MATCH (a:Article) WITH a.url AS url, count(*) AS n WHERE n > 1 RETURN count(*)"))
                .isZero();
        for (String type : List.of("PUBLISHED_BY", "TAGGED", "RELATED_TO", "CONTAINED", "IN_STORY")) {
            assertThat(graph.count("MATCH (x)-[r:" + type + "]->(y) WITH x, y, count(r) AS n WHERE n > 1 "
                    + "RETURN count(*)")).as(type).isZero();
        }
        assertThat(graph.count("MATCH (a:Article) WHERE COUNT { (a)-[:PUBLISHED_BY]->() } <> 1 RETURN count(a)"))
                .isZero();
        assertThat(graph.count("MATCH (a:Article) WHERE COUNT { (a)-[:IN_STORY]->() } <> 1 RETURN count(a)"))
                .isZero();
        assertThat(graph.count("MATCH (p:Provider) WITH p.domain AS d, count(*) AS n WHERE n > 1 RETURN count(*)"))
                .isZero();
    }
}
