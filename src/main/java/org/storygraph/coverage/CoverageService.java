package org.storygraph.coverage;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.storygraph.coverage.CoverageViews.LeadLagEdge;
import org.storygraph.coverage.CoverageViews.LeadLagNetwork;
import org.storygraph.coverage.CoverageViews.ProviderCoverage;
import org.storygraph.coverage.CoverageViews.ProviderOverlap;
import org.storygraph.coverage.CoverageViews.ProviderProfile;
import org.storygraph.coverage.CoverageViews.ProviderRelation;
import org.storygraph.coverage.CoverageViews.StoryCoverage;
import org.storygraph.graph.ReadRetry;

/**
 * Cross-provider coverage: who covered a story and when, and who tends to lead whom, read from the
 * {@code (:Provider)-[:COVERED]->(:Story)} relationships clustering maintains. A provider's time on a story is
 * the time of its first article in it; articles with implausible times ({@code timeFlag}) count as coverage but not
 * for times, ranks or lags. Duplicates and related items clustered into a story are coverage like any article.
 */
@Service
@ReadRetry
public class CoverageService {

    private final Neo4jClient client;

    CoverageService(Neo4jClient client) {
        this.client = client;
    }

    public Optional<StoryCoverage> story(String storyId) {
        Optional<Map<String, Object>> story = client.query("MATCH (s:Story {id: $id}) RETURN s.label AS label")
                .bind(storyId).to("id").fetch().one();
        if (story.isEmpty()) {
            return Optional.empty();
        }
        List<Row> rows = List.copyOf(client.query("""
                MATCH (:Story {id: $id})<-[c:COVERED]-(p:Provider)
                RETURN p.domain AS domain, p.name AS name, c.articles AS articles, c.first AS first,
                       c.last AS last, c.implausible AS implausible
                ORDER BY first IS NULL, first, domain
                """).bind(storyId).to("id").fetchAs(Row.class).mappedBy((types, r) -> new Row(
                r.get("domain").asString(), r.get("name").asString(null), r.get("articles").asLong(),
                instant(r.get("first")), instant(r.get("last")), r.get("implausible").asLong())).all());
        long total = rows.stream().mapToLong(Row::articles).sum();
        long implausible = rows.stream().mapToLong(Row::implausible).sum();
        Instant firstReport = rows.stream().map(Row::first).filter(t -> t != null).min(Instant::compareTo)
                .orElse(null);
        List<ProviderCoverage> providers = new ArrayList<>();
        List<String> firstReporters = new ArrayList<>();
        int rank = 0;
        Instant previous = null;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
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
        return Optional.of(new StoryCoverage(storyId, (String) story.get().get("label"), firstReport,
                List.copyOf(firstReporters), rows.size(), total, implausible, List.copyOf(providers)));
    }

    private record Row(String domain, String name, long articles, Instant first, Instant last, long implausible) {
    }

    public Optional<ProviderProfile> provider(String domain, int relations) {
        return client.query("""
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
                """).bind(domain).to("domain").fetch().one().map(row -> {
            List<ProviderRelation> precedes = new ArrayList<>();
            List<ProviderRelation> follows = new ArrayList<>();
            client.query("""
                    MATCH (p:Provider {domain: $domain})-[mine:COVERED]->(s:Story)<-[theirs:COVERED]-(q:Provider)
                    WHERE q <> p AND mine.first IS NOT NULL AND theirs.first IS NOT NULL
                    RETURN q.domain AS domain, q.name AS name, count(s) AS shared,
                           count(CASE WHEN mine.first < theirs.first THEN 1 END) AS precedes,
                           count(CASE WHEN mine.first > theirs.first THEN 1 END) AS follows
                    ORDER BY shared DESC, domain
                    """).bind(domain).to("domain").fetch().all().forEach(r -> {
                String d = (String) r.get("domain");
                String n = (String) r.get("name");
                long shared = (Long) r.get("shared");
                if ((Long) r.get("precedes") > 0) {
                    precedes.add(new ProviderRelation(d, n, (Long) r.get("precedes"), shared));
                }
                if ((Long) r.get("follows") > 0) {
                    follows.add(new ProviderRelation(d, n, (Long) r.get("follows"), shared));
                }
            });
            java.util.Comparator<ProviderRelation> order = java.util.Comparator
                    .comparingLong(ProviderRelation::count).reversed().thenComparing(ProviderRelation::domain);
            precedes.sort(order);
            follows.sort(order);
            Object median = row.get("medianLag");
            return new ProviderProfile((String) row.get("domain"), (String) row.get("name"),
                    (Long) row.get("articles"), (Long) row.get("stories"), (Long) row.get("firsts"),
                    median == null ? null : ((Number) median).doubleValue(),
                    List.copyOf(precedes.subList(0, Math.min(relations, precedes.size()))),
                    List.copyOf(follows.subList(0, Math.min(relations, follows.size()))));
        });
    }

    /**
     * Directed lead/lag edges between providers over stories overlapping [from, to): A→B counts the shared stories
     * on which A's first article came before B's.
     */
    public LeadLagNetwork leadLag(Instant from, Instant to, int minShared, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", from == null ? null : from.atOffset(ZoneOffset.UTC));
        params.put("to", to == null ? null : to.atOffset(ZoneOffset.UTC));
        params.put("minShared", minShared);
        params.put("limit", limit);
        List<LeadLagEdge> edges = List.copyOf(client.query("""
                MATCH (s:Story)
                WHERE s.providerCount >= 2
                  AND ($from IS NULL OR s.lastPublishedAt >= $from)
                  AND ($to IS NULL OR s.firstPublishedAt < $to)
                MATCH (s)<-[c:COVERED]-(p:Provider)
                WHERE c.first IS NOT NULL
                WITH s, collect({provider: p, time: c.first}) AS firsts
                UNWIND firsts AS x
                UNWIND firsts AS y
                WITH x, y WHERE x.provider <> y.provider
                WITH x.provider AS a, y.provider AS b, x.time AS ta, y.time AS tb
                WITH a, b, count(*) AS shared, count(CASE WHEN ta < tb THEN 1 END) AS leads,
                     percentileCont(CASE WHEN ta < tb THEN duration.inSeconds(ta, tb).seconds / 60.0 END, 0.5) AS lag
                WHERE shared >= $minShared AND leads > 0
                RETURN a.domain AS source, a.name AS sourceName, b.domain AS target, b.name AS targetName,
                       leads, shared, lag
                ORDER BY leads DESC, shared DESC, source, target
                LIMIT $limit
                """).bindAll(params).fetchAs(LeadLagEdge.class).mappedBy((types, r) -> new LeadLagEdge(
                r.get("source").asString(), r.get("sourceName").asString(null), r.get("target").asString(),
                r.get("targetName").asString(null), r.get("leads").asLong(), r.get("shared").asLong(),
                r.get("lag").asDouble())).all());
        return new LeadLagNetwork(from, to, minShared, edges);
    }

    /** Provider pairs by shared stories, with the Jaccard index of the two providers' story sets. */
    public List<ProviderOverlap> overlap(int minShared, int limit) {
        return List.copyOf(client.query("""
                MATCH (s:Story) WHERE s.providerCount >= 2
                MATCH (s)<-[:COVERED]-(p:Provider)
                WITH s, collect(p) AS providers
                UNWIND providers AS a
                UNWIND providers AS b
                WITH a, b WHERE a.domain < b.domain
                WITH a, b, count(*) AS shared WHERE shared >= $minShared
                WITH a, b, shared, COUNT { (a)-[:COVERED]->(:Story) } AS storiesA,
                     COUNT { (b)-[:COVERED]->(:Story) } AS storiesB
                RETURN a.domain AS a, b.domain AS b, shared, storiesA, storiesB,
                       toFloat(shared) / (storiesA + storiesB - shared) AS jaccard
                ORDER BY shared DESC, jaccard DESC, a, b
                LIMIT $limit
                """).bindAll(Map.of("minShared", minShared, "limit", limit))
                .fetchAs(ProviderOverlap.class).mappedBy((types, r) -> new ProviderOverlap(r.get("a").asString(),
                        r.get("b").asString(), r.get("shared").asLong(), r.get("storiesA").asLong(),
                        r.get("storiesB").asLong(), r.get("jaccard").asDouble())).all());
    }

    private static Instant instant(Value v) {
        return v == null || v.isNull() ? null : v.asOffsetDateTime().toInstant();
    }
}
