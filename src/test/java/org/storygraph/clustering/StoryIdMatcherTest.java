package org.storygraph.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which id each story of a recluster gets, and the changes recorded: worked out by hand for each case. */
class StoryIdMatcherTest {

    private static Map<String, Set<String>> stories(Object... idAndMembers) {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < idAndMembers.length; i += 2) {
            m.put((String) idAndMembers[i], Set.of(((String) idAndMembers[i + 1]).split(" ")));
        }
        return m;
    }

    private static StoryIdMatcher.Outcome match(Map<String, Set<String>> before, Map<String, Set<String>> after) {
        return StoryIdMatcher.match(before, after, (key, n) -> key + "#" + n);
    }

    @Test
    void unchangedStoriesKeepTheirIdsAndRecordNoChange() {
        // the rebuilt stories came out under other (provisional) ids, with the same members
        var outcome = match(stories("A", "a1 a2 a3", "B", "b1"), stories("p1", "a1 a2 a3", "p2", "b1"));
        assertThat(outcome.ids()).containsOnly(Map.entry("p1", "A"), Map.entry("p2", "B"));
        assertThat(outcome.changes()).isEmpty();
    }

    @Test
    void aSplitStoryKeepsItsIdOnThePartWithMostMembers() {
        // A = a1..a5 splits into {a1 a2 a3} (3 shared) and {a4 a5} (2 shared): the larger part keeps A; the
        // smaller keeps its provisional id, which no old story had
        var outcome = match(stories("A", "a1 a2 a3 a4 a5"), stories("p1", "a4 a5", "p2", "a1 a2 a3"));
        assertThat(outcome.ids()).containsOnly(Map.entry("p2", "A"), Map.entry("p1", "p1"));
        assertThat(outcome.changes()).containsExactly(
                new StoryChange(0, "split", "p1", List.of("A"), 2, 0),
                new StoryChange(0, "split", "A", List.of("A"), 3, 5));
    }

    @Test
    void aMergedStoryKeepsTheIdOfTheStoryItSharesMostWith() {
        // A (2 members) and B (3 members) become one story of 6 with a new article n1: it keeps B; A is gone,
        // named in the change's fromIds (most shared first), not recorded as removed
        var outcome = match(stories("A", "a1 a2", "B", "b1 b2 b3"), stories("p", "a1 a2 b1 b2 b3 n1"));
        assertThat(outcome.ids()).containsOnly(Map.entry("p", "B"));
        assertThat(outcome.changes()).containsExactly(new StoryChange(0, "merged", "B", List.of("B", "A"), 6, 3));
    }

    @Test
    void aTieGoesToTheCloserMatchThenTheSmallerId() {
        // A = {x1 x2 y1 y2} splits in two halves of 2 shared members each: pairs (A, p) and (A, q) tie on shared
        // members and on size (4 + 2 each), so the smaller new key, p, keeps A
        var halves = match(stories("A", "x1 x2 y1 y2"), stories("q", "y1 y2", "p", "x1 x2"));
        assertThat(halves.ids()).containsOnly(Map.entry("p", "A"), Map.entry("q", "q"));
        // a tie on shared members goes to the closer match: B and C each share 2 members with p, but C has only
        // those 2 (2 + 4 members together) and B has 3 (3 + 4): p keeps C; B's third member b3 now stands alone
        // and keeps B
        var closer = match(stories("B", "b1 b2 b3", "C", "c1 c2"), stories("p", "b1 b2 c1 c2", "r", "b3"));
        assertThat(closer.ids()).containsOnly(Map.entry("p", "C"), Map.entry("r", "B"));
        assertThat(closer.changes()).containsExactly(
                new StoryChange(0, "merged", "C", List.of("B", "C"), 4, 2),
                new StoryChange(0, "split", "B", List.of("B"), 1, 3));
    }

    @Test
    void aNewStoryIsCreatedAndAnOldIdIsNeverReusedForIt() {
        // n1's story came out under provisional id "A", the id of an old story that continues as p: it must not
        // take A, so it gets A#1
        var outcome = match(stories("A", "a1 a2"), stories("p", "a1 a2 a3", "A", "n1"));
        assertThat(outcome.ids()).containsOnly(Map.entry("p", "A"), Map.entry("A", "A#1"));
        assertThat(outcome.changes()).containsExactly(
                new StoryChange(0, "created", "A#1", List.of(), 1, 0),
                new StoryChange(0, "grown", "A", List.of("A"), 3, 2));
    }

    @Test
    void aStoryWhoseMembersAreInNoStoryIsRemoved() {
        // a recluster stopped before b1 and b2: B's members have no story
        var outcome = match(stories("A", "a1", "B", "b1 b2"), stories("p", "a1"));
        assertThat(outcome.ids()).containsOnly(Map.entry("p", "A"));
        assertThat(outcome.changes()).containsExactly(new StoryChange(0, "removed", "B", List.of(), 0, 2));
    }
}
