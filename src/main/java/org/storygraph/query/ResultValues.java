package org.storygraph.query;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;
import org.neo4j.driver.types.TypeSystem;

/**
 * Driver values as plain JSON-able Java values: nodes as {@code {elementId, labels, properties}}, relationships as
 * {@code {elementId, type, start, end, properties}}, paths as {@code {nodes, relationships}}, temporal values and
 * durations as ISO-8601 strings, points as {@code {srid, x, y[, z]}}, bytes as base64. Internal clustering state
 * (embeddings, term vectors) is left out of node properties: it is large and means nothing to a reader.
 */
final class ResultValues {

    static final Set<String> INTERNAL = Set.of("embedding", "embeddingSum", "termKeys", "termFreqs", "termSurfaces",
            "termWeights", "bucketKeys", "bucketCounts", "topicKeys", "topicWeights", "featureHash");

    private ResultValues() {
    }

    static Object plain(Value v) {
        if (v == null || v.isNull()) {
            return null;
        }
        TypeSystem types = TypeSystem.getDefault();
        var type = v.type();
        if (type.equals(types.NODE())) {
            return node(v.asNode());
        }
        if (type.equals(types.RELATIONSHIP())) {
            return relationship(v.asRelationship());
        }
        if (type.equals(types.PATH())) {
            Path p = v.asPath();
            List<Object> nodes = new ArrayList<>();
            p.nodes().forEach(n -> nodes.add(node(n)));
            List<Object> rels = new ArrayList<>();
            p.relationships().forEach(r -> rels.add(relationship(r)));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("nodes", nodes);
            m.put("relationships", rels);
            return m;
        }
        if (type.equals(types.LIST())) {
            List<Object> list = new ArrayList<>();
            v.values().forEach(x -> list.add(plain(x)));
            return list;
        }
        if (type.equals(types.MAP())) {
            Map<String, Object> m = new LinkedHashMap<>();
            v.keys().forEach(k -> m.put(k, plain(v.get(k))));
            return m;
        }
        if (type.equals(types.DATE()) || type.equals(types.DATE_TIME()) || type.equals(types.LOCAL_DATE_TIME())
                || type.equals(types.TIME()) || type.equals(types.LOCAL_TIME())) {
            return v.asObject().toString();
        }
        if (type.equals(types.DURATION())) {
            return v.asIsoDuration().toString();
        }
        if (type.equals(types.POINT())) {
            var point = v.asPoint();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("srid", point.srid());
            m.put("x", point.x());
            m.put("y", point.y());
            if (!Double.isNaN(point.z())) {
                m.put("z", point.z());
            }
            return m;
        }
        if (type.equals(types.BYTES())) {
            return Base64.getEncoder().encodeToString(v.asByteArray());
        }
        return v.asObject();
    }

    private static Map<String, Object> node(Node n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("elementId", n.elementId());
        List<String> labels = new ArrayList<>();
        n.labels().forEach(labels::add);
        m.put("labels", labels);
        m.put("properties", properties(n.asMap(Value::asObject).keySet(), n::get));
        return m;
    }

    private static Map<String, Object> relationship(Relationship r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("elementId", r.elementId());
        m.put("type", r.type());
        m.put("start", r.startNodeElementId());
        m.put("end", r.endNodeElementId());
        m.put("properties", properties(r.asMap(Value::asObject).keySet(), r::get));
        return m;
    }

    private static Map<String, Object> properties(Set<String> keys, java.util.function.Function<String, Value> get) {
        Map<String, Object> props = new LinkedHashMap<>();
        keys.stream().filter(k -> !INTERNAL.contains(k)).sorted().forEach(k -> props.put(k, plain(get.apply(k))));
        return props;
    }
}
