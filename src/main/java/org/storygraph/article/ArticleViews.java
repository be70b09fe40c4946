package org.storygraph.article;

import java.time.Instant;
import java.util.List;

import org.storygraph.common.ProviderRef;

/** Record DTOs of the article, provider and topic endpoints. */
public final class ArticleViews {

    private ArticleViews() {
    }

    public record ArticleSummary(String id, String url, String title, Instant publishedAt, ProviderRef provider,
            List<String> topics) {
    }

    /** A RELATED_TO link seen from one end; {@code rank} is the position in the source item's related list. */
    public record RelatedLink(int rank, String id, String url, String title, Instant publishedAt,
            ProviderRef provider) {
    }

    public record ArticleDetail(String id, String url, List<String> originalUrls, String title, String excerpt,
            Instant publishedAt, String type, String category, Integer quality, Integer heat, String ampUrl,
            String imageUrl, ProviderRef provider, List<String> topics, List<RelatedLink> related,
            List<RelatedLink> relatedFrom, List<String> sourceFiles) {
    }

    public record ProviderSummary(String domain, String name, long articles) {
    }

    public record TopicSummary(String name, long articles) {
    }
}
