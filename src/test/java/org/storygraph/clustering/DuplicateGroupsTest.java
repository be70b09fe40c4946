package org.storygraph.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DuplicateGroupsTest {

    @Test
    void everyCopyPointsAtTheEarliestMemberOfItsGroup() {
        DuplicateGroups groups = new DuplicateGroups();
        groups.member("c", 30);
        groups.member("a", 10);
        groups.member("b", 20);
        groups.member("x", 5);
        groups.member("y", 5);
        groups.member("alone", 1);
        groups.union("c", "b"); // a chain c→b→a must become a star around a
        groups.union("b", "a");
        groups.union("y", "x"); // equal times: the smaller URL is the original

        assertThat(groups.edges()).containsExactlyInAnyOrder(
                new DuplicateGroups.Edge("b", "a"), new DuplicateGroups.Edge("c", "a"),
                new DuplicateGroups.Edge("y", "x"));
        assertThat(groups.canonicals()).containsExactlyInAnyOrder("a", "x");
    }

    @Test
    void implausibleTimesSortLast() {
        DuplicateGroups groups = new DuplicateGroups();
        groups.member("early-but-flagged", Long.MAX_VALUE);
        groups.member("later", 100);
        groups.union("early-but-flagged", "later");

        assertThat(groups.edges()).containsExactly(new DuplicateGroups.Edge("early-but-flagged", "later"));
    }
}
