package org.storygraph.clustering;

import java.util.List;

/**
 * What one clustering run did to one story.
 *
 * @param sequence     the change's place in the change feed: increases across runs, 0 until the run is recorded
 * @param kind         {@code created} (no previous story shares a member), {@code grown} (one previous story, all of
 *                     whose members it has, plus new ones), {@code merged} (took in the members of two or more
 *                     previous stories, or of a previous story other than the one whose id it has), {@code split}
 *                     (one previous story whose members now lie in several stories) or {@code removed} (a previous
 *                     story none of whose members is in a story any more)
 * @param storyId      the story's id after the run (for {@code removed}, the id that is gone)
 * @param fromIds      the previous stories it shares members with, most shared members first
 * @param size         its members after the run (0 when removed)
 * @param previousSize the members of the story with the same id before the run (0 for a new id)
 */
public record StoryChange(long sequence, String kind, String storyId, List<String> fromIds, int size,
        int previousSize) {

    public static final String CREATED = "created";
    public static final String GROWN = "grown";
    public static final String MERGED = "merged";
    public static final String SPLIT = "split";
    public static final String REMOVED = "removed";

    /** The kinds in the order of the run's counts. */
    public static final List<String> KINDS = List.of(CREATED, GROWN, MERGED, SPLIT, REMOVED);

    public StoryChange {
        fromIds = List.copyOf(fromIds);
    }

    StoryChange withSequence(long sequence) {
        return new StoryChange(sequence, kind, storyId, fromIds, size, previousSize);
    }
}
