package org.storygraph.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param apiKey      a key that write endpoints ({@code POST /api/ingest}, ...) accept, sent as
 *                    {@code Authorization: Bearer KEY} or {@code X-API-Key: KEY}. Set it with
 *                    {@code STORYGRAPH_WEB_API_KEY}. Without any key (the default) writes are disabled (403)
 * @param apiKeys     more accepted keys (default none), e.g. the old and the new key while clients move over
 *                    (rotation); {@code STORYGRAPH_WEB_API_KEYS=key1,key2}. All of these and {@code apiKey} are
 *                    accepted alike
 * @param corsOrigins origins allowed to call {@code /api/**} from a browser (default none: CORS off)
 * @param maxJsonBody largest non-upload request body accepted (default 1MB)
 * @param cache       the read cache of story and provider views ({@link ReadCacheFilter})
 */
@ConfigurationProperties("storygraph.web")
public record WebProperties(String apiKey, @DefaultValue List<String> apiKeys, @DefaultValue List<String> corsOrigins,
        @DefaultValue("1MB") DataSize maxJsonBody, @DefaultValue Cache cache) {

    /**
     * @param enabled keep rendered responses of {@code paths} in memory (default true)
     * @param ttl     longest a response is served from memory (default 60s). Writes through this instance (loads,
     *                clustering) empty the cache at once; the age limit bounds staleness only when another process
     *                writes to the same Neo4j server
     * @param maxSize memory for cached responses: the bytes of the cached bodies (and their keys) are the weight of a
     *                Caffeine cache, which drops entries by frequency and recency (W-TinyLFU) once they exceed it;
     *                a single response larger than an eighth of it is not kept (default 64MB)
     * @param paths   GET paths (Ant patterns) whose JSON responses are cached (default: story list, story, coverage,
     *                timeline and graph views, provider profiles)
     * @param excludedPaths paths among those never passed through the cache: streams, which it would buffer
     *                (default: the story change feed, {@code /api/stories/changes}); requests that accept only
     *                {@code text/event-stream} are never cached either
     */
    public record Cache(@DefaultValue("true") boolean enabled, @DefaultValue("60s") Duration ttl,
            @DefaultValue("64MB") DataSize maxSize,
            @DefaultValue({"/api/stories", "/api/stories/*", "/api/stories/*/coverage", "/api/stories/*/timeline",
                    "/api/stories/*/graph", "/api/providers/*"}) List<String> paths,
            @DefaultValue("/api/stories/changes") List<String> excludedPaths) {
    }
}
