package org.storygraph.web;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rendered responses by request. Reads take no lock (tens of thousands of hits per second on two cores would queue
 * on one); once the bodies exceed {@code maxBytes}, expired entries and then the oldest stored go first.
 */
final class ReadCache {

    /** A rendered response; {@code link} is its RFC 8288 {@code Link} header (paged lists), or null. */
    record Entry(byte[] body, String contentType, String etag, long generation, long storedAtNanos,
            long expiresAtNanos, String link) {

        Entry(byte[] body, String contentType, String etag, long generation, long storedAtNanos,
                long expiresAtNanos) {
            this(body, contentType, etag, generation, storedAtNanos, expiresAtNanos, null);
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final long maxBytes;

    ReadCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    Entry get(String key, long generation, long nowNanos) {
        Entry e = entries.get(key);
        if (e != null && (e.generation() != generation || nowNanos - e.expiresAtNanos() >= 0)) {
            remove(key, e);
            return null;
        }
        return e;
    }

    void put(String key, Entry entry) {
        if (entry.body().length > maxBytes / 8) {
            return; // one response must not push out everything else
        }
        Entry old = entries.put(key, entry);
        bytes.addAndGet(entry.body().length - (old == null ? 0 : old.body().length));
        if (bytes.get() > maxBytes) {
            evict(entry.storedAtNanos());
        }
    }

    void clear() {
        entries.forEach(this::remove);
    }

    int size() {
        return entries.size();
    }

    private synchronized void evict(long nowNanos) {
        entries.forEach((k, e) -> {
            if (nowNanos - e.expiresAtNanos() >= 0) {
                remove(k, e);
            }
        });
        if (bytes.get() <= maxBytes) {
            return;
        }
        var oldestFirst = entries.entrySet().stream()
                .sorted(Comparator.comparingLong(x -> x.getValue().storedAtNanos())).toList();
        for (var x : oldestFirst) {
            if (bytes.get() <= maxBytes * 3 / 4) { // some room, so the next puts do not evict again at once
                break;
            }
            remove(x.getKey(), x.getValue());
        }
    }

    private void remove(String key, Entry e) {
        if (entries.remove(key, e)) {
            bytes.addAndGet(-e.body().length);
        }
    }
}
