package org.storygraph.runs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Record DTOs of the run endpoints. */
public final class RunViews {

    private RunViews() {
    }

    /**
     * One clustering run.
     *
     * @param kind          {@code incremental} (new articles after a load or feed poll) or {@code recluster}
     * @param model         the sentence-embedding model
     * @param modelChecksum SHA-256 of its model and tokenizer files
     * @param parameters    every clustering setting ({@code storygraph.story.*}) in effect
     * @param codeVersion   the jar's version ({@code dev} when run from classes)
     * @param articlesIn    articles clustered by the run
     * @param storiesOut    stories in the graph after it
     * @param created       stories the run created (and likewise grown, merged, split, removed)
     */
    public record Run(String id, String kind, Instant startedAt, Instant finishedAt, String model,
            String modelChecksum, Map<String, Object> parameters, String codeVersion, long articlesIn,
            long storiesOut, long created, long grown, long merged, long split, long removed) {
    }

    /**
     * One change a run made to a story.
     *
     * @param sequence     the change feed's event id (increases across runs)
     * @param kind         created, grown, merged, split or removed
     * @param storyId      the story's id after the run (the id that is gone, for removed)
     * @param fromIds      the stories before the run it shares members with, most shared first
     * @param size         its members after the run
     * @param previousSize the members the story with this id had before the run (0 for a new id)
     * @param at           when the run finished
     */
    public record Change(long sequence, String runId, String kind, String storyId, List<String> fromIds, long size,
            long previousSize, Instant at) {
    }
}
