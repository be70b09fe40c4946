package org.storygraph.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.storygraph.GraphFixtures;
import org.storygraph.StoryGraphTest;
import org.storygraph.ingest.IngestService;

/** The same files in one batch give the same stories whatever order they arrive in. */
@StoryGraphTest
class ClusteringDeterminismTest {

    @Autowired
    GraphFixtures graph;
    @Autowired
    IngestService ingest;
    @Autowired
    Neo4jClient client;

    @Test
    void storiesDoNotDependOnTheOrderOfFilesInABatch(@TempDir Path dir) throws Exception {
        List<Path> seeds;
        try (var files = Files.list(GraphFixtures.SEEDS)) {
            seeds = files.sorted().toList();
        }
        Set<Set<String>> first = null;
        List<String> orders = List.of("01234", "43210", "20413");
        for (String order : orders) {
            Path copy = Files.createDirectories(dir.resolve(order));
            for (int i = 0; i < order.length(); i++) {
                Path seed = seeds.get(order.charAt(i) - '0');
                // the file names decide the order files are read and written in
                Files.copy(seed, copy.resolve(i + "-" + seed.getFileName()));
            }
            graph.clear();
            ingest.load(List.of(copy));
            Set<Set<String>> partition = partition();
            if (first == null) {
                first = partition;
            } else {
                assertThat(partition).isEqualTo(first);
            }
        }
        assertThat(first).hasSizeGreaterThan(1);
    }

    private Set<Set<String>> partition() {
        Set<Set<String>> stories = new HashSet<>();
        for (var row : client.query("""
                MATCH (a:Article)-[:IN_STORY]->(s:Story) RETURN s.id AS id, collect(a.url) AS urls
                """).fetch().all()) {
            @SuppressWarnings("unchecked")
            List<String> urls = (List<String>) row.get("urls");
            stories.add(new TreeSet<>(new ArrayList<>(urls)));
        }
        return stories;
    }
}
