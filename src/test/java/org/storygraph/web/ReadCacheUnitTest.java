package org.storygraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The cache's own rules: generation and age, its memory budget, oldest entries dropped first. */
class ReadCacheUnitTest {

    private static ReadCache.Entry entry(int size, long generation, long storedAt, long expiresAt) {
        return new ReadCache.Entry(new byte[size], "application/json", "\"e\"", generation, storedAt, expiresAt);
    }

    @Test
    void anEntryOfAnOlderGenerationOrPastItsAgeIsGone() {
        ReadCache cache = new ReadCache(1_000);
        cache.put("a", entry(10, 1, 0, 100));
        assertThat(cache.get("a", 1, 50)).isNotNull();
        assertThat(cache.get("a", 2, 50)).isNull();
        cache.put("b", entry(10, 1, 0, 100));
        assertThat(cache.get("b", 1, 100)).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void staysWithinItsBudgetDroppingTheOldestFirst() {
        ReadCache cache = new ReadCache(1_000);
        for (int i = 0; i < 20; i++) {
            cache.put("k" + i, entry(100, 1, i, Long.MAX_VALUE));
        }
        assertThat(cache.size()).isBetween(7, 10);
        assertThat(cache.get("k19", 1, 20)).isNotNull();
        assertThat(cache.get("k0", 1, 20)).isNull();
        cache.put("huge", entry(200, 1, 21, Long.MAX_VALUE)); // more than an eighth of the budget: not kept
        assertThat(cache.get("huge", 1, 22)).isNull();
        cache.clear();
        assertThat(cache.size()).isZero();
    }
}
