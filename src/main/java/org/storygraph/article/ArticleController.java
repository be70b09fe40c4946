package org.storygraph.article;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.storygraph.article.ArticleQueries.ArticleFilter;
import org.storygraph.article.ArticleViews.ArticleDetail;
import org.storygraph.article.ArticleViews.ArticleSummary;
import org.storygraph.common.Page;
import org.storygraph.common.SortOrder;
import org.storygraph.common.TimeRange;
import org.storygraph.article.ArticleViews.TopicSummary;
import org.storygraph.common.NotFoundException;

@RestController
@RequestMapping("/api")
@Tag(name = "articles", description = "Articles and topics as loaded")
class ArticleController {

    private final ArticleQueries queries;
    private final DataQuality quality;

    ArticleController(ArticleQueries queries, DataQuality quality) {
        this.queries = queries;
        this.quality = quality;
    }

    @GetMapping("/quality")
    @Operation(summary = "Data quality: implausible article times (left out of first-reporter and lag figures), "
            + "failed files, articles without a story, duplicate copies, unknown outlets (providers with articles "
            + "but no media type and no collection)")
    DataQuality.QualityReport quality(@RequestParam(defaultValue = "100") @Min(1) @Max(10000) int limit) {
        return quality.report(limit);
    }

    @GetMapping("/articles")
    @Operation(summary = "List articles", description = "Newest first, or by relevance when q is given.")
    Page<ArticleSummary> articles(
            @Parameter(description = "provider domain, e.g. wbur.org") @RequestParam(required = false) String provider,
            @Parameter(description = "topic name") @RequestParam(required = false) String topic,
            @Parameter(description = "published at or after (ISO date or date-time, UTC when no zone)")
            @RequestParam(required = false) String from,
            @Parameter(description = "published before") @RequestParam(required = false) String to,
            @Parameter(description = "any original or canonical form of an article URL")
            @RequestParam(required = false) String url,
            @Parameter(description = "words of title or excerpt (all must match)")
            @RequestParam(required = false) String q,
            @Parameter(description = "sort=field[,asc|desc], repeatable; fields: published (newest first unless asked "
                    + "otherwise), title (A to Z); default: by relevance when q is given, else published,desc",
                    array = @ArraySchema(schema = @Schema(type = "string", allowableValues = {"published",
                            "published,desc", "published,asc", "title", "title,asc", "title,desc"})))
            @RequestParam(required = false) List<String> sort,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        TimeRange range = TimeRange.parse(from, to);
        SortOrder order = sort == null || sort.isEmpty() ? null : ArticleQueries.ARTICLE_SORTS.parse(sort);
        return queries.articles(new ArticleFilter(provider, topic, range.from(), range.to(), url, q), order, page,
                size);
    }

    @GetMapping("/articles/{id}")
    @Operation(summary = "One article with its provider, topics, related links in both directions and sources")
    ArticleDetail article(@PathVariable String id) {
        return queries.article(id).orElseThrow(() -> new NotFoundException("article", id));
    }

    @GetMapping("/topics")
    @Operation(summary = "Topics by number of articles")
    Page<TopicSummary> topics(
            @Parameter(description = "sort=field[,asc|desc], repeatable; fields: articles (most first unless asked "
                    + "otherwise), name (A to Z); default articles,desc", array = @ArraySchema(schema = @Schema(
                    type = "string", allowableValues = {"articles", "articles,desc", "articles,asc", "name",
                            "name,asc", "name,desc"})))
            @RequestParam(required = false) List<String> sort,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return queries.topics(ArticleQueries.TOPIC_SORTS.parse(sort), page, size);
    }
}
