package org.storygraph.export;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.BaseEventDrivenImporter;
import org.jgrapht.nio.gexf.SimpleGEXFImporter;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.jgrapht.util.SupplierUtil;

/**
 * An export read back the way graph tools read it: JGraphT's GraphML and GEXF importers (with schema validation)
 * into a directed pseudograph, node ids as vertices, every attribute as a string.
 */
record Imported(DirectedPseudograph<String, DefaultEdge> graph, Map<String, Map<String, String>> nodes,
        List<EdgeRow> edges) {

    record EdgeRow(String source, String target, Map<String, String> attributes) {
        String type() {
            return attributes.get("type");
        }
    }

    static Imported graphml(String xml) {
        GraphMLImporter<String, DefaultEdge> importer = new GraphMLImporter<>();
        importer.setVertexFactory(id -> id);
        return read(importer, xml, g -> importer.importGraph(g, new StringReader(xml)));
    }

    static Imported gexf(String xml) {
        SimpleGEXFImporter<String, DefaultEdge> importer = new SimpleGEXFImporter<>();
        importer.setVertexFactory(id -> id);
        return read(importer, xml, g -> importer.importGraph(g, new StringReader(xml)));
    }

    private static Imported read(BaseEventDrivenImporter<String, DefaultEdge> importer, String xml,
            java.util.function.Consumer<DirectedPseudograph<String, DefaultEdge>> run) {
        var graph = new DirectedPseudograph<String, DefaultEdge>(null, SupplierUtil.createDefaultEdgeSupplier(), false);
        Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
        Map<DefaultEdge, Map<String, String>> edgeAttributes = new HashMap<>();
        importer.addVertexAttributeConsumer((p, a) -> nodes.computeIfAbsent(p.getFirst(), k -> new HashMap<>())
                .put(p.getSecond(), a.getValue()));
        importer.addEdgeAttributeConsumer((p, a) -> edgeAttributes.computeIfAbsent(p.getFirst(),
                k -> new HashMap<>()).put(p.getSecond(), a.getValue()));
        run.accept(graph);
        graph.vertexSet().forEach(v -> nodes.computeIfAbsent(v, k -> new HashMap<>()));
        List<EdgeRow> edges = new ArrayList<>();
        for (DefaultEdge e : graph.edgeSet()) {
            edges.add(new EdgeRow(graph.getEdgeSource(e), graph.getEdgeTarget(e),
                    edgeAttributes.getOrDefault(e, Map.of())));
        }
        return new Imported(graph, nodes, edges);
    }

    Map<String, Long> nodeCounts() {
        return nodes.values().stream().collect(Collectors.groupingBy(a -> a.get("type"), Collectors.counting()));
    }

    Map<String, Long> edgeCounts() {
        return edges.stream().collect(Collectors.groupingBy(EdgeRow::type, Collectors.counting()));
    }

    /** id → attributes of the nodes of one type. */
    Map<String, Map<String, String>> nodes(String type) {
        Map<String, Map<String, String>> of = new LinkedHashMap<>();
        nodes.forEach((id, a) -> {
            if (type.equals(a.get("type"))) {
                of.put(id, a);
            }
        });
        return of;
    }

    List<EdgeRow> edges(String type) {
        return edges.stream().filter(e -> type.equals(e.type())).toList();
    }
}
