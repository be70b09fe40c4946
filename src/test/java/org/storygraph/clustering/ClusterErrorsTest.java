package org.storygraph.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ClusterErrorsTest {

    @Test
    void listsMergesAndSplitsWorstFirstWithTheirPartsAndHeadlines() {
        Map<String, String> gold = new LinkedHashMap<>();
        Map<String, String> predicted = new LinkedHashMap<>();
        Map<String, String> headlines = new LinkedHashMap<>();
        // gold A (4) and B (2) merged into p1; gold C (3) split into p2 (2) and p3 (1)
        for (int i = 0; i < 4; i++) {
            gold.put("a" + i, "A");
            predicted.put("a" + i, "p1");
            headlines.put("a" + i, "Stocks fall " + i);
        }
        for (int i = 0; i < 2; i++) {
            gold.put("b" + i, "B");
            predicted.put("b" + i, "p1");
            headlines.put("b" + i, "Exports decline " + i);
        }
        for (int i = 0; i < 3; i++) {
            gold.put("c" + i, "C");
            predicted.put("c" + i, i < 2 ? "p2" : "p3");
            headlines.put("c" + i, "Recall " + i);
        }
        ClusterErrors errors = ClusterErrors.of(gold, predicted, headlines);

        assertThat(errors.merges()).hasSize(1);
        ClusterErrors.Error merge = errors.merges().getFirst();
        assertThat(merge.id()).isEqualTo("p1");
        assertThat(merge.articles()).isEqualTo(6);
        assertThat(merge.cost()).isEqualTo(2);
        assertThat(merge.parts()).extracting(ClusterErrors.Part::gold).containsExactly("A", "B");
        assertThat(merge.parts().get(1).headlines()).containsExactly("Exports decline 0", "Exports decline 1");

        assertThat(errors.splits()).hasSize(1);
        ClusterErrors.Error split = errors.splits().getFirst();
        assertThat(split.id()).isEqualTo("C");
        assertThat(split.cost()).isEqualTo(1);
        assertThat(split.parts()).extracting(ClusterErrors.Part::predicted).containsExactly("p2", "p3");
        // pure stories are no error either way
        assertThat(errors.splits()).noneMatch(e -> e.id().equals("A") || e.id().equals("B"));

        var out = new ByteArrayOutputStream();
        errors.print(new PrintStream(out, true, StandardCharsets.UTF_8), 5);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("predicted p1: 6 articles, cost 2")
                .contains("2 of gold B: Exports decline 0 | Exports decline 1")
                .contains("gold C: 3 articles, cost 1");
    }
}
