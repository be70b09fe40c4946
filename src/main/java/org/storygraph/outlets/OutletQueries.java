package org.storygraph.outlets;

import static org.storygraph.graph.Convert.string;
import static org.storygraph.graph.Convert.strings;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;
import org.springframework.stereotype.Service;
import org.storygraph.common.InvalidParameterException;
import org.storygraph.common.Page;
import org.storygraph.common.SortFields;
import org.storygraph.common.SortFields.Field;
import org.storygraph.common.SortOrder;
import org.storygraph.graph.Graph;
import org.storygraph.graph.ReadRetry;
import org.storygraph.outlets.OutletViews.CollectionDetail;
import org.storygraph.outlets.OutletViews.CollectionSummary;
import org.storygraph.outlets.OutletViews.ProviderFilter;
import org.storygraph.outlets.OutletViews.ProviderSummary;

/** Read side of outlets: providers with their metadata and collections, and the collections. */
@Service
@ReadRetry
public class OutletQueries {

    /** Sortable fields of the provider list: {@code articles} (descending), {@code domain}, {@code name}. */
    public static final SortFields PROVIDER_SORTS = SortFields.of("articles", Field.desc("articles", "articles"),
            Field.asc("domain", "p.domain"), Field.asc("name", "p.name").withNullsLast());

    private static final String PROVIDER_FILTERS = """
            MATCH (p:Provider)
            WHERE ($q = '' OR p.domain CONTAINS $q OR toLower(p.name) CONTAINS $q)
              AND ($mediaType IS NULL OR p.mediaType = $mediaType)
              AND ($country IS NULL OR p.country = $country)
              AND ($collection IS NULL OR EXISTS { (p)-[:IN_COLLECTION]->(:Collection {name: $collection}) })
            """;

    private static final String PROVIDER_RETURN = """
            RETURN p.domain AS domain, p.name AS name, articles, p.country AS country, p.language AS language,
                   p.mediaType AS mediaType, p.owner AS owner,
                   COLLECT { MATCH (p)-[:IN_COLLECTION]->(c:Collection) RETURN c.name ORDER BY c.name } AS collections
            """;

    private final Graph graph;

    OutletQueries(Graph graph) {
        this.graph = graph;
    }

    /** A page of providers matching the filter, in the given order (then by domain). */
    public Page<ProviderSummary> providers(ProviderFilter filter, SortOrder sort, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("q", filter.q() == null ? "" : filter.q().strip().toLowerCase(Locale.ROOT));
        params.put("collection", OutletFields.blankToNull(filter.collection()));
        params.put("mediaType", OutletFields.normalizeMediaType(filter.mediaType()));
        params.put("country", country(filter.country()));
        params.put("skip", (long) page * size);
        params.put("limit", size);
        long total = graph.count(PROVIDER_FILTERS + "RETURN count(p)", params);
        List<ProviderSummary> items = graph.list(PROVIDER_FILTERS + """
                WITH p, COUNT { (p)<-[:PUBLISHED_BY]-() } AS articles
                ORDER BY %s, p.domain SKIP $skip LIMIT $limit
                """.formatted(sort.cypher()) + PROVIDER_RETURN, params, OutletQueries::provider);
        return Page.of(items, page, size, total);
    }

    /** A page of collections, A to Z, with their outlet and article counts. */
    public Page<CollectionSummary> collections(int page, int size) {
        long total = graph.count("MATCH (c:Collection) RETURN count(c)", Map.of());
        List<CollectionSummary> items = graph.list("""
                MATCH (c:Collection)
                WITH c ORDER BY c.name SKIP $skip LIMIT $limit
                RETURN c.name AS name, COUNT { (c)<-[:IN_COLLECTION]-(:Provider) } AS outlets,
                       COUNT { (c)<-[:IN_COLLECTION]-(:Provider)<-[:PUBLISHED_BY]-(:Article) } AS articles
                """, Map.of("skip", (long) page * size, "limit", size), OutletQueries::collection);
        return Page.of(items, page, size, total);
    }

    /** A collection with all its outlets, most articles first, or empty when there is none of that name. */
    public Optional<CollectionDetail> collection(String name) {
        return graph.one("""
                MATCH (c:Collection {name: $name})
                RETURN c.name AS name, COUNT { (c)<-[:IN_COLLECTION]-(:Provider) } AS outlets,
                       COUNT { (c)<-[:IN_COLLECTION]-(:Provider)<-[:PUBLISHED_BY]-(:Article) } AS articles
                """, Map.of("name", name), OutletQueries::collection).map(c -> {
                    Map<String, Object> params = Map.of("name", name);
                    List<ProviderSummary> providers = graph.list("""
                            MATCH (:Collection {name: $name})<-[:IN_COLLECTION]-(p:Provider)
                            WITH p, COUNT { (p)<-[:PUBLISHED_BY]-() } AS articles
                            ORDER BY articles DESC, p.domain
                            """ + PROVIDER_RETURN, params, OutletQueries::provider);
                    return new CollectionDetail(c.name(), c.outlets(), c.articles(), providers);
                });
    }

    private static String country(String text) {
        String t = OutletFields.blankToNull(text);
        if (t == null) {
            return null;
        }
        if (!t.matches("[A-Za-z]{2}")) {
            throw new InvalidParameterException("country", "Parameter 'country' must be an ISO 3166-1 alpha-2 code "
                    + "such as US or GB, not '" + OutletFields.abbreviate(t) + "'");
        }
        return t.toUpperCase(Locale.ROOT);
    }

    private static ProviderSummary provider(Record r) {
        return new ProviderSummary(r.get("domain").asString(), string(r.get("name")), r.get("articles").asLong(),
                string(r.get("country")), string(r.get("language")), string(r.get("mediaType")),
                string(r.get("owner")), strings(r.get("collections")));
    }

    private static CollectionSummary collection(Record r) {
        return new CollectionSummary(r.get("name").asString(), r.get("outlets").asLong(), r.get("articles").asLong());
    }
}
