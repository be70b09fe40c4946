package org.storygraph.coverage;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.storygraph.common.Independence;
import org.storygraph.common.Paged;

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
     * because their time is missing, before 1990 or in the future. {@code independence} says what
     * {@code ?independent=true} left out of every figure ({@link Independence#NONE} without it). With
     * {@code ?groupBy=}: {@code groupBy} names the grouping, {@code groups} are the groups in order of their first
     * article and {@code firstGroups} the group(s) of the first report; without it these three are absent.
     */
    public record StoryCoverage(String storyId, String label, Instant firstReportAt, List<String> firstReporters,
            int providerCount, long articles, long implausibleArticles, List<ProviderCoverage> providers,
            Independence independence,
            @JsonInclude(JsonInclude.Include.NON_NULL) String groupBy,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> firstGroups,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<GroupCoverage> groups) {
    }

    /**
     * How one group of outlets (a collection, a country, a media type) covered a story: its articles, its outlets
     * ({@code outlets} of them, by domain in order of their first article), its first and last article, the lag of
     * its first article after the story's first report (whole minutes), its rank by first article (1 = first;
     * equal times share a rank) and whether it was (among) the first. {@code unknown} is true for the group
     * {@value CoverageGroup#UNKNOWN} of outlets without a value. An outlet in several collections counts in each,
     * so group articles can add up to more than the story's. Times are null when all its articles have implausible
     * times.
     */
    public record GroupCoverage(String name, boolean unknown, Integer rank, long articles, int outlets,
            List<String> providers, Instant firstAt, Instant lastAt, Long lagMinutes, boolean firstGroup) {
    }

    /** Another provider and how often the subject provider published before (or after) it on shared stories. */
    public record ProviderRelation(String domain, String name, long count, long sharedStories) {
    }

    /**
     * A provider's record: stories covered, how often it was (among) the first reporters, its median lag, and the
     * providers it most often precedes and follows; {@code independence} counts its own articles that
     * {@code ?independent=true} left out ({@link Independence#NONE} without it).
     */
    public record ProviderProfile(String domain, String name, long articles, long stories, long firstReports,
            Double medianLagMinutes, List<ProviderRelation> precedes, List<ProviderRelation> follows,
            Independence independence) {
    }

    /**
     * A lead/lag edge: {@code source} published before {@code target} on {@code leads} of their {@code shared}
     * stories, by a median of {@code medianLagMinutes}.
     */
    public record LeadLagEdge(String source, String sourceName, String target, String targetName, long leads,
            long shared, double medianLagMinutes) {
    }

    /**
     * A page of lead/lag edges: the one list shape ({@code items, page, size, total, totalPages}); with
     * {@code ?groupBy=} or {@code ?independent=true} also {@code independence} (what was left out) and,
     * when grouped, {@code groupBy}; absent otherwise. Between groups, an edge's source and target are
     * group names and its names are null.
     */
    public record LeadLagPage(List<LeadLagEdge> items, int page, int size, long total, int totalPages,
            @JsonInclude(JsonInclude.Include.NON_NULL) String groupBy,
            @JsonInclude(JsonInclude.Include.NON_NULL) Independence independence) implements Paged {
    }

    public record LeadLagNetwork(Instant from, Instant to, int minShared, List<LeadLagEdge> edges) {
    }

    /** Two providers' shared stories and the Jaccard index of their story sets. */
    public record ProviderOverlap(String a, String b, long shared, long storiesA, long storiesB, double jaccard) {
    }
}
