package org.storygraph.coverage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.storygraph.coverage.CoverageViews.GroupCoverage;

/** A story's coverage summed by group of outlets ({@code ?groupBy=}): collection, country or media type. */
final class CoverageGroups {

    private CoverageGroups() {
    }

    /** A group's coverage of one story, summed over its outlets' rows. */
    private static final class GroupSum {
        final String name;
        final boolean unknown;
        final Set<String> providers = new LinkedHashSet<>();
        long articles;
        Instant first;
        Instant last;

        GroupSum(String name, boolean unknown) {
            this.name = name;
            this.unknown = unknown;
        }

        void add(CoverageRow r) {
            providers.add(r.domain());
            articles += r.articles();
            if (r.first() != null && (first == null || r.first().isBefore(first))) {
                first = r.first();
            }
            if (r.last() != null && (last == null || r.last().isAfter(last))) {
                last = r.last();
            }
        }
    }

    /**
     * The providers' rows summed by group (an outlet in several groups counts in each; one without any in
     * {@link CoverageGroup#UNKNOWN}), ordered by first article (groups without a plausible time last), then name;
     * ranked and lagged from the story's first report as providers are.
     */
    static List<GroupCoverage> sum(List<CoverageRow> rows, Instant firstReport) {
        Map<String, GroupSum> sums = new LinkedHashMap<>();
        for (CoverageRow r : rows) {
            if (r.groups().isEmpty()) {
                sums.computeIfAbsent(CoverageGroup.UNKNOWN, n -> new GroupSum(n, true)).add(r);
            }
            for (String name : new LinkedHashSet<>(r.groups())) {
                sums.computeIfAbsent(name, n -> new GroupSum(n, false)).add(r);
            }
        }
        List<GroupSum> ordered = new ArrayList<>(sums.values());
        ordered.sort(Comparator.comparing((GroupSum g) -> g.first, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(g -> g.name));
        List<GroupCoverage> groups = new ArrayList<>();
        int rank = 0;
        Instant previous = null;
        for (int i = 0; i < ordered.size(); i++) {
            GroupSum g = ordered.get(i);
            Integer groupRank = null;
            Long lag = null;
            if (g.first != null) {
                if (!g.first.equals(previous)) {
                    rank = i + 1;
                    previous = g.first;
                }
                groupRank = rank;
                lag = Duration.between(firstReport, g.first).toMinutes();
            }
            groups.add(new GroupCoverage(g.name, g.unknown, groupRank, g.articles, g.providers.size(),
                    List.copyOf(g.providers), g.first, g.last, lag, g.first != null && g.first.equals(firstReport)));
        }
        return List.copyOf(groups);
    }
}
