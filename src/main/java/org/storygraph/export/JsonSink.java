package org.storygraph.export;

import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;

import org.springframework.util.StreamUtils;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON graph document written with Jackson's streaming generator:
 * <pre>{"description": "...", "run": "clustering run id", "nodes": [{"id", "type", "label", "data": {...}}, ...],
 *  "edges": [{"id", "source", "target", "type", "weight"?, "data": {...}}, ...]}</pre>
 * the shape of {@code GET /api/stories/{id}/graph}. {@code data} holds the schema's attributes that have a value;
 * times are ISO-8601 strings; unpaired surrogates become U+FFFD.
 */
final class JsonSink implements GraphSink {

    private final JsonGenerator json;
    private final Schema schema;
    private boolean inEdges;

    JsonSink(OutputStream out, JsonMapper mapper, Schema schema, String description) {
        this(out, mapper, schema, description, null);
    }

    /** {@code run}: the clustering run whose stories the export reflects (null: none recorded). */
    JsonSink(OutputStream out, JsonMapper mapper, Schema schema, String description, String run) {
        this.json = mapper.createGenerator(StreamUtils.nonClosing(out));
        this.schema = schema;
        json.writeStartObject();
        json.writeStringProperty("description", Xml.unicode(description));
        json.writeStringProperty("run", run);
        json.writeName("nodes");
        json.writeStartArray();
    }

    @Override
    public void node(Node node) {
        if (inEdges) {
            throw new IllegalStateException("nodes must come before edges");
        }
        json.writeStartObject();
        json.writeStringProperty("id", node.ref().id());
        json.writeStringProperty("type", node.type());
        json.writeStringProperty("label", node.label() == null ? null : Xml.unicode(node.label()));
        data(schema.nodeAttributes(), node.data());
        json.writeEndObject();
    }

    @Override
    public void edge(Edge edge) {
        if (!inEdges) {
            inEdges = true;
            json.writeEndArray();
            json.writeName("edges");
            json.writeStartArray();
        }
        json.writeStartObject();
        json.writeStringProperty("id", edge.id());
        json.writeStringProperty("source", edge.source().id());
        json.writeStringProperty("target", edge.target().id());
        json.writeStringProperty("type", edge.type());
        if (edge.weight() != null) {
            json.writeNumberProperty("weight", edge.weight());
        }
        data(schema.edgeAttributes(), edge.data());
        json.writeEndObject();
    }

    private void data(List<Schema.Attribute> declared, Map<String, Object> data) {
        json.writeName("data");
        json.writeStartObject();
        for (Schema.Attribute a : declared) {
            Object value = data.get(a.name());
            if (value == null) {
                continue;
            }
            json.writeName(a.name());
            switch (value) {
                case Long l -> json.writeNumber(l);
                case Integer i -> json.writeNumber(i);
                case Double d -> json.writeNumber(d);
                case TemporalAccessor t -> json.writeString(Instant.from(t).toString());
                default -> json.writeString(Xml.unicode(value.toString()));
            }
        }
        json.writeEndObject();
    }

    @Override
    public void close() {
        if (!inEdges) {
            json.writeEndArray();
            json.writeName("edges");
            json.writeStartArray();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.close();
    }
}
