package org.storygraph.graph;

/**
 * The unique keys of the schema ({@code cypher/migrations/V0001__unique_keys.cypher}): a node kind and the property
 * that identifies it, each with its existence query ({@link Graph#exists(NodeKey, Object)}), which the key's
 * constraint index answers.
 */
public enum NodeKey {
    ARTICLE_ID("""
            MATCH (n:Article {id: $value}) RETURN n LIMIT 1
            """),
    ARTICLE_URL("""
            MATCH (n:Article {url: $value}) RETURN n LIMIT 1
            """),
    PROVIDER_DOMAIN("""
            MATCH (n:Provider {domain: $value}) RETURN n LIMIT 1
            """),
    TOPIC_NAME("""
            MATCH (n:Topic {name: $value}) RETURN n LIMIT 1
            """),
    STORY_ID("""
            MATCH (n:Story {id: $value}) RETURN n LIMIT 1
            """),
    SOURCE_FILE_PATH("""
            MATCH (n:SourceFile {path: $value}) RETURN n LIMIT 1
            """);

    private final String cypher;

    NodeKey(String cypher) {
        this.cypher = cypher;
    }

    String cypher() {
        return cypher;
    }
}
