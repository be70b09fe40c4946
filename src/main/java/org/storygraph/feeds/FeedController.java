package org.storygraph.feeds;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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
    List<FeedView> list() {
        return feeds.list();
    }
}
