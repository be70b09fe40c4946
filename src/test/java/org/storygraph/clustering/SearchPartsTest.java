package org.storygraph.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** How a batch's vector-index searches are split over the search threads. */
class SearchPartsTest {

    private static List<Integer> rows(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    private static List<Integer> sizes(int n, int threads, int max) {
        return CandidateReader.parts(rows(n), threads, max).stream().map(List::size).toList();
    }

    @Test
    void aBatchSmallerThanOnePartStillUsesEveryThread() {
        assertThat(sizes(1000, 2, 1000)).containsExactly(500, 500);
        assertThat(sizes(7, 2, 1000)).containsExactly(3, 4);
    }

    @Test
    void largeBatchesGetEqualPartsInAMultipleOfTheThreadsNoneLongerThanTheBound() {
        // 5,000 rows at most 1,000 a part: six parts of 833 or 834, not five of 1,000 with the last one running alone
        assertThat(sizes(5000, 2, 1000)).hasSize(6).allSatisfy(s -> assertThat(s).isBetween(833, 834));
        assertThat(sizes(5000, 2, 1000).stream().mapToInt(Integer::intValue).sum()).isEqualTo(5000);
    }

    @Test
    void thePartsAreTheRowsInOrderWithoutGapsOrRepeats() {
        List<Integer> all = rows(2345);
        assertThat(CandidateReader.parts(all, 2, 400).stream().flatMap(List::stream).toList()).isEqualTo(all);
        assertThat(CandidateReader.parts(all, 2, 400)).hasSize(6);
    }

    @Test
    void fewRowsMakeNoEmptyParts() {
        assertThat(sizes(1, 2, 1000)).containsExactly(1);
        assertThat(CandidateReader.parts(List.of(), 2, 1000)).isEmpty();
    }
}
