package org.storygraph.clustering;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.springframework.stereotype.Component;
import org.storygraph.graph.Convert;
import org.storygraph.graph.Graph;

/** Which story every article is in, as evaluation compares it with gold labels. */
@Component
public class StoryMemberships {

    /**
     * An article's original URLs, its story ({@code article-ID} when it stands alone) and its title.
     */
    public record Membership(List<String> urls, String cluster, String title) {
    }

    private final Graph graph;

    StoryMemberships(Graph graph) {
        this.graph = graph;
    }

    /** Every article, ordered by story. */
    public List<Membership> all() {
        return graph.list("""
                MATCH (a:Article)
                OPTIONAL MATCH (a)-[:IN_STORY]->(s:Story)
                RETURN a.originalUrls AS urls, coalesce(s.id, 'article-' + a.id) AS cluster, a.title AS title
                ORDER BY cluster
                """, Map.of(), StoryMemberships::membership);
    }

    private static Membership membership(Record r) {
        return new Membership(Convert.strings(r.get("urls")), r.get("cluster").asString(),
                Convert.string(r.get("title")));
    }
}
