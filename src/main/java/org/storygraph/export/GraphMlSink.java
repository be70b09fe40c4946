package org.storygraph.export;

import java.io.OutputStream;
import java.util.Map;

import javax.xml.stream.XMLStreamWriter;

/**
 * GraphML 1.0 (http://graphml.graphdrawing.org/xmlns), valid against its schema: {@code <key>}s for every attribute
 * (ids {@code n_NAME} for nodes, {@code e_NAME} for edges; {@code attr.name} is the attribute name), a directed
 * graph, nodes, then edges. Every node and edge has {@code type} and {@code label} data; LEADS edges also carry
 * {@code weight} (= leads), which Gephi and yEd take as the edge weight.
 */
final class GraphMlSink implements GraphSink {

    static final String NS = "http://graphml.graphdrawing.org/xmlns";

    private final XMLStreamWriter xml;
    private final Schema schema;
    private boolean inEdges;

    GraphMlSink(OutputStream out, Schema schema, String description) {
        this(out, schema, description, null);
    }

    /**
     * {@code run}: the clustering run whose stories the export reflects, written as the graph's {@code run} data
     * (key {@code g_run}; left out when null).
     */
    GraphMlSink(OutputStream out, Schema schema, String description, String run) {
        this.xml = Xml.writer(out);
        this.schema = schema;
        Xml.run(() -> {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.setDefaultNamespace(NS);
            xml.writeStartElement(NS, "graphml");
            xml.writeDefaultNamespace(NS);
            xml.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            xml.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation",
                    NS + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
            xml.writeCharacters("\n");
            if (run != null) {
                key("graph", "run", Schema.Type.STRING);
            }
            key("node", "type", Schema.Type.STRING);
            key("node", "label", Schema.Type.STRING);
            for (Schema.Attribute a : schema.nodeAttributes()) {
                key("node", a.name(), a.type());
            }
            key("edge", "type", Schema.Type.STRING);
            key("edge", "label", Schema.Type.STRING);
            key("edge", "weight", Schema.Type.DOUBLE);
            for (Schema.Attribute a : schema.edgeAttributes()) {
                key("edge", a.name(), a.type());
            }
            xml.writeStartElement(NS, "graph");
            xml.writeAttribute("id", "storygraph");
            xml.writeAttribute("edgedefault", "directed");
            xml.writeCharacters("\n");
            xml.writeStartElement(NS, "desc");
            xml.writeCharacters(Xml.text(description));
            xml.writeEndElement();
            xml.writeCharacters("\n");
            if (run != null) {
                xml.writeStartElement(NS, "data");
                xml.writeAttribute("key", "g_run");
                xml.writeCharacters(Xml.text(run));
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
        });
    }

    private void key(String kind, String name, Schema.Type type) throws javax.xml.stream.XMLStreamException {
        xml.writeEmptyElement(NS, "key");
        xml.writeAttribute("id", kind.charAt(0) + "_" + name);
        xml.writeAttribute("for", kind);
        xml.writeAttribute("attr.name", name);
        xml.writeAttribute("attr.type", type.graphml);
        xml.writeCharacters("\n");
    }

    @Override
    public void node(Node node) {
        if (inEdges) {
            throw new IllegalStateException("nodes must come before edges");
        }
        Xml.run(() -> {
            xml.writeStartElement(NS, "node");
            xml.writeAttribute("id", node.ref().id());
            data("n_type", node.type());
            data("n_label", node.label());
            attributes("n_", schema.nodeAttributes(), node.data());
            xml.writeEndElement();
            xml.writeCharacters("\n");
        });
    }

    @Override
    public void edge(Edge edge) {
        inEdges = true;
        Xml.run(() -> {
            xml.writeStartElement(NS, "edge");
            xml.writeAttribute("id", edge.id());
            xml.writeAttribute("source", edge.source().id());
            xml.writeAttribute("target", edge.target().id());
            data("e_type", edge.type());
            data("e_label", edge.type());
            data("e_weight", edge.weight());
            attributes("e_", schema.edgeAttributes(), edge.data());
            xml.writeEndElement();
            xml.writeCharacters("\n");
        });
    }

    private void attributes(String prefix, java.util.List<Schema.Attribute> declared, Map<String, Object> data)
            throws javax.xml.stream.XMLStreamException {
        for (Schema.Attribute a : declared) {
            data(prefix + a.name(), data.get(a.name()));
        }
    }

    private void data(String key, Object value) throws javax.xml.stream.XMLStreamException {
        if (value == null) {
            return;
        }
        xml.writeStartElement(NS, "data");
        xml.writeAttribute("key", key);
        xml.writeCharacters(Xml.text(value));
        xml.writeEndElement();
    }

    @Override
    public void close() {
        Xml.run(() -> {
            xml.writeEndElement(); // graph
            xml.writeCharacters("\n");
            xml.writeEndElement(); // graphml
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        });
    }
}
