package org.storygraph.feeds;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.storygraph.common.Page;

@RestController
@RequestMapping("/api")
@Tag(name = "feeds", description = "RSS and Atom feeds polled by the service")
class FeedController {

    private final FeedService feeds;

    FeedController(FeedService feeds) {
        this.feeds = feeds;
    }

    @GetMapping("/feeds")
    @Operation(summary = "The polled feeds: URL, interval, last fetch, HTTP status, error, consecutive failures, "
            + "next fetch, articles created (add and remove them with storygraph feeds add/remove)")
    Page<FeedView> list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return Page.slice(feeds.list(), page, size);
    }
}
