package org.storygraph.common;

import java.util.List;

/** One page of a longer list: its items, the page number (from 0), the page size and the totals. */
public record Page<T>(List<T> items, int page, int size, long total, int totalPages) implements Paged {

    public static <T> Page<T> of(List<T> items, int page, int size, long total) {
        return new Page<>(items, page, size, total, (int) ((total + size - 1) / size));
    }

    /** Page {@code page} (from 0) of {@code size} items of a list held in memory; empty beyond the end. */
    public static <T> Page<T> slice(List<T> all, int page, int size) {
        int from = (int) Math.min((long) page * size, all.size());
        return of(List.copyOf(all.subList(from, Math.min(from + size, all.size()))), page, size, all.size());
    }
}
