package org.storygraph.coverage;

import java.time.Instant;
import java.util.List;

/** Record DTOs of the coverage endpoints. Lags are whole minutes after the story's first report. */
public final class CoverageViews {

    private CoverageViews() {
    }

    /**
     * How one provider covered a story. {@code rank} orders providers by their first article (1 = first reporter;
     * providers with equal times share a rank); {@code share} is the provider's fraction of the story's articles.
     * {@code firstAt}, {@code lagMinutes} and {@code rank} are null when all its articles have implausible times.
     */
    public record ProviderCoverage(String domain, String name, Integer rank, long articles, double share,
            Instant firstAt, Instant lastAt, Long lagMinutes, boolean firstReporter) {
    }

    /**
     * Who covered a story. {@code implausibleArticles} counts articles left out of first-reporter and lag figures
     * because their time is missing, before 1990 or in the future.
     */
    public record StoryCoverage(String storyId, String label, Instant firstReportAt, List<String> firstReporters,
            int providerCount, long articles, long implausibleArticles, List<ProviderCoverage> providers) {
    }

    /** Another provider and how often the subject provider published before (or after) it on shared stories. */
    public record ProviderRelation(String domain, String name, long count, long sharedStories) {
    }

    /**
     * A provider's record: stories covered, how often it was (among) the first reporters, its median lag, and the
     * providers it most often precedes and follows.
     */
    public record ProviderProfile(String domain, String name, long articles, long stories, long firstReports,
            Double medianLagMinutes, List<ProviderRelation> precedes, List<ProviderRelation> follows) {
    }

    /**
     * A lead/lag edge: {@code source} published before {@code target} on {@code leads} of their {@code shared}
     * stories, by a median of {@code medianLagMinutes}.
     */
    public record LeadLagEdge(String source, String sourceName, String target, String targetName, long leads,
            long shared, double medianLagMinutes) {
    }

    public record LeadLagNetwork(Instant from, Instant to, int minShared, List<LeadLagEdge> edges) {
    }

    /** Two providers' shared stories and the Jaccard index of their story sets. */
    public record ProviderOverlap(String a, String b, long shared, long storiesA, long storiesB, double jaccard) {
    }
}
