package org.storygraph.clustering;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Story clustering. The model's defaults were fitted on the two labelled dev sets (uci-news-dev, dense same-day news,
 * and emergent-dev, stories that run for weeks) and checked against the seed judgement cases; {@code
 * docs/clustering.md} explains each and how it was measured.
 *
 * @param autoCluster       cluster new articles after every load (default true)
 * @param model             the story model: weights of the evidence that two clusters are one story, the merge
 *                          threshold and the window of days within which clusters are compared (defaults: the fit,
 *                          see {@link StoryModel})
 * @param neighbours        nearest neighbours taken from the vector index per new article (default 20)
 * @param duplicateCosine   embedding cosine from which two articles may be copies of one another (default 0.95)
 * @param duplicateLexical  ... and the TF-IDF cosine they also need (default 0.8)
 * @param nameBoost         weight of a capitalised name relative to an ordinary word (default 2)
 * @param embeddingThreads  worker threads for the embedding model (default: number of cores)
 * @param reclusterChunk    articles clustered at once, in time order, by a full recluster or a large load (default 5000;
 *                          memory grows with it)
 */
@ConfigurationProperties("storygraph.story")
public record StoryProperties(
        @DefaultValue("true") boolean autoCluster,
        @DefaultValue StoryModel model,
        @DefaultValue("20") int neighbours,
        @DefaultValue("0.95") double duplicateCosine,
        @DefaultValue("0.8") double duplicateLexical,
        @DefaultValue("2") float nameBoost,
        @DefaultValue("0") int embeddingThreads,
        @DefaultValue("5000") int reclusterChunk) {

    int threads() {
        return embeddingThreads > 0 ? embeddingThreads : Runtime.getRuntime().availableProcessors();
    }
}
