package org.storygraph.coverage;

import static org.storygraph.graph.Convert.doubleOrNull;
import static org.storygraph.graph.Convert.instant;
import static org.storygraph.graph.Convert.string;
import static org.storygraph.graph.Convert.utc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;
import org.neo4j.driver.types.MapAccessor;
import org.springframework.stereotype.Service;
import org.storygraph.coverage.CoverageViews.GroupCoverage;
import org.storygraph.coverage.CoverageViews.LeadLagEdge;
import org.storygraph.coverage.CoverageViews.LeadLagNetwork;
import org.storygraph.coverage.CoverageViews.LeadLagPage;
import org.storygraph.coverage.CoverageViews.ProviderCoverage;
import org.storygraph.coverage.CoverageViews.ProviderOverlap;
import org.storygraph.coverage.CoverageViews.ProviderProfile;
import org.storygraph.coverage.CoverageViews.ProviderRelation;
import org.storygraph.coverage.CoverageViews.StoryCoverage;
import org.storygraph.common.Independence;
import org.storygraph.common.Page;
import org.storygraph.common.SortFields;
import org.storygraph.common.SortFields.Field;
import org.storygraph.common.SortOrder;
import org.storygraph.common.TimeRange;
import org.storygraph.graph.Graph;
import org.storygraph.graph.ReadRetry;

/**
 * Cross-provider coverage: who covered a story and when, and who tends to lead whom, read from the
 * {@code (:Provider)-[:COVERED]->(:Story)} relationships clustering maintains. A provider's time on a story is
 * the time of its first article in it; articles with implausible times ({@code timeFlag}) count as coverage but not
 * for times, ranks or lags. Duplicates and related items clustered into a story are coverage like any article,
 * unless {@code independent} is asked: then syndicated copies ({@code DUPLICATE_OF}) and articles of outlets of
 * media type {@code wire} are left out ({@link Independence}), which needs the articles rather than {@code COVERED}.
 * Figures grouped by {@link CoverageGroup} read the outlet metadata ({@code Provider.country}, {@code .mediaType},
 * {@code (:Provider)-[:IN_COLLECTION]->(:Collection)}).
 */
@Service
@ReadRetry
public class CoverageService {

    private final Graph graph;

    CoverageService(Graph graph) {
        this.graph = graph;
    }

    /** A story as its coverage needs it. */
    private record StoryRows(String label, List<CoverageRow> rows) {
    }

    /** A provider's totals. */
    private record ProfileRow(String domain, String name, long articles, long stories, long firsts,
            Double medianLag) {
    }

    /** Another provider sharing stories with the subject, and who published first on how many of them. */
    private record RelationRow(String domain, String name, long shared, long precedes, long follows) {
    }

    /**
     * The groups of provider {@code p} under {@code $groupBy} (a {@link CoverageGroup} parameter name, or null for
     * none): collection names, or the country or media type when set; an empty list when it has none.
     */
    private static final String GROUPS = """
            CASE $groupBy
                WHEN 'collection' THEN [(p)-[:IN_COLLECTION]->(col:Collection) WHERE col.name IS NOT NULL | col.name]
                WHEN 'country' THEN [v IN [p.country] WHERE v IS NOT NULL AND trim(toString(v)) <> '' | toString(v)]
                WHEN 'mediaType' THEN [v IN [p.mediaType] WHERE v IS NOT NULL AND trim(toString(v)) <> ''
                                       | toString(v)]
                ELSE []
            END""";

    /** The independence rule ({@link Independence}) for an article {@code a} published by {@code p}. */
    private static final String INDEPENDENT_ARTICLE = """
            NOT EXISTS { (a)-[:DUPLICATE_OF]->(:Article) } AND coalesce(p.mediaType, '') <> 'wire'""";

    /**
     * Counts, over the rows of articles {@code a} with their providers {@code p}, what the independence rule leaves
     * out: copies, and wire articles that are not copies.
     */
    private static final String LEFT_OUT = """
            WITH a, p, EXISTS { (a)-[:DUPLICATE_OF]->(:Article) } AS copy
            RETURN count(CASE WHEN copy THEN 1 END) AS copies,
                   count(CASE WHEN NOT copy AND coalesce(p.mediaType, '') = 'wire' THEN 1 END) AS wire
            """;

    public Optional<StoryCoverage> story(String storyId) {
        return story(storyId, null, false);
    }

    /**
     * A story's coverage by provider and, when {@code groupBy} is given, by group; with {@code independent} only
     * over its independent articles (no copies, no wire articles), saying how many were left out.
     */
    public Optional<StoryCoverage> story(String storyId, CoverageGroup groupBy, boolean independent) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", storyId);
        params.put("groupBy", groupBy == null ? null : groupBy.parameter());
        // one round trip: the story's label with its rows (an unknown story: no record)
        Optional<StoryRows> story = graph.one("""
                MATCH (s:Story {id: $id})
                RETURN s.label AS label, COLLECT {
                """ + (independent ? """
                    MATCH (s)<-[:IN_STORY]-(a:Article)-[:PUBLISHED_BY]->(p:Provider)
                    WHERE %s
                    WITH p, a, CASE WHEN a.timeFlag IS NULL THEN a.publishedAt END AS time
                    WITH p, count(a) AS articles, count(time) AS timed, min(time) AS first, max(time) AS last
                    WITH p.domain AS domain, p.name AS name, articles, first, last, articles - timed AS implausible,
                         %s AS groups
                    """.formatted(INDEPENDENT_ARTICLE, GROUPS) : """
                    MATCH (s)<-[c:COVERED]-(p:Provider)
                    WITH p.domain AS domain, p.name AS name, c.articles AS articles, c.first AS first,
                         c.last AS last, c.implausible AS implausible, %s AS groups
                    """.formatted(GROUPS)) + """
                    ORDER BY first IS NULL, first, domain
                    RETURN {domain: domain, name: name, articles: articles, first: first, last: last,
                            implausible: implausible, groups: groups}
                } AS rows
                """, params, CoverageService::storyRows);
        if (story.isEmpty()) {
            return Optional.empty();
        }
        List<CoverageRow> rows = story.get().rows();
        Independence independence = !independent ? Independence.NONE : graph.one("""
                MATCH (:Story {id: $id})<-[:IN_STORY]-(a:Article)-[:PUBLISHED_BY]->(p:Provider)
                """ + LEFT_OUT, params, CoverageService::independence).orElseThrow();
        long total = rows.stream().mapToLong(CoverageRow::articles).sum();
        long implausible = rows.stream().mapToLong(CoverageRow::implausible).sum();
        Instant firstReport = rows.stream().map(CoverageRow::first).filter(t -> t != null).min(Instant::compareTo)
                .orElse(null);
        List<ProviderCoverage> providers = new ArrayList<>();
        List<String> firstReporters = new ArrayList<>();
        int rank = 0;
        Instant previous = null;
        for (int i = 0; i < rows.size(); i++) {
            CoverageRow r = rows.get(i);
            Integer providerRank = null;
            Long lag = null;
            if (r.first() != null) {
                if (!r.first().equals(previous)) {
                    rank = i + 1;
                    previous = r.first();
                }
                providerRank = rank;
                lag = Duration.between(firstReport, r.first()).toMinutes();
            }
            boolean first = r.first() != null && r.first().equals(firstReport);
            if (first) {
                firstReporters.add(r.domain());
            }
            providers.add(new ProviderCoverage(r.domain(), r.name(), providerRank, r.articles(),
                    total == 0 ? 0 : (double) r.articles() / total, r.first(), r.last(), lag, first));
        }
        List<GroupCoverage> groups = groupBy == null ? null : CoverageGroups.sum(rows, firstReport);
        List<String> firstGroups = groups == null ? null
                : groups.stream().filter(GroupCoverage::firstGroup).map(GroupCoverage::name).toList();
        return Optional.of(new StoryCoverage(storyId, story.get().label(), firstReport,
                List.copyOf(firstReporters), rows.size(), total, implausible, List.copyOf(providers), independence,
                groupBy == null ? null : groupBy.parameter(), firstGroups, groups));
    }

    /**
     * The independence rule ({@link Independence}) for an article {@code b} published by {@code q} (the other side
     * of {@link #INDEPENDENT_ARTICLE}).
     */
    private static final String INDEPENDENT_OTHER = """
            NOT EXISTS { (b)-[:DUPLICATE_OF]->(:Article) } AND coalesce(q.mediaType, '') <> 'wire'""";

    public Optional<ProviderProfile> provider(String domain, int relations) {
        return provider(domain, relations, false);
    }

    /**
     * A provider's record; with {@code independent} over independent articles only: its own copies (and, for a wire
     * service, all its articles) are left out, and a story's first report and the providers it precedes or follows
     * are measured among the independent articles of every provider. {@code independence} counts the provider's
     * own articles left out.
     */
    public Optional<ProviderProfile> provider(String domain, int relations, boolean independent) {
        Map<String, Object> params = Map.of("domain", domain);
        return graph.one(independent ? """
                MATCH (p:Provider {domain: $domain})
                CALL (p) {
                    OPTIONAL MATCH (p)<-[:PUBLISHED_BY]-(a:Article)-[:IN_STORY]->(s:Story)
                    WHERE %s
                    WITH s, min(CASE WHEN a.timeFlag IS NULL THEN a.publishedAt END) AS mine
                    CALL (s) {
                        OPTIONAL MATCH (s)<-[:IN_STORY]-(b:Article)-[:PUBLISHED_BY]->(q:Provider)
                        WHERE b.timeFlag IS NULL AND %s
                        RETURN min(b.publishedAt) AS storyFirst
                    }
                    WITH s, mine, storyFirst, duration.inSeconds(storyFirst, mine).seconds / 60.0 AS lag
                    RETURN count(s) AS stories,
                           count(CASE WHEN mine IS NOT NULL AND mine = storyFirst THEN 1 END) AS firsts,
                           percentileCont(lag, 0.5) AS medianLag
                }
                RETURN p.domain AS domain, p.name AS name,
                       COUNT { MATCH (a:Article)-[:PUBLISHED_BY]->(p) WHERE %s } AS articles,
                       stories, firsts, medianLag
                """.formatted(INDEPENDENT_ARTICLE, INDEPENDENT_OTHER, INDEPENDENT_ARTICLE) : """
                MATCH (p:Provider {domain: $domain})
                CALL (p) {
                    OPTIONAL MATCH (p)-[c:COVERED]->(s:Story)
                    WITH s, c.first AS mine, duration.inSeconds(s.firstPublishedAt, c.first).seconds / 60.0 AS lag
                    RETURN count(s) AS stories,
                           count(CASE WHEN mine IS NOT NULL AND mine = s.firstPublishedAt THEN 1 END) AS firsts,
                           percentileCont(lag, 0.5) AS medianLag
                }
                RETURN p.domain AS domain, p.name AS name, COUNT { (p)<-[:PUBLISHED_BY]-(:Article) } AS articles,
                       stories, firsts, medianLag
                """, params, CoverageService::profileRow).map(row -> {
            List<ProviderRelation> precedes = new ArrayList<>();
            List<ProviderRelation> follows = new ArrayList<>();
            for (RelationRow r : graph.list(independent ? """
                    MATCH (p:Provider {domain: $domain})<-[:PUBLISHED_BY]-(a:Article)-[:IN_STORY]->(s:Story)
                    WHERE a.timeFlag IS NULL AND a.publishedAt IS NOT NULL AND %s
                    WITH p, s, min(a.publishedAt) AS mine
                    MATCH (s)<-[:IN_STORY]-(b:Article)-[:PUBLISHED_BY]->(q:Provider)
                    WHERE q <> p AND b.timeFlag IS NULL AND b.publishedAt IS NOT NULL AND %s
                    WITH q, s, mine, min(b.publishedAt) AS theirs
                    RETURN q.domain AS domain, q.name AS name, count(s) AS shared,
                           count(CASE WHEN mine < theirs THEN 1 END) AS precedes,
                           count(CASE WHEN mine > theirs THEN 1 END) AS follows
                    ORDER BY shared DESC, domain
                    """.formatted(INDEPENDENT_ARTICLE, INDEPENDENT_OTHER) : """
                    MATCH (p:Provider {domain: $domain})-[mine:COVERED]->(s:Story)<-[theirs:COVERED]-(q:Provider)
                    WHERE q <> p AND mine.first IS NOT NULL AND theirs.first IS NOT NULL
                    RETURN q.domain AS domain, q.name AS name, count(s) AS shared,
                           count(CASE WHEN mine.first < theirs.first THEN 1 END) AS precedes,
                           count(CASE WHEN mine.first > theirs.first THEN 1 END) AS follows
                    ORDER BY shared DESC, domain
                    """, params, CoverageService::relationRow)) {
                if (r.precedes() > 0) {
                    precedes.add(new ProviderRelation(r.domain(), r.name(), r.precedes(), r.shared()));
                }
                if (r.follows() > 0) {
                    follows.add(new ProviderRelation(r.domain(), r.name(), r.follows(), r.shared()));
                }
            }
            Comparator<ProviderRelation> order = Comparator.comparingLong(ProviderRelation::count).reversed()
                    .thenComparing(ProviderRelation::domain);
            precedes.sort(order);
            follows.sort(order);
            Independence independence = !independent ? Independence.NONE : graph.one("""
                    MATCH (a:Article)-[:PUBLISHED_BY]->(p:Provider {domain: $domain})
                    """ + LEFT_OUT, params, CoverageService::independence).orElseThrow();
            return new ProviderProfile(row.domain(), row.name(), row.articles(), row.stories(), row.firsts(),
                    row.medianLag(), List.copyOf(precedes.subList(0, Math.min(relations, precedes.size()))),
                    List.copyOf(follows.subList(0, Math.min(relations, follows.size()))), independence);
        });
    }

    /**
     * Sortable fields of the lead/lag edges: {@code leads} and {@code shared} (descending unless asked otherwise),
     * {@code lag} (the median lag, ascending); default {@code leads,shared}; ties by source and target domain.
     */
    public static final SortFields LEAD_LAG_SORTS = SortFields.of("leads,shared", Field.desc("leads", "leads"),
            Field.desc("shared", "shared"), Field.asc("lag", "lag"));

    /**
     * Sortable fields of the provider overlap: {@code shared} and {@code jaccard} (descending unless asked
     * otherwise); default {@code shared,jaccard}; ties by the two domains.
     */
    public static final SortFields OVERLAP_SORTS = SortFields.of("shared,jaccard", Field.desc("shared", "shared"),
            Field.desc("jaccard", "jaccard"));

    /** Stories with two or more providers overlapping [$from, $to), as {@code s}; null ends do not filter. */
    private static final String SHARED_STORIES = """
            MATCH (s:Story)
            WHERE s.providerCount >= 2
              AND ($from IS NULL OR s.lastPublishedAt >= $from)
              AND ($to IS NULL OR s.firstPublishedAt < $to)
            """;

    /**
     * Ordered pairs {@code a}, {@code b} of the units in {@code firsts} (per story {@code s}: {@code unit}, its
     * first plausible {@code time}) with {@code leads}, {@code shared} and median {@code lag}.
     */
    private static final String PAIRS = """
            UNWIND firsts AS x
            UNWIND firsts AS y
            WITH x, y WHERE x.unit <> y.unit
            WITH x.unit AS a, y.unit AS b, x.time AS ta, y.time AS tb
            WITH a, b, count(*) AS shared, count(CASE WHEN ta < tb THEN 1 END) AS leads,
                 percentileCont(CASE WHEN ta < tb THEN duration.inSeconds(ta, tb).seconds / 60.0 END, 0.5) AS lag
            WHERE shared >= $minShared AND leads > 0
            """;

    /** Each provider {@code p} of story {@code s} with the {@code time} of its first plausible article. */
    private static final String PROVIDER_FIRSTS = """
            MATCH (s)<-[c:COVERED]-(p:Provider)
            WHERE c.first IS NOT NULL
            WITH s, p, c.first AS time
            """;

    /** {@link #PROVIDER_FIRSTS} over the independent articles only. */
    private static final String INDEPENDENT_PROVIDER_FIRSTS = """
            MATCH (s)<-[:IN_STORY]-(a:Article)-[:PUBLISHED_BY]->(p:Provider)
            WHERE a.timeFlag IS NULL AND a.publishedAt IS NOT NULL AND %s
            WITH s, p, min(a.publishedAt) AS time
            """.formatted(INDEPENDENT_ARTICLE);

    /**
     * The pairs of the lead/lag network: between providers ({@code groupBy} null; a, b are provider nodes) or
     * between groups (a, b are group names; a group's time on a story is its earliest outlet's), over all articles
     * or the independent ones. Built from constant fragments only.
     */
    private static String leadLagPairs(CoverageGroup groupBy, boolean independent) {
        String firsts = independent ? INDEPENDENT_PROVIDER_FIRSTS : PROVIDER_FIRSTS;
        String units = groupBy == null ? """
                WITH s, collect({unit: p, time: time}) AS firsts
                """ : """
                WITH s, p, time, %s AS groups
                UNWIND CASE WHEN size(groups) = 0 THEN [$unknown] ELSE groups END AS g
                WITH s, g, min(time) AS time
                WITH s, collect({unit: g, time: time}) AS firsts
                """.formatted(GROUPS);
        return SHARED_STORIES + firsts + units + PAIRS;
    }

    /** Unordered provider pairs {@code a}, {@code b} (a's domain first) with their {@code shared} stories. */
    private static final String OVERLAP_PAIRS = SHARED_STORIES + """
            MATCH (s)<-[:COVERED]-(p:Provider)
            WITH s, collect(p) AS providers
            UNWIND providers AS a
            UNWIND providers AS b
            WITH a, b WHERE a.domain < b.domain
            WITH a, b, count(*) AS shared WHERE shared >= $minShared
            """;

    /**
     * Directed lead/lag edges between providers over stories overlapping [from, to): A→B counts the shared stories
     * on which A's first article came before B's. The first {@code limit} edges by leads, then shared stories.
     */
    public LeadLagNetwork leadLag(Instant from, Instant to, int minShared, int limit) {
        return leadLag(from, to, minShared, limit, null, false);
    }

    /**
     * {@link #leadLag(Instant, Instant, int, int)} between the groups of {@code groupBy} (null: between providers),
     * over the independent articles only when {@code independent}.
     */
    public LeadLagNetwork leadLag(Instant from, Instant to, int minShared, int limit, CoverageGroup groupBy,
            boolean independent) {
        Map<String, Object> params = params(new TimeRange(from, to), minShared, 0, limit);
        params.put("groupBy", groupBy == null ? null : groupBy.parameter());
        params.put("unknown", CoverageGroup.UNKNOWN);
        List<LeadLagEdge> edges = graph.list(leadLagPage(leadLagPairs(groupBy, independent), groupBy != null,
                LEAD_LAG_SORTS.parse(null)), params, CoverageService::edge);
        return new LeadLagNetwork(from, to, minShared, edges);
    }

    /** A page of the lead/lag edges between providers over stories overlapping {@code range}, in {@code sort} order. */
    public Page<LeadLagEdge> leadLag(TimeRange range, int minShared, SortOrder sort, int page, int size) {
        LeadLagPage edges = leadLag(range, minShared, null, false, sort, page, size);
        return new Page<>(edges.items(), edges.page(), edges.size(), edges.total(), edges.totalPages());
    }

    /**
     * A page of the lead/lag edges over stories overlapping {@code range}, in {@code sort} order: between providers,
     * or between the groups of {@code groupBy}; over all articles, or only the independent ones
     * ({@code independent}), then saying how many articles of those stories were left out.
     */
    public LeadLagPage leadLag(TimeRange range, int minShared, CoverageGroup groupBy, boolean independent,
            SortOrder sort, int page, int size) {
        Map<String, Object> params = params(range, minShared, (long) page * size, size);
        params.put("groupBy", groupBy == null ? null : groupBy.parameter());
        params.put("unknown", CoverageGroup.UNKNOWN);
        String pairs = leadLagPairs(groupBy, independent);
        long total = graph.count(pairs + "RETURN count(*)", params);
        List<LeadLagEdge> items = graph.list(leadLagPage(pairs, groupBy != null, sort), params,
                CoverageService::edge);
        Page<LeadLagEdge> edges = Page.of(items, page, size, total);
        Independence independence = !independent ? (groupBy == null ? null : Independence.NONE)
                : graph.one(SHARED_STORIES + """
                        MATCH (s)<-[:IN_STORY]-(a:Article)-[:PUBLISHED_BY]->(p:Provider)
                        """ + LEFT_OUT, params, CoverageService::independence).orElseThrow();
        return new LeadLagPage(edges.items(), edges.page(), edges.size(), edges.total(), edges.totalPages(),
                groupBy == null ? null : groupBy.parameter(), independence);
    }

    private static String leadLagPage(String pairs, boolean grouped, SortOrder sort) {
        return pairs + (grouped ? """
                RETURN a AS source, null AS sourceName, b AS target, null AS targetName, leads, shared, lag
                """ : """
                RETURN a.domain AS source, a.name AS sourceName, b.domain AS target, b.name AS targetName,
                       leads, shared, lag
                """) + """
                ORDER BY %s, source, target
                SKIP $skip LIMIT $limit
                """.formatted(sort.cypher());
    }

    /**
     * A page of provider pairs by stories shared among those overlapping {@code range}, with the Jaccard index of
     * the two providers' story sets in that range.
     */
    public Page<ProviderOverlap> overlap(TimeRange range, int minShared, SortOrder sort, int page, int size) {
        Map<String, Object> params = params(range, minShared, (long) page * size, size);
        long total = graph.count(OVERLAP_PAIRS + "RETURN count(*)", params);
        List<ProviderOverlap> items = graph.list(OVERLAP_PAIRS + """
                WITH a, b, shared,
                     COUNT { (a)-[:COVERED]->(t:Story) WHERE ($from IS NULL OR t.lastPublishedAt >= $from)
                             AND ($to IS NULL OR t.firstPublishedAt < $to) } AS storiesA,
                     COUNT { (b)-[:COVERED]->(t:Story) WHERE ($from IS NULL OR t.lastPublishedAt >= $from)
                             AND ($to IS NULL OR t.firstPublishedAt < $to) } AS storiesB
                RETURN a.domain AS a, b.domain AS b, shared, storiesA, storiesB,
                       toFloat(shared) / (storiesA + storiesB - shared) AS jaccard
                ORDER BY %s, a, b
                SKIP $skip LIMIT $limit
                """.formatted(sort.cypher()), params, CoverageService::overlap);
        return Page.of(items, page, size, total);
    }

    private static Map<String, Object> params(TimeRange range, int minShared, long skip, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", utc(range.from()));
        params.put("to", utc(range.to()));
        params.put("minShared", minShared);
        params.put("skip", skip);
        params.put("limit", limit);
        return params;
    }

    private static StoryRows storyRows(Record r) {
        return new StoryRows(string(r.get("label")), r.get("rows").asList(CoverageService::row));
    }

    private static CoverageRow row(MapAccessor r) {
        return new CoverageRow(r.get("domain").asString(), string(r.get("name")), r.get("articles").asLong(),
                instant(r.get("first")), instant(r.get("last")), r.get("implausible").asLong(),
                r.get("groups").asList(v -> v.asString()));
    }

    private static Independence independence(Record r) {
        return new Independence(true, r.get("copies").asLong(), r.get("wire").asLong());
    }

    private static ProfileRow profileRow(Record r) {
        return new ProfileRow(r.get("domain").asString(), string(r.get("name")), r.get("articles").asLong(),
                r.get("stories").asLong(), r.get("firsts").asLong(), doubleOrNull(r.get("medianLag")));
    }

    private static RelationRow relationRow(Record r) {
        return new RelationRow(r.get("domain").asString(), string(r.get("name")), r.get("shared").asLong(),
                r.get("precedes").asLong(), r.get("follows").asLong());
    }

    private static LeadLagEdge edge(Record r) {
        return new LeadLagEdge(r.get("source").asString(), string(r.get("sourceName")), r.get("target").asString(),
                string(r.get("targetName")), r.get("leads").asLong(), r.get("shared").asLong(),
                r.get("lag").asDouble());
    }

    private static ProviderOverlap overlap(Record r) {
        return new ProviderOverlap(r.get("a").asString(), r.get("b").asString(), r.get("shared").asLong(),
                r.get("storiesA").asLong(), r.get("storiesB").asLong(), r.get("jaccard").asDouble());
    }
}
