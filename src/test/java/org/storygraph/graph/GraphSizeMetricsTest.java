package org.storygraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.summary.Plan;
import org.springframework.beans.factory.annotation.Autowired;
import org.storygraph.StoryGraphTest;

/** The graph-size gauges cost a count-store lookup per label, never a scan of the nodes. */
@StoryGraphTest
class GraphSizeMetricsTest {

    @Autowired
    Graph graph;

    @Test
    void theCountsComeFromTheCountStore() {
        Plan plan = graph.read(tx -> tx.run("EXPLAIN " + GraphSizeMetrics.COUNTS).consume().plan());
        List<String> operators = new ArrayList<>();
        collect(plan, operators);
        assertThat(operators).filteredOn(o -> o.startsWith("NodeCountFromCountStore")).hasSize(2);
        assertThat(operators).noneMatch(o -> o.contains("Scan"));
    }

    private static void collect(Plan plan, List<String> into) {
        into.add(plan.operatorType());
        plan.children().forEach(c -> collect(c, into));
    }
}
