package org.storygraph.web;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Rendered responses by request, least recently used dropped first once their bodies exceed {@code maxBytes}. */
final class ReadCache {

    record Entry(byte[] body, String contentType, String etag, long generation, long expiresAtNanos) {
    }

    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private final long maxBytes;
    private long bytes;

    ReadCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    synchronized Entry get(String key, long generation, long nowNanos) {
        Entry e = entries.get(key);
        if (e != null && (e.generation() != generation || nowNanos - e.expiresAtNanos() >= 0)) {
            remove(key);
            return null;
        }
        return e;
    }

    synchronized void put(String key, Entry entry) {
        if (entry.body().length > maxBytes / 8) {
            return; // one response must not push out everything else
        }
        remove(key);
        entries.put(key, entry);
        bytes += entry.body().length;
        Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().getValue().body().length;
            eldest.remove();
        }
    }

    synchronized void clear() {
        entries.clear();
        bytes = 0;
    }

    synchronized int size() {
        return entries.size();
    }

    private void remove(String key) {
        Entry old = entries.remove(key);
        if (old != null) {
            bytes -= old.body().length;
        }
    }
}
