package org.storygraph.export;

import java.util.List;

/**
 * The attributes a graph export declares up front (GraphML keys, GEXF attribute lists), besides {@code type} and
 * {@code label}, which every node and edge has. An attribute applies to the node kinds or relations named in its
 * description; elements of other kinds simply have no value for it.
 */
record Schema(List<Attribute> nodeAttributes, List<Attribute> edgeAttributes) {

    enum Type {
        STRING("string", "string"), LONG("long", "long"), DOUBLE("double", "double");

        final String graphml;
        final String gexf;

        Type(String graphml, String gexf) {
            this.graphml = graphml;
            this.gexf = gexf;
        }
    }

    record Attribute(String name, Type type) {
    }

    private static Attribute string(String name) {
        return new Attribute(name, Type.STRING);
    }

    /** Articles, providers, topics and stories with PUBLISHED_BY, TAGGED, IN_STORY and RELATED_TO edges. */
    static final Schema ARTICLES = new Schema(List.of(
            // article
            string("title"), string("url"), string("publishedAt"), string("provider"), string("story"),
            new Attribute("lagMinutes", Type.LONG), string("duplicateOf"),
            // provider
            string("domain"),
            // provider, topic
            string("name"),
            // story
            new Attribute("size", Type.LONG), new Attribute("providerCount", Type.LONG),
            string("firstPublishedAt"), string("lastPublishedAt")),
            List.of(
                    // RELATED_TO
                    new Attribute("rank", Type.LONG),
                    // IN_STORY
                    new Attribute("score", Type.DOUBLE)));

    /** Providers with weighted LEADS edges. */
    static final Schema LEAD_LAG = new Schema(List.of(string("domain"), string("name")),
            List.of(new Attribute("leads", Type.LONG), new Attribute("shared", Type.LONG),
                    new Attribute("medianLagMinutes", Type.DOUBLE)));
}
