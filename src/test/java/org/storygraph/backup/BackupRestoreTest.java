package org.storygraph.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.storygraph.GraphFixtures;
import org.storygraph.StoryGraphTest;

/** export-graph, then import-graph into an empty database, gives the same graph: the same checksum. */
@StoryGraphTest
class BackupRestoreTest {

    @Autowired
    GraphDump dump;
    @Autowired
    GraphFixtures graph;
    @Autowired
    Neo4jClient client;

    @Test
    void aRestoredBackupHasTheSameChecksum(@TempDir Path dir) throws Exception {
        graph.seeds();
        Path file = dir.resolve("graph.jsonl");
        GraphChecksum.Result before;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            before = dump.export(w);
        }
        long nodes = graph.count("MATCH (n) WHERE NOT n:__StoryGraphMigration RETURN count(n)");
        long relationships = graph.count("MATCH ()-[r]->() RETURN count(r)");
        // the checksum counts content: not the records of clustering runs (a run and its changes, OF_RUN)
        long runRecords = graph.count("MATCH (n) WHERE n:ClusteringRun OR n:ClusteringChange RETURN count(n)");
        long runLinks = graph.count("MATCH ()-[r:OF_RUN]->() RETURN count(r)");
        assertThat(runRecords).isPositive();
        assertThat(before.nodes()).isEqualTo(nodes - runRecords);
        assertThat(before.relationships()).isEqualTo(relationships - runLinks);
        // the dump holds everything, run records too
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize((int) (1 + nodes + relationships));
        assertThat(lines.getFirst()).contains("\"format\":\"storygraph-graph-dump\"");

        // a restore refuses a database that holds data
        try (BufferedReader r = Files.newBufferedReader(file)) {
            assertThatThrownBy(() -> dump.restore(r)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("empty database");
        }

        graph.clear();
        GraphChecksum.Result after;
        try (BufferedReader r = Files.newBufferedReader(file)) {
            after = dump.restore(r);
        }
        assertThat(after).isEqualTo(before);
        // types survive: datetimes stay datetimes, embeddings stay float lists, ints stay ints
        assertThat(client.query("""
                MATCH (a:Article) WHERE a.url CONTAINS 'mic.com'
                RETURN a.publishedAt IS :: ZONED DATETIME AS datetime, a.quality IS :: INTEGER AS integer,
                       size(a.embedding) AS dimensions, a.embedding[0] IS :: FLOAT AS floats
                """).fetch().one().orElseThrow())
                .containsEntry("datetime", true).containsEntry("integer", true).containsEntry("dimensions", 384L)
                .containsEntry("floats", true);
        assertThat(graph.count("MATCH (n:__Import) RETURN count(n)")).isZero();
        // the service works on the restored graph: a story view, a full-text search
        assertThat(graph.count("MATCH (s:Story)<-[:IN_STORY]-(a) RETURN count(a)")).isEqualTo(27);
        assertThat(client.query("CALL db.index.fulltext.queryNodes('article_text', 'phrenology') YIELD node "
                + "RETURN count(node)").fetchAs(Long.class).one()).contains(1L);
    }

    @Test
    void theChecksumIgnoresLoadTimesButSeesContent() {
        graph.seeds();
        GraphChecksum.Result a = dump.checksum();
        client.query("MATCH (f:SourceFile) SET f.loadedAt = datetime()").run();
        assertThat(dump.checksum()).isEqualTo(a);
        client.query("MATCH (a:Article) WHERE a.url CONTAINS 'mic.com' SET a.title = a.title + '!'").run();
        assertThat(dump.checksum().checksum()).isNotEqualTo(a.checksum());
    }
}
