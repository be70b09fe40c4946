package org.storygraph.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.neo4j.core.schema.Id;
import org.springframework.data.neo4j.core.schema.Node;
import org.springframework.data.neo4j.core.schema.Relationship;

/**
 * The baseline of the load benchmark: the same articles saved the way a first Spring Data Neo4j version would —
 * an entity graph per article, one repository {@code save} (one transaction) per article. Only the benchmark uses
 * these types.
 */
final class NaiveEntities {

    private NaiveEntities() {
    }

    @Node("Provider")
    static class ProviderEntity {
        @Id
        String domain;
        String name;

        ProviderEntity(String domain, String name) {
            this.domain = domain;
            this.name = name;
        }
    }

    @Node("Topic")
    static class TopicEntity {
        @Id
        String name;

        TopicEntity(String name) {
            this.name = name;
        }
    }

    @Node("Article")
    static class ArticleEntity {
        @Id
        String url;
        String title;
        String excerpt;
        Instant publishedAt;
        @Relationship(type = "PUBLISHED_BY")
        ProviderEntity provider;
        @Relationship(type = "TAGGED")
        List<TopicEntity> topics = new ArrayList<>();
        @Relationship(type = "RELATED_TO")
        List<ArticleEntity> related = new ArrayList<>();

        ArticleEntity(String url, String title, String excerpt, Instant publishedAt) {
            this.url = url;
            this.title = title;
            this.excerpt = excerpt;
            this.publishedAt = publishedAt;
        }
    }
}
