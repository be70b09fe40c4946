package org.storygraph.story;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.storygraph.common.ProviderRef;

/** Record DTOs of the story endpoints. */
public final class StoryViews {

    private StoryViews() {
    }

    /**
     * @param label    the representative headline plus strong terms it does not already say
     * @param headline the member closest to the story's centroid
     */
    public record StorySummary(String id, String label, String headline, List<String> topTerms, long size,
            long providerCount, Instant firstPublishedAt, Instant lastPublishedAt) {
    }

    /**
     * A member article. {@code score} is its cosine similarity to the story centroid; {@code duplicateOf} names the
     * earliest copy when this article is a syndicated copy or headline variant (it still counts as coverage).
     */
    public record StoryArticle(String id, String url, String title, Instant publishedAt, ProviderRef provider,
            double score, String duplicateOf) {
    }

    public record StoryDetail(StorySummary story, List<StoryArticle> articles) {
    }

    /** A node of a story graph: {@code type} is article or provider; {@code data} carries its attributes. */
    public record GraphNode(String id, String type, String label, Map<String, Object> data) {
    }

    /** An edge of a story graph: PUBLISHED_BY, RELATED_TO or DUPLICATE_OF. */
    public record GraphEdge(String id, String source, String target, String type, Map<String, Object> data) {
    }

    /** Nodes and edges ready for a graph view (Cytoscape.js, ECharts, Sigma): every edge's ends are in nodes. */
    public record StoryGraph(StorySummary story, List<GraphNode> nodes, List<GraphEdge> edges) {
    }

    /**
     * The outcome of a recluster (the result of its job).
     *
     * @param stopped null when it went through; else where it stopped ("cancelled after 5,000 of 100,000 articles":
     *                the articles after have no story until the next recluster)
     * @param runId   the clustering run it recorded ({@code GET /api/runs/{id}})
     */
    public record ReclusterResult(int articles, int stories, int duplicates, long millis, String stopped,
            String runId) {
    }

    /**
     * The data of a change-feed event ({@code GET /api/stories/changes}); the event's name is the kind of change
     * (created, grown, merged, split, removed) and its id the change's sequence number.
     *
     * @param storyId the story's id after the run (the id that is gone, for removed)
     * @param runId   the clustering run ({@code GET /api/runs/{id}})
     * @param fromIds the stories before the run it shares members with, most shared first
     * @param size    its members after the run
     * @param at      when the run finished
     */
    public record StoryChangeEvent(String storyId, String runId, List<String> fromIds, long size, Instant at) {
    }
}
