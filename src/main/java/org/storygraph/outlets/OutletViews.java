package org.storygraph.outlets;

import java.util.List;

/** What the outlet endpoints return. */
public final class OutletViews {

    private OutletViews() {
    }

    /**
     * A provider with its article count and outlet metadata (null where the outlet file said nothing).
     *
     * @param collections the collections it belongs to, A to Z
     */
    public record ProviderSummary(String domain, String name, long articles, String country, String language,
            String mediaType, String owner, List<String> collections) {
    }

    /** A collection with how many outlets it holds and how many articles they published. */
    public record CollectionSummary(String name, long outlets, long articles) {
    }

    /** A collection and its outlets, most articles first. */
    public record CollectionDetail(String name, long outlets, long articles, List<ProviderSummary> providers) {
    }

    /** Filters of the provider list; null does not filter. */
    public record ProviderFilter(String q, String collection, String mediaType, String country) {
    }
}
