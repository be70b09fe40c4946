package org.storygraph.clustering;

import java.util.List;
import java.util.Map;

/**
 * What clustering knows about one article: its embedding, stemmed terms (with the written form of each), time,
 * topics and current story.
 *
 * @param epochSecond publication time, or {@link Agglomerator#NO_TIME}
 * @param story       id of the story it belongs to, or null
 */
record Features(String url, String id, long epochSecond, float[] embedding, Map<String, Float> terms,
        Map<String, String> surfaces, List<String> topics, String story) {

    Features withStory(String storyId) {
        return new Features(url, id, epochSecond, embedding, terms, surfaces, topics, storyId);
    }
}
