package org.storygraph.coverage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Sets seed outlets' metadata the way the outlet import writes it ({@code Provider.mediaType}, {@code .country},
 * {@code (:Provider)-[:IN_COLLECTION]->(:Collection {name})}), and the articles tests need by URL.
 */
final class OutletMetadata {

    private final Neo4jClient client;

    OutletMetadata(Neo4jClient client) {
        this.client = client;
    }

    /** Sets {@code domain}'s media type and country (null removes them) and puts it in {@code collections}. */
    OutletMetadata outlet(String domain, String mediaType, String country, String... collections) {
        Map<String, Object> params = new HashMap<>();
        params.put("d", domain);
        params.put("t", mediaType);
        params.put("c", country);
        params.put("cols", List.of(collections));
        long found = client.query("""
                MATCH (p:Provider {domain: $d})
                SET p.mediaType = $t, p.country = $c
                WITH p
                CALL (p) {
                    UNWIND $cols AS name
                    MERGE (c:Collection {name: name})
                    MERGE (p)-[:IN_COLLECTION]->(c)
                }
                RETURN count(p)
                """).bindAll(params).fetchAs(Long.class).one().orElse(0L);
        if (found != 1) {
            throw new IllegalStateException("no seed provider " + domain);
        }
        return this;
    }

    /** Marks the article at {@code copy} a syndicated copy of the one at {@code original}. */
    void duplicate(String copy, String original) {
        long linked = client.query("""
                MATCH (c:Article {url: $copy}), (o:Article {url: $original})
                MERGE (c)-[:DUPLICATE_OF]->(o)
                RETURN count(*)
                """).bindAll(Map.of("copy", copy, "original", original)).fetchAs(Long.class).one().orElse(0L);
        if (linked != 1) {
            throw new IllegalStateException("no seed articles " + copy + ", " + original);
        }
    }

    /** The id of the story the article at {@code url} is in. */
    String storyOf(String url) {
        return client.query("MATCH (:Article {url: $u})-[:IN_STORY]->(s:Story) RETURN s.id").bind(url).to("u")
                .fetchAs(String.class).one().orElseThrow();
    }
}
