package org.storygraph.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClusterScoresTest {

    @Test
    void perfectAndTrivialClusterings() {
        List<String> gold = List.of("a", "a", "b", "b", "b");
        ClusterScores perfect = ClusterScores.of(gold, List.of("x", "x", "y", "y", "y"));
        assertThat(perfect.f1()).isEqualTo(1.0);
        assertThat(perfect.ari()).isCloseTo(1.0, within(1e-12));
        assertThat(perfect.nmi()).isCloseTo(1.0, within(1e-12));
        ClusterScores one = ClusterScores.of(gold, List.of("x", "x", "x", "x", "x"));
        // precision = (2*2/5 + 3*3/5)/5 = 13/25
        assertThat(one.precision()).isCloseTo(13.0 / 25, within(1e-12));
        assertThat(one.recall()).isEqualTo(1.0);
    }
}
