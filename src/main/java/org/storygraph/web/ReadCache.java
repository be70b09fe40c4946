package org.storygraph.web;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Rendered responses by request, on Caffeine: bounded by weight (the bytes of the cached bodies and keys, at most
 * {@code maxBytes}; Caffeine's W-TinyLFU policy picks what goes, by frequency and recency), entries expire
 * {@code ttl} after they were written, and statistics (hits, misses, evictions) are recorded for the metrics. Reads
 * take no lock. An entry also carries the write generation it was rendered in: one of an older generation (rendered
 * while a write committed) is never served.
 */
final class ReadCache {

    /** The name of the cache in the metrics ({@code cache="storygraph.read"} on the {@code cache_*} meters). */
    static final String NAME = "storygraph.read";

    /** A rendered response; {@code link} is its RFC 8288 {@code Link} header (paged lists), or null. */
    record Entry(byte[] body, String contentType, String etag, long generation, String link) {

        Entry(byte[] body, String contentType, String etag, long generation) {
            this(body, contentType, etag, generation, null);
        }
    }

    private final Cache<String, Entry> entries;
    private final long maxEntryBytes;

    ReadCache(long maxBytes, Duration ttl) {
        this(maxBytes, ttl, Ticker.systemTicker());
    }

    ReadCache(long maxBytes, Duration ttl, Ticker ticker) {
        this.maxEntryBytes = maxBytes / 8; // one response must not push out everything else
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Entry e) -> weight(key, e))
                .expireAfterWrite(ttl)
                .ticker(ticker)
                .executor(Runnable::run) // evictions on the caller's thread: bounded at once, no pool needed
                .recordStats()
                .build();
    }

    private static int weight(String key, Entry e) {
        return (int) Math.min(Integer.MAX_VALUE, (long) e.body().length + key.length());
    }

    Entry get(String key, long generation) {
        Entry e = entries.getIfPresent(key);
        if (e != null && e.generation() != generation) {
            entries.asMap().remove(key, e);
            return null;
        }
        return e;
    }

    void put(String key, Entry entry) {
        if (weight(key, entry) > maxEntryBytes) {
            return;
        }
        entries.put(key, entry);
    }

    void clear() {
        entries.invalidateAll();
    }

    /** Entries held now (after pending evictions and expiries are applied). */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /** The weight held now: bytes of bodies and keys. */
    long bytes() {
        entries.cleanUp();
        return entries.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    /**
     * Binds the cache to Micrometer: {@code cache_gets_total{result=hit|miss}}, {@code cache_evictions_total},
     * {@code cache_size}, ... (Micrometer's Caffeine binder) and {@code storygraph_read_cache_bytes}.
     */
    void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, entries, NAME);
        Gauge.builder("storygraph.read.cache.bytes", this, c -> c.entries.policy().eviction().orElseThrow()
                        .weightedSize().orElse(0))
                .description("Bytes of the responses held by the read cache")
                .baseUnit("bytes")
                .register(registry);
    }
}
