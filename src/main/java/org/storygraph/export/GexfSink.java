package org.storygraph.export;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * GEXF 1.2 (namespace {@code http://www.gexf.net/1.2draft}, the version Gephi writes itself), valid against its
 * schema: a static, directed graph with node and edge attribute declarations (ids = titles = attribute names), nodes,
 * then edges. Node labels are the {@code label} XML attribute; an edge's relation is both its {@code label} and its
 * {@code type} attribute value (the XML attribute {@code type} of a GEXF edge means directed/undirected). LEADS edges
 * carry {@code weight} = leads.
 */
final class GexfSink implements GraphSink {

    static final String NS = "http://www.gexf.net/1.2draft";

    private final XMLStreamWriter xml;
    private final Schema schema;
    private boolean inEdges;

    GexfSink(OutputStream out, Schema schema, String description) {
        this(out, schema, description, null);
    }

    /**
     * {@code run}: the clustering run whose stories the export reflects, written in the meta block as the keyword
     * {@code storygraph-run:<id>} (left out when null).
     */
    GexfSink(OutputStream out, Schema schema, String description, String run) {
        this.xml = Xml.writer(out);
        this.schema = schema;
        Xml.run(() -> {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.setDefaultNamespace(NS);
            xml.writeStartElement(NS, "gexf");
            xml.writeDefaultNamespace(NS);
            xml.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            xml.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation",
                    NS + " http://www.gexf.net/1.2draft/gexf.xsd");
            xml.writeAttribute("version", "1.2");
            xml.writeCharacters("\n");
            xml.writeStartElement(NS, "meta");
            xml.writeAttribute("lastmodifieddate", LocalDate.now(ZoneOffset.UTC).toString());
            element("creator", "StoryGraph");
            if (run != null) {
                element("keywords", "storygraph-run:" + Xml.text(run));
            }
            element("description", Xml.text(description));
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeStartElement(NS, "graph");
            xml.writeAttribute("mode", "static");
            xml.writeAttribute("defaultedgetype", "directed");
            xml.writeCharacters("\n");
            declare("node", schema.nodeAttributes());
            declare("edge", schema.edgeAttributes());
            xml.writeStartElement(NS, "nodes");
            xml.writeCharacters("\n");
        });
    }

    private void element(String name, String text) throws XMLStreamException {
        xml.writeStartElement(NS, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private void declare(String kind, List<Schema.Attribute> attributes) throws XMLStreamException {
        xml.writeStartElement(NS, "attributes");
        xml.writeAttribute("class", kind);
        xml.writeCharacters("\n");
        attribute("type", Schema.Type.STRING);
        for (Schema.Attribute a : attributes) {
            attribute(a.name(), a.type());
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private void attribute(String name, Schema.Type type) throws XMLStreamException {
        xml.writeEmptyElement(NS, "attribute");
        xml.writeAttribute("id", name);
        xml.writeAttribute("title", name);
        xml.writeAttribute("type", type.gexf);
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
            if (node.label() != null) {
                xml.writeAttribute("label", Xml.text(node.label()));
            }
            values(node.type(), schema.nodeAttributes(), node.data());
            xml.writeEndElement();
            xml.writeCharacters("\n");
        });
    }

    @Override
    public void edge(Edge edge) {
        Xml.run(() -> {
            if (!inEdges) {
                inEdges = true;
                xml.writeEndElement(); // nodes
                xml.writeCharacters("\n");
                xml.writeStartElement(NS, "edges");
                xml.writeCharacters("\n");
            }
            xml.writeStartElement(NS, "edge");
            xml.writeAttribute("id", edge.id());
            xml.writeAttribute("source", edge.source().id());
            xml.writeAttribute("target", edge.target().id());
            xml.writeAttribute("label", edge.type());
            if (edge.weight() != null) {
                xml.writeAttribute("weight", Xml.text(edge.weight()));
            }
            values(edge.type(), schema.edgeAttributes(), edge.data());
            xml.writeEndElement();
            xml.writeCharacters("\n");
        });
    }

    private void values(String type, List<Schema.Attribute> declared, Map<String, Object> data)
            throws XMLStreamException {
        xml.writeStartElement(NS, "attvalues");
        value("type", type);
        for (Schema.Attribute a : declared) {
            value(a.name(), data.get(a.name()));
        }
        xml.writeEndElement();
    }

    private void value(String name, Object value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        xml.writeEmptyElement(NS, "attvalue");
        xml.writeAttribute("for", name);
        xml.writeAttribute("value", Xml.text(value));
    }

    @Override
    public void close() {
        Xml.run(() -> {
            if (!inEdges) {
                xml.writeEndElement(); // nodes
                xml.writeCharacters("\n");
                xml.writeStartElement(NS, "edges");
            }
            xml.writeEndElement(); // edges
            xml.writeCharacters("\n");
            xml.writeEndElement(); // graph
            xml.writeCharacters("\n");
            xml.writeEndElement(); // gexf
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        });
    }
}
