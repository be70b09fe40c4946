package org.storygraph.story;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.storygraph.common.InvalidParameterException;

@RestController
@RequestMapping("/api")
@Tag(name = "stories")
class ChangeFeedController {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final ChangeFeed feed;

    ChangeFeedController(ChangeFeed feed) {
        this.feed = feed;
    }

    @GetMapping("/stories/changes")
    @Operation(summary = "Story changes as server-sent events, as clustering runs land",
            description = "Each change a run makes is one event: `event:` created, grown, merged, split or removed; "
                    + "`id:` its sequence number (increasing across runs); `data:` {storyId, runId, fromIds, size, "
                    + "at}. Reconnecting with the header Last-Event-ID (or ?lastEventId=) first sends the stored "
                    + "changes after it, then live ones. Lines starting with ':' are heartbeats.")
    @ApiResponse(responseCode = "200", description = "the stream",
            content = @Content(mediaType = "text/event-stream", schema = @Schema(type = "string")))
    SseEmitter changes(
            @Parameter(description = "the id of the last event received: the changes after it are sent first")
            @RequestHeader(name = LAST_EVENT_ID, required = false) String header,
            @Parameter(description = "as the Last-Event-ID header, for clients that cannot set it")
            @RequestParam(required = false) String lastEventId) {
        String given = header != null && !header.isBlank() ? header : lastEventId;
        return feed.subscribe(parse(given));
    }

    private static Long parse(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            long n = Long.parseLong(id.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // below
        }
        throw new InvalidParameterException("lastEventId", "Invalid value '" + id + "' for Last-Event-ID: expected "
                + "the id of an event of this feed (a whole number, 0 or more)");
    }
}
