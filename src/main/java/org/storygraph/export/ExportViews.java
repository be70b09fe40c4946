package org.storygraph.export;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON export document, for the OpenAPI description (the export itself is written by {@link JsonSink}). */
final class ExportViews {

    private ExportViews() {
    }

    @Schema(description = "A graph export: every node first, then every edge; every edge's ends are among the nodes")
    record GraphDocument(String description, List<Node> nodes, List<Edge> edges) {
    }

    @Schema(description = "A node. id is kind:key (article:<id>, provider:<domain>, story:<id>, topic:<name>, "
            + "characters outside [A-Za-z0-9.-] of the key written _hex_); type is article, provider, story or topic.")
    record Node(String id, String type, String label,
            @Schema(description = "article: title, url, publishedAt, provider, story, lagMinutes, duplicateOf; "
                    + "provider: domain, name; topic: name; story: size, providerCount, firstPublishedAt, "
                    + "lastPublishedAt") Map<String, Object> data) {
    }

    @Schema(description = "A directed edge; type is PUBLISHED_BY (article→provider), TAGGED (article→topic), "
            + "IN_STORY (article→story), RELATED_TO (article→article, both exported) or LEADS "
            + "(provider→provider)")
    record Edge(String id, String source, String target, String type,
            @Schema(description = "LEADS only: leads") Double weight,
            @Schema(description = "RELATED_TO: rank; IN_STORY: score; LEADS: leads, shared, medianLagMinutes")
            Map<String, Object> data) {
    }
}
