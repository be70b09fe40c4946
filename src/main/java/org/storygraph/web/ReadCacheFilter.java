package org.storygraph.web;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.storygraph.graph.GraphChanged;

/**
 * Serves repeated GETs of story and provider views from memory. A story's articles, coverage and timeline change
 * only when data is loaded or clustered, while researchers and clients read the same stories over and over: every
 * write through this instance ({@link GraphChanged}) empties the cache, and entries also expire after
 * {@code storygraph.web.cache.ttl} for writes made by other processes. Responses carry a strong {@code ETag}
 * (SHA-256 of the body) and {@code Cache-Control: no-cache}, so HTTP clients revalidate and get {@code 304 Not
 * Modified} while nothing changed. Only {@code 200} JSON responses are kept; cross-origin requests (an
 * {@code Origin} header) pass through so CORS headers stay exact. {@code X-Cache: hit|miss} says which it was.
 * The store is a Caffeine cache ({@link ReadCache}) bounded by {@code storygraph.web.cache.max-size} bytes; its hits,
 * misses and evictions are Micrometer meters ({@code cache_gets_total{cache="storygraph.read",result="hit"}}, ...).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ReadCacheFilter extends OncePerRequestFilter implements MeterBinder {

    private final WebProperties.Cache config;
    private final ReadCache cache;
    private final AntPathMatcher paths = new AntPathMatcher();
    private final AtomicLong generation = new AtomicLong();

    ReadCacheFilter(WebProperties properties) {
        this.config = properties.cache();
        this.cache = new ReadCache(config.maxSize().toBytes(), config.ttl());
    }

    /** Boot binds every {@link MeterBinder} bean to the registry once it exists. */
    @Override
    public void bindTo(MeterRegistry registry) {
        cache.bindTo(registry);
    }

    @EventListener
    void onGraphChanged(GraphChanged event) {
        generation.incrementAndGet();
        cache.clear();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!config.enabled() || !"GET".equals(request.getMethod()) || request.getHeader(HttpHeaders.ORIGIN) != null) {
            return true;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.strip().startsWith(MediaType.TEXT_EVENT_STREAM_VALUE)) {
            return true; // a stream: buffering it would hold every event back
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return config.paths().stream().noneMatch(p -> paths.match(p, path))
                || config.excludedPaths().stream().anyMatch(p -> paths.match(p, path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getRequestURI() + '?' + (request.getQueryString() == null ? "" : request.getQueryString())
                + '\n' + (request.getHeader(HttpHeaders.ACCEPT) == null ? "" : request.getHeader(HttpHeaders.ACCEPT));
        long current = generation.get();
        ReadCache.Entry hit = cache.get(key, current);
        if (hit != null) {
            response.setHeader("X-Cache", "hit");
            if (hit.link() != null) {
                response.setHeader(HttpHeaders.LINK, hit.link());
            }
            respond(request, response, hit.body(), hit.contentType(), hit.etag());
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        wrapper.setHeader("X-Cache", "miss");
        chain.doFilter(request, wrapper);
        String contentType = wrapper.getContentType();
        if (wrapper.getStatus() != HttpServletResponse.SC_OK || contentType == null
                || !MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType))) {
            wrapper.copyBodyToResponse();
            return;
        }
        byte[] body = wrapper.getContentAsByteArray();
        String etag = etag(body);
        if (generation.get() == current) { // not computed across a write
            cache.put(key, new ReadCache.Entry(body, contentType, etag, current,
                    wrapper.getHeader(HttpHeaders.LINK)));
        }
        // headers the handler set are on the response already; its buffered body is answered as a hit would be
        respond(request, response, body, contentType, etag);
    }

    /** The body with its ETag, or 304 when the client already has it. */
    private static void respond(HttpServletRequest request, HttpServletResponse response, byte[] body,
            String contentType, String etag) throws IOException {
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (etag.equals(ifNoneMatch) || ("W/" + etag).equals(ifNoneMatch)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + HexFormat.of().formatHex(digest, 0, 16) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
