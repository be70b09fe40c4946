package org.storygraph.story;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Story clustering. Defaults were tuned on the UCI dev set (../shared/datasets/uci-news-dev) and checked against the
 * seed judgement cases; {@code docs/clustering.md} explains each and how it was measured.
 *
 * @param autoCluster       cluster new articles after every load (default true)
 * @param embeddingWeight   weight of sentence-embedding cosine in an article pair's similarity (default 0.8)
 * @param lexicalWeight     weight of TF-IDF cosine over stemmed terms (default 0.2)
 * @param topicWeight       weight of shared topics (default 0: the UCI categories are so coarse that any weight
 *                          worth having merges different events of one category)
 * @param threshold         average-link similarity two clusters need to merge (default 0.2)
 * @param timeBucket        width of the coarse time windows (default 1 day, UTC)
 * @param timeDecay         factor per bucket between two articles' windows (default 0.4: next day counts 0.4)
 * @param maxBuckets        windows farther apart never meet (default 7)
 * @param neighbours        nearest neighbours taken from the vector index per new article (default 20)
 * @param relatedFloor      a RELATED_TO link puts two articles in one story when their content similarity
 *                          reaches this (default 0.5); below it the link is ignored, so off-topic related items
 *                          cannot chain stories together
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
        @DefaultValue("0.8") double embeddingWeight,
        @DefaultValue("0.2") double lexicalWeight,
        @DefaultValue("0") double topicWeight,
        @DefaultValue("0.2") double threshold,
        @DefaultValue("1d") Duration timeBucket,
        @DefaultValue("0.4") double timeDecay,
        @DefaultValue("7") int maxBuckets,
        @DefaultValue("20") int neighbours,
        @DefaultValue("0.5") double relatedFloor,
        @DefaultValue("0.95") double duplicateCosine,
        @DefaultValue("0.8") double duplicateLexical,
        @DefaultValue("2") float nameBoost,
        @DefaultValue("0") int embeddingThreads,
        @DefaultValue("5000") int reclusterChunk) {

    Agglomerator.Weights weights() {
        return new Agglomerator.Weights(embeddingWeight, lexicalWeight, topicWeight, threshold,
                timeBucket.toSeconds(), 0, timeDecay, maxBuckets);
    }

    int threads() {
        return embeddingThreads > 0 ? embeddingThreads : Runtime.getRuntime().availableProcessors();
    }
}
