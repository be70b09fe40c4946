package org.storygraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The cache's own rules: generation and age, its memory budget (by weight), its statistics as meters. */
class ReadCacheUnitTest {

    private final AtomicLong nanos = new AtomicLong();

    private ReadCache cache(long maxBytes) {
        return new ReadCache(maxBytes, Duration.ofNanos(100), nanos::get);
    }

    private static ReadCache.Entry entry(int size, long generation) {
        return new ReadCache.Entry(new byte[size], "application/json", "\"e\"", generation);
    }

    @Test
    void anEntryOfAnOlderGenerationOrPastItsAgeIsGone() {
        ReadCache cache = cache(1_000);
        cache.put("a", entry(10, 1));
        nanos.set(50);
        assertThat(cache.get("a", 1)).isNotNull();
        assertThat(cache.get("a", 2)).isNull();
        assertThat(cache.get("a", 1)).as("removed once seen stale").isNull();
        cache.put("b", entry(10, 1));
        nanos.set(150);
        assertThat(cache.get("b", 1)).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void staysWithinItsBudgetByTheWeightOfTheBodies() {
        ReadCache cache = cache(1_000);
        for (int i = 0; i < 20; i++) {
            cache.put("k" + (i < 10 ? "0" : "") + i, entry(98, 1)); // 98 + 3 key characters = 101 bytes each
        }
        assertThat(cache.bytes()).isLessThanOrEqualTo(1_000).isGreaterThan(500);
        assertThat(cache.size()).isBetween(5L, 9L);
        cache.put("huge", entry(200, 1)); // more than an eighth of the budget: not kept
        assertThat(cache.get("huge", 1)).isNull();
        cache.clear();
        assertThat(cache.size()).isZero();
        assertThat(cache.bytes()).isZero();
    }

    @Test
    void aFewLargeBodiesPushOutManySmallOnes() {
        ReadCache cache = cache(10_000);
        for (int i = 0; i < 50; i++) {
            cache.put("small" + i, entry(10, 1));
        }
        assertThat(cache.size()).isEqualTo(50);
        for (int i = 0; i < 12; i++) {
            String key = "large" + i;
            cache.put(key, entry(1_000, 1));
            cache.get(key, 1); // read often: worth keeping
            cache.get(key, 1);
        }
        assertThat(cache.bytes()).isLessThanOrEqualTo(10_000);
        assertThat(cache.size()).as("by weight, not by entry count").isLessThan(50 + 12);
    }

    @Test
    void countsHitsMissesAndEvictionsAsMeters() {
        var registry = new SimpleMeterRegistry();
        ReadCache cache = cache(1_000);
        cache.bindTo(registry);
        cache.put("a", entry(10, 1));
        cache.get("a", 1);
        cache.get("a", 1);
        cache.get("b", 1);
        for (int i = 0; i < 20; i++) {
            cache.put("e" + i, entry(100, 1));
        }
        cache.size();
        assertThat(registry.get("cache.gets").tag("cache", ReadCache.NAME).tag("result", "hit").functionCounter()
                .count()).isEqualTo(2);
        assertThat(registry.get("cache.gets").tag("cache", ReadCache.NAME).tag("result", "miss").functionCounter()
                .count()).isEqualTo(1);
        assertThat(registry.get("cache.evictions").tag("cache", ReadCache.NAME).functionCounter().count())
                .isPositive();
        assertThat(registry.get("storygraph.read.cache.bytes").gauge().value()).isBetween(1.0, 1_000.0);
    }
}
